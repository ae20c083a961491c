import { readFileSync } from 'node:fs';
import { closeAll, connectAll } from './connectAll';
import { dialect, type DialectName } from './Dialect';
import { FanoutRun, type FanoutSpec } from './FanoutRun';
import { joinStorm } from './joinStorm';
import type { LightClient, Target } from './LightClient';
import { fetchPlan, seedPlan } from './seedPlan';
import { throughput } from './throughput';

// The load generator: its own process (pinned to its own core by the runner), driven
// over the IPC channel one request at a time. It only ever talks to loopback.

export interface TargetSpec {
  url: string;
  dialect: DialectName;
  docName: string;
  headers: Record<string, string>;
}

export type Request =
  | { op: 'seed'; target: TargetSpec; planFile: string; items: number }
  | { op: 'fetch'; target: TargetSpec }
  | { op: 'fanoutConnect'; target: TargetSpec | TargetSpec[]; planFile: string; spec: FanoutSpec }
  | { op: 'fanoutWrite' }
  | { op: 'fanoutClose' }
  | { op: 'storm'; target: TargetSpec; count: number }
  | { op: 'throughput'; target: TargetSpec; planFile: string; writers: number; inFlight: number; durationMs: number }
  | { op: 'idleConnect'; target: TargetSpec; clients: number }
  | { op: 'idleClose' }
  | { op: 'release' };

const toTarget = (t: TargetSpec): Target => {
  for (const [k, v] of Object.entries(t.headers)) if (!/^[\x20-\x7e]*$/.test(v)) throw new Error(`header ${k} is not ASCII`);
  return { url: t.url, dialect: dialect(t.dialect, t.docName), headers: t.headers };
};

let seeders: LightClient[] = [];
let fanout: FanoutRun | null = null;
let idle: LightClient[] = [];
const send = (message: unknown) => process.send!(message);

async function handle(req: Request): Promise<unknown> {
  switch (req.op) {
    case 'seed': {
      const started = performance.now();
      seeders.push(await seedPlan(toTarget(req.target), readFileSync(req.planFile), req.items));
      return { ms: performance.now() - started };
    }
    case 'fetch':
      return fetchPlan(toTarget(req.target));
    case 'fanoutConnect':
      fanout = new FanoutRun(Array.isArray(req.target) ? req.target.map(toTarget) : toTarget(req.target), req.spec, readFileSync(req.planFile));
      return { joinMs: await fanout.connect() };
    case 'fanoutWrite':
      return fanout!.write((name) => send({ event: 'phase', name }));
    case 'fanoutClose':
      await fanout?.close();
      fanout = null;
      return {};
    case 'storm':
      return joinStorm(toTarget(req.target), req.count);
    case 'throughput':
      return throughput(toTarget(req.target), readFileSync(req.planFile), req.writers, req.inFlight, req.durationMs);
    case 'idleConnect':
      idle = await connectAll(toTarget(req.target), req.clients, () => () => {});
      return {};
    case 'idleClose':
      await closeAll(idle);
      idle = [];
      return {};
    case 'release':
      await Promise.all(seeders.map((s) => s.close()));
      seeders = [];
      return {};
  }
}

process.on('message', (message: { id: number; req: Request }) => {
  handle(message.req).then(
    (result) => send({ id: message.id, result }),
    (err: Error) => send({ id: message.id, error: err.stack ?? String(err) }),
  );
});
// The runner going away ends the generator too: it must never outlive a run.
process.on('disconnect', () => process.exit(0));
send({ event: 'ready' });
