import type { Sql } from '../../server/store/sql/Sql';

/**
 * Makes the database refuse every new row of `table` with `message`, as a full disk or
 * a failing one would, on either engine; returns what lets it take rows again.
 */
export async function refuseWrites(sql: Sql, table: string, message = 'disk I/O error'): Promise<() => Promise<void>> {
  const name = `refuse_${table}`;
  if (sql.dialect === 'sqlite') {
    await sql.exec(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`);
    return () => sql.exec(`DROP TRIGGER ${name}`);
  }
  await sql.exec(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$;` +
      `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
  return () => sql.exec(`DROP TRIGGER ${name} ON ${table}; DROP FUNCTION ${name}()`);
}
