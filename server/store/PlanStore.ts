import type Database from 'better-sqlite3';
import { StoreError } from './StoreError';

export interface PlanRecord {
  /** A slug such as "2025"; the plan's document is "plan/<id>". */
  id: string;
  title: string;
  year: number;
  createdAt: number;
}

const COLUMNS = 'id, title, year, created_at AS createdAt';

/** The plans table: which plans exist, with the title and year shown in lists. */
export class PlanStore {
  private readonly selectAll;
  private readonly selectOne;
  private readonly insert;

  constructor(
    db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.selectAll = db.prepare(`SELECT ${COLUMNS} FROM plans ORDER BY year DESC, id`);
    this.selectOne = db.prepare(`SELECT ${COLUMNS} FROM plans WHERE id = ?`);
    this.insert = db.prepare('INSERT INTO plans (id, title, year, created_at) VALUES (?, ?, ?, ?)');
  }

  list(): PlanRecord[] {
    return this.selectAll.all() as PlanRecord[];
  }

  get(id: string): PlanRecord | undefined {
    return this.selectOne.get(id) as PlanRecord | undefined;
  }

  create(plan: { id: string; title: string; year: number }): PlanRecord {
    const record = { ...plan, createdAt: this.now() };
    try {
      this.insert.run(record.id, record.title, record.year, record.createdAt);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new StoreError('PLAN_EXISTS', `a plan with id ${plan.id} already exists`, { cause: err });
      }
      throw err;
    }
    return record;
  }
}
