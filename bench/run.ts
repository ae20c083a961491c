import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/config';
import { BenchProcess } from './BenchProcess';
import { benchConfig } from './benchConfig';
import { benchPlans } from './benchPlans';
import { firstPaintPhase } from './browser/firstPaintPhase';
import { floorPhase } from './floor/floorPhase';
import { exportPhase } from './exports/exportPhase';
import { mailPhase } from './mail/mailPhase';
import { importPhase } from './imports/importPhase';
import { machineInfo } from './machineInfo';
import { renderResults } from './report/renderResults';
import type { Results } from './report/Results';
import { fanoutCell } from './scenarios/fanoutCell';
import { stormCell } from './scenarios/stormCell';
import { quietest } from './scenarios/quietest';
import { GENERATOR_CORE, type BenchPlan } from './servers';
import { throughputCell } from './scenarios/throughputCell';
import { twoProcessCell } from './scenarios/twoProcessCell';

// `npm run bench [-- --quick]`: ours and the peers side by side, in one run, on this
// machine. Every server runs alone on core 0, the load generator on core 1; the figures
// go to bench/results.json and bench/RESULTS.md.

const args = process.argv.slice(2);
const config = benchConfig(args);
const started = new Date();
const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

const results: Results = {
  meta: {
    date: started.toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    durationSeconds: 0,
    machine: machineInfo(),
    config,
    plans: {} as Results['meta']['plans'],
  },
  fanout: [],
  twoProcess: [],
  storm: [],
  throughput: [],
  firstPaint: { cells: [], error: null, chromium: null },
  exports: { sizes: [], error: null },
  errors: [],
};

/** Runs a cell; a cell that fails is tried once more, and every failure is reported. */
async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | null> {
  for (let tries = 1; ; tries++) {
    try {
      return await run();
    } catch (err) {
      const message = `${what} (try ${tries}): ${(err as Error).stack ?? String(err)}`;
      log(`FAILED ${message}`);
      results.errors.push(message.slice(0, 3000));
      if (tries === 2) return null;
    }
  }
}

/**
 * One unmeasured fan-out pass with presence, before the first measured cell: the
 * generator's own code (decoding every copy, the writers, presence) runs unoptimised at
 * first, and the first cells of a run measured that as the first server's latency.
 */
async function warmGenerator(generator: BenchProcess, plan: BenchPlan): Promise<void> {
  const [server] = config.servers;
  const clients = Math.min(...config.fanout.clients);
  if (!server || !Number.isFinite(clients)) return;
  const spec = { ...config.fanout, clients, awareness: true, writers: Math.max(1, Math.round(clients * config.fanout.writerShare)) };
  log(`warming the generator: fan-out ${server} N=${clients} awareness on, not measured`);
  await attempt('warming the generator', () => fanoutCell(generator, server, plan, spec, false));
}

