import { describe, expect, it } from 'vitest';
import { readMigrations } from '../../server/store/applyMigrations';
import { connectPostgres } from '../../server/store/sql/PostgresSql';
import { applyPostgresMigrations } from '../../server/store/sql/migratePostgres';
import { globToRegex, newTranslationContext, toPostgres } from '../../server/store/sql/toPostgres';
import { TEST_ENGINE, testDatabaseUrl } from '../helpers/testEngine';

// The schema is described once, by the numbered SQLite migrations; PostgreSQL gets
// them translated. These tests hold the translation to what SQLite enforces.

describe('translating a migration to PostgreSQL', () => {
  it('turns GLOB patterns into anchored regular expressions', () => {
    expect(globToRegex('*[^a-z0-9-]*')).toBe('^.*[^a-z0-9-].*$');
    expect(globToRegex('[0-9][0-9]-[0-9]')).toBe('^[0-9][0-9]-[0-9]$');
    expect(globToRegex('a.b?')).toBe('^a\\.b.$');
  });

  it('refuses what it cannot translate, naming the migration, instead of building another schema', () => {
    const context = newTranslationContext();
    expect(() => toPostgres('INSERT OR IGNORE INTO t VALUES (1);', context, '099_x.sql')).toThrow(/099_x\.sql: INSERT OR/);
    expect(() => toPostgres("SELECT strftime('%s', 'now');", context, '099_x.sql')).toThrow(/date functions/);
    expect(() => toPostgres('DROP TRIGGER nobody_made_me;', context, '099_x.sql')).toThrow(/no earlier migration made/);
  });

  it('translates every migration there is', () => {
    const context = newTranslationContext();
    for (const m of readMigrations()) expect(() => toPostgres(m.sql, context, m.name)).not.toThrow();
  });
});

describe.runIf(TEST_ENGINE === 'postgres')('the PostgreSQL schema', () => {
  const open = async () => connectPostgres((await testDatabaseUrl({ empty: true }))!);

  it('applies every migration once, under the same numbers and names as SQLite', async () => {
    const db = await open();
    try {
      const names = readMigrations().map((m) => m.name);
      expect(await applyPostgresMigrations(db)).toEqual(names);
      expect(await applyPostgresMigrations(db)).toEqual([]);
      const recorded = await db.all<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version');
      expect(recorded.map((r) => r.name)).toEqual(names);
    } finally {
      await db.close();
    }
  });

  it('is applied once when two processes start together', async () => {
    const url = (await testDatabaseUrl({ empty: true }))!;
    const [a, b] = [connectPostgres(url), connectPostgres(url)];
    try {
      const [first, second] = await Promise.all([applyPostgresMigrations(a), applyPostgresMigrations(b)]);
      expect([first.length, second.length].sort()).toEqual([0, readMigrations().length]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps the guards SQLite has: plan ids, dates, snapshots never changed', async () => {
    const db = await open();
    try {
      await applyPostgresMigrations(db);
      const plan = (id: string) => db.run('INSERT INTO plans (id, title, year, created_at) VALUES (?, ?, 2025, 1)', [id, 'Plan']);
      await plan('2025');
      await expect(plan('../x')).rejects.toThrow(/check constraint/);
      await expect(plan('Plan 2025')).rejects.toThrow(/check constraint/);
      await expect(
        db.run("INSERT INTO meetings (plan_id, title, date, kind, created_at) VALUES ('2025', 'Möte', '12 mars', 'arsmote', 1)"),
      ).rejects.toThrow(/check constraint/);
      const snapshot = await db.get<{ id: number }>(
        `INSERT INTO snapshots (plan_id, reason, created_at, plan_state, plain_json, item_count, comment_count)
         VALUES ('2025', 'manual', 1, ?, '{}', 0, 0) RETURNING id`,
        [new Uint8Array([1, 2])],
      );
      await expect(db.run("UPDATE snapshots SET note = 'x'")).rejects.toThrow(/snapshots cannot be changed/);
      await expect(db.run('DELETE FROM snapshots')).rejects.toThrow(/snapshots cannot be deleted/);
      const row = await db.get<{ plan_state: Buffer }>('SELECT plan_state FROM snapshots WHERE id = ?', [snapshot!.id]);
      expect([...row!.plan_state]).toEqual([1, 2]);
    } finally {
      await db.close();
    }
  });
});
