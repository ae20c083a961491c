import { monitorEventLoopDelay } from 'node:perf_hooks';

// Loaded into every measured server process (`node --import ./bench/probe.ts`), ours
// and the peers alike, so each is observed the same way. Over the IPC channel that the
// runner opens it answers:
//   gc     → runs a full garbage collection (needs --expose-gc), then reports memory
//   reset  → starts a new event-loop delay measurement
//   delay  → the event-loop delay since the last reset, in milliseconds
// Without an IPC channel (a normal start) it does nothing at all.

type ProbeRequest = { probe: 'gc' | 'reset' | 'delay'; id: number };

if (process.send) {
  // The histogram records whole timer intervals; the delay is what exceeds the interval.
  const RESOLUTION_MS = 10;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const answer = (req: ProbeRequest): Record<string, number> => {
    switch (req.probe) {
      case 'gc': {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (!gc) throw new Error('start the server with --expose-gc');
        gc();
        gc();
        const m = process.memoryUsage();
        return { rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
      }
      case 'reset':
        histogram.reset();
        return {};
      case 'delay':
        return {
          p50: ms(histogram.percentile(50)),
          p99: ms(histogram.percentile(99)),
          max: ms(histogram.max),
          mean: ms(histogram.mean),
        };
    }
  };
  process.on('message', (req: ProbeRequest) => {
    if (!req || typeof req !== 'object' || !('probe' in req)) return;
    try {
      process.send!({ probeReply: req.id, result: answer(req) });
    } catch (err) {
      process.send!({ probeReply: req.id, error: String(err) });
    }
  });
  // The runner going away stops the server it started.
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
