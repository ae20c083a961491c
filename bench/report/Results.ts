import type { BenchConfig } from '../benchConfig';
import type { FirstPaintPhase } from '../browser/firstPaintPhase';
import type { ExportPhase } from '../exports/exportPhase';
import type { FloorCell } from '../floor/floorPhase';
import type { MailPhase } from '../mail/mailPhase';
import type { ImportPhase } from '../imports/importPhase';
import type { machineInfo } from '../machineInfo';
import type { FanoutCell } from '../scenarios/fanoutCell';
import type { StormCell } from '../scenarios/stormCell';
import type { TwoProcessCell } from '../scenarios/twoProcessCell';
import type { ThroughputCell } from '../scenarios/throughputCell';

/** Everything one run measured: bench/results.json. */
export interface Results {
  meta: {
    date: string;
    command: string;
    durationSeconds: number;
    machine: ReturnType<typeof machineInfo>;
    config: BenchConfig;
    plans: Record<'fanout' | 'small1000' | 'large1000', { id: string; items: number; bytes: number }>;
  };
  fanout: (FanoutCell & { run: number; attempts: number })[];
  /** Ours on one process (SQLite) and then on two (PostgreSQL and Redis), with the same load; absent in runs made before. */
  twoProcess?: { run: number; clients: number; single: FanoutCell & { attempts: number }; double: TwoProcessCell & { attempts: number } }[];
  storm: (StormCell & { run: number; attempts: number; plan: 'small1000' | 'large1000' })[];
  throughput: (ThroughputCell & { run: number; attempts: number })[];
  firstPaint: FirstPaintPhase;
  exports: ExportPhase;
  /** Absent in runs made before digests were measured. */
  mail?: MailPhase;
  /** Absent in runs made before Word import was measured. */
  imports?: ImportPhase;
  /** A bare relay's CPU per delivered copy; absent in runs made before it was measured. */
  floor?: FloorCell[];
  errors: string[];
}