async function main(): Promise<void> {
  const plans = benchPlans();
  for (const key of ['fanout', 'small1000', 'large1000'] as const) {
    results.meta.plans[key] = { id: plans[key].id, items: plans[key].items, bytes: plans[key].state.length };
  }
  log(`plans: ${plans.fanout.items} items (${plans.fanout.state.length} B), 1,000 items (${plans.small1000.state.length} B and ${plans.large1000.state.length} B)`);
  const generator = new BenchProcess(GENERATOR_CORE, ['--import', 'tsx', 'bench/load/generator.ts']);
  await generator.waitFor((m) => m?.event === 'ready');
  try {
    await warmGenerator(generator, plans.fanout);
    for (let run = 1; run <= config.runs; run++) {
      for (const clients of config.fanout.clients) {
        for (const awareness of config.fanout.awareness) {
          for (const server of config.servers) {
            const spec = { ...config.fanout, clients, awareness, writers: Math.max(1, Math.round(clients * config.fanout.writerShare)) };
            const idleCycle = config.fanout.idleCycle && !awareness;
            log(`run ${run} fan-out ${server} N=${clients} awareness ${awareness ? 'on' : 'off'}`);
            const cell = await attempt(`fan-out ${server} ${clients} ${awareness}`, () =>
              quietest(config.attempts, () => fanoutCell(generator, server, plans.fanout, spec, idleCycle), (c) => c.otherCpuPercent, log),
            );
            if (cell) {
              results.fanout.push({ run, ...cell });
              log(`  p50 ${cell.latencyMs.p50.toFixed(2)} p99 ${cell.latencyMs.p99.toFixed(2)} ms, lost ${cell.lost}, cpu ${cell.serverCpuPercent.toFixed(1)} %, generator ${cell.generatorCpuPercent.toFixed(1)} %`);
            }
          }
        }
      }
      for (const clients of config.twoProcess.clients) {
        const spec = { ...config.fanout, clients, awareness: false, writers: Math.max(1, Math.round(clients * config.fanout.writerShare)) };
        // The single process measured right before, under the same conditions.
        log(`run ${run} fan-out ours N=${clients}: one process on SQLite, then two on PostgreSQL and Redis`);
        const single = await attempt(`one process ${clients}`, () =>
          quietest(config.attempts, () => fanoutCell(generator, 'ours', plans.fanout, spec, false), (c) => c.otherCpuPercent, log),
        );
        // PostgreSQL and Redis count among the other processes here: they are part of the setup, not noise to measure again for.
        const double = single && (await attempt(`two processes ${clients}`, () => quietest(1, () => twoProcessCell(generator, plans.fanout, spec), () => 0, log)));
        if (single && double) {
          results.twoProcess!.push({ run, clients, single, double });
          log(`  p99 one process ${single.latencyMs.p99.toFixed(2)} ms, two ${double.latencyMs.p99.toFixed(2)} ms, lost ${double.lost}`);
        }
      }
      for (const which of config.storm.plans) {
        for (const server of config.servers) {
          log(`run ${run} join storm ${server} ${which}`);
          const cell = await attempt(`storm ${server} ${which}`, () =>
            quietest(config.attempts, () => stormCell(generator, server, plans[which], config.storm.clients), (c) => c.otherCpuPercent, log),
          );
          if (cell) {
            results.storm.push({ run, plan: which, ...cell });
            log(`  all hold it after ${cell.allMs.toFixed(0)} ms, server CPU ${cell.serverCpuSeconds.toFixed(2)} s`);
          }
        }
      }
      for (const server of config.throughput.servers) {
        log(`run ${run} throughput ${server}`);
        const { writers, inFlight, durationMs } = config.throughput;
        const cell = await attempt(`throughput ${server}`, () =>
          quietest(config.attempts, () => throughputCell(generator, server, plans.fanout, writers, inFlight, durationMs), (c) => c.otherCpuPercent, log),
        );
        if (cell) {
          results.throughput.push({ run, ...cell });
          log(`  ${cell.updatesPerSecond.toFixed(0)} updates/s`);
        }
      }
    }
  } finally {
    await generator.stop();
  }
  if (config.floorClients.length) {
    log(`a bare relay, the floor of CPU per delivered change, at ${config.floorClients.join(', ')} clients`);
    results.floor = (await attempt('floor relay', () => floorPhase(config.floorClients, config.fanout.writerShare, log))) ?? undefined;
  }
  if (config.firstPaint) {
    log('first paint in Chromium');
    results.firstPaint = await firstPaintPhase(plans.small1000, config.runs, log);
  }
  if (config.exportSizes.length) {
    log(`snapshot and export times for ${config.exportSizes.join(', ')} items`);
    results.exports = await exportPhase(config.exportSizes, log);
  }
  if (config.mailDigestPeople) {
    log(`a digest mailed to ${config.mailDigestPeople} people`);
    results.mail = await mailPhase(config.mailDigestPeople, log);
  }
  if (config.importSizes.length) {
    log(`Word import times for ${config.importSizes.join(', ')} items`);
    results.imports = await importPhase(config.importSizes, log);
  }
  rmSync(plans.dir, { recursive: true, force: true });
  results.meta.durationSeconds = Math.round((Date.now() - started.getTime()) / 1000);
  const suffix = config.partial ? '-partial' : config.quick ? '-quick' : '';
  writeFileSync(join(PROJECT_ROOT, 'bench', `results${suffix}.json`), JSON.stringify(results, null, 1) + '\n');
  writeFileSync(join(PROJECT_ROOT, 'bench', `RESULTS${suffix}.md`), renderResults(results));
  log(`done in ${results.meta.durationSeconds} s: bench/RESULTS${suffix}.md, bench/results${suffix}.json`);
}

main().catch((err) => {
  log(`FAILED: ${(err as Error).stack ?? String(err)}`);
  process.exitCode = 1;
});
