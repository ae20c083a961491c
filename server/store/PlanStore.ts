import { isUniqueViolation, type Sql } from './sql/Sql';
import { StoreError } from './StoreError';

export interface PlanRecord {
  /** A slug such as "2025"; the plan's document is "plan/<id>". */
  id: string;
  title: string;
  year: number;
  createdAt: number;
}

const COLUMNS = 'id, title, year, created_at AS "createdAt"';

/** The plans table: which plans exist, with the title and year shown in lists. */
export class PlanStore {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number = Date.now,
  ) {}

  list(): Promise<PlanRecord[]> {
    return this.sql.all<PlanRecord>(`SELECT ${COLUMNS} FROM plans ORDER BY year DESC, id`);
  }

  get(id: string): Promise<PlanRecord | undefined> {
    return this.sql.get<PlanRecord>(`SELECT ${COLUMNS} FROM plans WHERE id = ?`, [id]);
  }

  async create(plan: { id: string; title: string; year: number }): Promise<PlanRecord> {
    const record = { ...plan, createdAt: this.now() };
    try {
      await this.sql.run('INSERT INTO plans (id, title, year, created_at) VALUES (?, ?, ?, ?)', [
        record.id,
        record.title,
        record.year,
        record.createdAt,
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new StoreError('PLAN_EXISTS', `a plan with id ${plan.id} already exists`, { cause: err });
      throw err;
    }
    return record;
  }
}
