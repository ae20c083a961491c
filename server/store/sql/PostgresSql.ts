import pg from 'pg';
import type { Database, RunResult, Sql, SqlValue } from './Sql';

// PostgreSQL behind the asynchronous Sql, through a pool of connections (node-postgres).
// Statements keep SQLite's `?` placeholders and are numbered ($1, $2, …) here, once per
// distinct statement. BIGINT comes back as a JavaScript number: every integer Planbord
// stores (ids, milliseconds since 1970, counts) is far below 2^53.

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Bytes go to node-postgres as Buffers (a plain Uint8Array would be sent as JSON). */
function convert(params: readonly SqlValue[]): unknown[] {
  return params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));
}

type Queryable = pg.Pool | pg.PoolClient;

/** `?` outside quoted strings and names becomes $1, $2, … */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (m) => (m === '?' ? `$${++n}` : m));
}

/**
 * Statements are prepared once on each connection, under a name: PostgreSQL then skips
 * parsing and planning them at every run (for the statement that stores a change, about
 * 200 µs of the database's time, twice the rest of its work). Only the first
 * MAX_PREPARED distinct statements get a name, so statements with values written into
 * their text cannot fill the database's memory; the rest run unnamed, as before.
 */
const MAX_PREPARED = 256;
/** Each distinct statement as node-postgres gets it: numbered once, with its name if it has one. */
const statements = new Map<string, { text: string; name?: string }>();

function statementOf(sql: string): { text: string; name?: string } {
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = { text: numberPlaceholders(sql) };
    if (statements.size < MAX_PREPARED) statement.name = `planbord_${statements.size + 1}`;
    statements.set(sql, statement);
  }
  return statement;
}

async function query(on: Queryable, sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
  return on.query({ ...statementOf(sql), values: convert(params) });
}

class PostgresHandle implements Sql {
  readonly dialect = 'postgres';

  constructor(
    protected readonly on: Queryable,
    private readonly depth = 0,
  ) {}

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await query(this.on, sql, params)).rows as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await query(this.on, sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return { changes: (await query(this.on, sql, params)).rowCount ?? 0 };
  }

  async lock(key: string): Promise<void> {
    await query(this.on, 'SELECT pg_advisory_xact_lock(hashtext(?))', [key]);
  }

  async exec(sql: string): Promise<void> {
    await this.on.query(sql);
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.depth > 0) return this.savepoint(this.on as pg.PoolClient, fn);
    const client = await (this.on as pg.Pool).connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      try {
        const result = await fn(new PostgresHandle(client, 1));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw err;
      }
    } catch (err) {
      broken ||= isConnectionError(err);
      throw err;
    } finally {
      client.release(broken);
    }
  }

  private async savepoint<T>(client: pg.PoolClient, fn: (tx: Sql) => Promise<T>): Promise<T> {
    const name = `sp${this.depth}`;
    await client.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn(new PostgresHandle(client, this.depth + 1));
      await client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      await client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => {});
      throw err;
    }
  }
}

/** The connection itself failed (as opposed to the statement): the pool must not reuse it. */
function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('08') || code.startsWith('57P') || code.startsWith('E'));
}

export class PostgresSql extends PostgresHandle implements Database {
  constructor(readonly pool: pg.Pool) {
    super(pool);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A pool on DATABASE_URL. A lost connection is logged by the caller's next query failing, never thrown at idle. */
export function connectPostgres(url: string, max = 10): PostgresSql {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => {
    // An idle connection died (the server restarted); the pool replaces it on demand.
  });
  return new PostgresSql(pool);
}
