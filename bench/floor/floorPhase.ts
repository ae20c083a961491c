import { BenchProcess } from '../BenchProcess';
import { GENERATOR_CORE, SERVER_CORE } from '../servers';

// The floor under "server CPU per delivered change": what a relay that does nothing but
// pass each 60-byte message on, one socket write per receiver (relayFloor.ts), costs per
// delivered copy on this machine, with the fan-out cells' clients and writers. No server
// that sends each change to each receiver in its own write can go below it.

export interface FloorCell {
  clients: number;
  writers: number;
  copies: number;
  cpuMicros: number;
  /** Server CPU per delivered copy, µs. */
  perCopyMicros: number;
}

const WINDOW_MS = 10_000;
const WARMUP_MS = 2_000;

export async function floorPhase(clientCounts: number[], writerShare: number, log: (line: string) => void): Promise<FloorCell[]> {
  const cells: FloorCell[] = [];
  for (const clients of clientCounts) {
    const relay = new BenchProcess(SERVER_CORE, ['--import', 'tsx', 'bench/floor/relayFloor.ts']);
    const users = new BenchProcess(GENERATOR_CORE, ['--import', 'tsx', 'bench/floor/floorClients.ts']);
    try {
      const [{ port }] = await Promise.all([relay.waitFor((m) => m?.event === 'ready'), users.waitFor((m) => m?.event === 'ready')]);
      const writers = Math.max(1, Math.round(clients * writerShare));
      users.child.send({ cmd: 'open', port, n: clients });
      await users.waitFor((m) => m?.event === 'opened');
      users.child.send({ cmd: 'write', writers });
      await users.waitFor((m) => m?.event === 'writing');
      await new Promise((r) => setTimeout(r, WARMUP_MS));
      users.child.send({ cmd: 'count' });
      const before = (await users.waitFor((m) => m?.event === 'count')).bytes as number;
      relay.child.send({ cmd: 'cpuStart' });
      await relay.waitFor((m) => m?.event === 'cpuStarted');
      await new Promise((r) => setTimeout(r, WINDOW_MS));
      relay.child.send({ cmd: 'cpuStop' });
      const { micros } = await relay.waitFor((m) => m?.event === 'cpu');
      users.child.send({ cmd: 'count' });
      const after = (await users.waitFor((m) => m?.event === 'count')).bytes as number;
      const copies = Math.round((after - before) / 60);
      const cell = { clients, writers, copies, cpuMicros: micros, perCopyMicros: micros / copies };
      cells.push(cell);
      log(`  floor relay, ${clients} clients: ${cell.perCopyMicros.toFixed(1)} µs of CPU per delivered copy (${copies} copies)`);
      users.child.send({ cmd: 'close' });
      await users.waitFor((m) => m?.event === 'closed');
    } finally {
      await users.stop();
      await relay.stop();
    }
  }
  return cells;
}
