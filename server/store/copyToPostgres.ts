import type BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readMigrations } from './applyMigrations';
import { StoreError } from './StoreError';
import { resetIdentities } from './sql/migratePostgres';
import type { Database, Sql } from './sql/Sql';

// Moves an installation from SQLite to PostgreSQL: every table's rows, copied in one
// transaction, then compared table by table by a digest of their content read back
// from both. The tables and columns are read from the databases themselves, so tables
// that later migrations add move too.

export interface CopiedTable {
  table: string;
  rows: number;
  /** SHA-256 of the table's rows, ordered by key, as both databases hold them. */
  digest: string;
}

/** Each document's sequence, which SQLite leaves empty: its rows in the order of their ids. */
const SEQUENCE = 'row_number() OVER (PARTITION BY doc_name ORDER BY id) AS seq';

interface TableInfo {
  name: string;
  columns: string[];
  key: string[];
  parents: string[];
}

function tablesOf(db: BetterSqlite3.Database): TableInfo[] {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")
    .pluck()
    .all() as string[];
  return names.map((name) => {
    const columns = db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`).all(name) as { name: string; pk: number }[];
    const parents = db.prepare('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)').pluck().all(name) as string[];
    const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    return { name, columns: columns.map((c) => c.name), key: key.length ? key : columns.map((c) => c.name), parents: parents.filter((p) => p !== name) };
  });
}

/** Parents before children, so foreign keys hold at every insert. */
function inDependencyOrder(tables: TableInfo[]): TableInfo[] {
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo) => {
    if (done.has(t.name)) return;
    done.add(t.name);
    for (const p of t.parents) {
      const parent = tables.find((x) => x.name === p);
      if (parent) visit(parent);
    }
    out.push(t);
  };
  tables.forEach(visit);
  return out;
}

const quote = (name: string) => `"${name}"`;

function selectOf(t: TableInfo): string {
  const columns = t.columns.map((c) => (t.name === 'doc_updates' && c === 'seq' ? SEQUENCE : quote(c)));
  return `SELECT ${columns.join(', ')} FROM ${quote(t.name)} ORDER BY ${t.key.map(quote).join(', ')}`;
}

/** A digest of rows that reads the same from either engine (numbers, text, bytes, null). */
function digestOf(rows: Record<string, unknown>[], columns: string[]): string {
  const hash = createHash('sha256');
  for (const row of rows) {
    const values = columns.map((c) => {
      const v = row[c];
      if (v instanceof Uint8Array) return { bytes: Buffer.from(v).toString('hex') };
      return v === undefined ? null : v;
    });
    hash.update(JSON.stringify(values));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/**
 * Tables a migration fills with rows of its own (the key that signs unsubscribe links):
 * a new database has them already, and the installation's rows replace them.
 */
function seededTables(): Set<string> {
  const seeded = new Set<string>();
  for (const m of readMigrations()) for (const [, table] of m.sql.matchAll(/INSERT\s+INTO\s+(\w+)\s*\([^)]*\)\s*VALUES/gi)) seeded.add(table);
  return seeded;
}

async function isEmpty(pg: Sql, tables: TableInfo[], seeded: Set<string>): Promise<boolean> {
  for (const t of tables) {
    if (!seeded.has(t.name) && (await pg.get(`SELECT 1 FROM ${quote(t.name)} LIMIT 1`))) return false;
  }
  return true;
}

/**
 * Copies every row of the SQLite database into the PostgreSQL one (which must have the
 * same schema and no rows yet), in one transaction, and checks each table by digest.
 */
export async function copyToPostgres(sqlite: BetterSqlite3.Database, pg: Database): Promise<CopiedTable[]> {
  const tables = inDependencyOrder(tablesOf(sqlite));
  const seeded = seededTables();
  if (!(await isEmpty(pg, tables, seeded))) {
    throw new StoreError('MIGRATION_FAILED', 'the PostgreSQL database already holds Planbord data; move into an empty database');
  }
  // Checked inside the transaction: a copy that differs is never committed.
  return pg.transaction(async (tx) => {
    for (const t of [...tables].reverse()) if (seeded.has(t.name)) await tx.run(`DELETE FROM ${quote(t.name)}`);
    for (const t of tables) {
      const insert = `INSERT INTO ${quote(t.name)} (${t.columns.map(quote).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`;
      for (const row of sqlite.prepare(selectOf(t)).raw().iterate() as IterableIterator<never[]>) await tx.run(insert, row);
    }
    await resetIdentities(tx);
    const copied: CopiedTable[] = [];
    for (const t of tables) {
      const from = sqlite.prepare(selectOf(t)).all() as Record<string, unknown>[];
      const to = await tx.all(`SELECT ${t.columns.map(quote).join(', ')} FROM ${quote(t.name)} ORDER BY ${t.key.map(quote).join(', ')}`);
      const digest = digestOf(from, t.columns);
      if (from.length !== to.length || digest !== digestOf(to, t.columns)) {
        throw new StoreError('MIGRATION_FAILED', `the copy of ${t.name} differs from the original (${from.length} rows, ${to.length} copied)`);
      }
      copied.push({ table: t.name, rows: from.length, digest });
    }
    return copied;
  });
}
