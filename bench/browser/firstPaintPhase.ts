import { PROJECT_ROOT } from '../../server/config';
import { buildClientIfStale } from '../../server/buildClient';
import { createConsoleLogger } from '../../server/logger';
import { startBenchServer, type BenchPlan } from '../servers';
import { firstPaint, launchChromium, type FirstPaint } from './firstPaint';

// Our page in Chromium: the plan the server imported on first start (2025) and a plan
// of 1,000 items, each opened `runs` times in a fresh profile.

export interface FirstPaintPhase {
  cells: (FirstPaint & { run: number })[];
  chromium: string | null;
  error: string | null;
}

const SEEDED_PLAN = { id: '2025', items: 37 };

export async function firstPaintPhase(plan1000: BenchPlan, runs: number, log: (line: string) => void): Promise<FirstPaintPhase> {
  const phase: FirstPaintPhase = { cells: [], chromium: null, error: null };
  try {
    await buildClientIfStale(PROJECT_ROOT, createConsoleLogger());
    const server = await startBenchServer('ours', [plan1000]);
    const browser = await launchChromium();
    phase.chromium = browser.version();
    try {
      for (let run = 1; run <= runs; run++) {
        for (const { id, items } of [SEEDED_PLAN, { id: plan1000.id, items: plan1000.items }]) {
          const cell = await firstPaint(browser, server.origin, server.cookie, id, items);
          phase.cells.push({ run, ...cell });
          log(`  ${id}: board painted after ${cell.paintedMs.toFixed(0)} ms, ${(cell.jsGzipBytes / 1024).toFixed(1)} KiB gzip JS`);
        }
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  } catch (err) {
    phase.error = (err as Error).stack ?? String(err);
    log(`FAILED first paint: ${phase.error}`);
  }
  return phase;
}
