import { NOISE_LIMIT } from '../scenarios/quietest';
import { SERVER_LABELS, SERVER_NAMES } from '../servers';
import { round } from '../stats';
import { compareTable, type Figure } from './compareTable';
import { cpuPerChangeMicros, fanoutFigures, fanoutRows } from './fanoutFigures';
import type { Results } from './Results';
import { targets } from './targets';
import { mailSection } from './mailSection';
import { twoProcessSection } from './twoProcessSection';

// bench/RESULTS.md: the run's machine and method, every figure of ours beside each
// peer's with the ratio against the best peer, and the targets checked.

type Storm = Results['storm'][number];
type Throughput = Results['throughput'][number];
const fig = <C extends { server: Storm['server'] }>(title: string, unit: string, value: (c: C) => number, better: 'lower' | 'higher' = 'lower'): Figure<C> => ({
  title,
  unit,
  better,
  value,
  server: (c) => c.server,
});
const na = (v: number | undefined | null, unit = '') => (v === undefined || v === null || !Number.isFinite(v) ? 'n/a' : `${round(v)}${unit}`);

function header(r: Results): string {
  const m = r.meta.machine;
  const f = r.meta.config.fanout;
  return `# Benchmark: Planbord's sync server against the reference Yjs servers

Run on ${r.meta.date.slice(0, 10)} (${r.meta.date}), took ${r.meta.durationSeconds} s.
Command: \`${r.meta.command}\`${r.meta.config.quick ? ' (quick: one pass, short windows; not the committed figures)' : ''}

Machine: ${m.nproc} vCPU ${m.cpuModel}, ${m.memoryGiB} GiB memory, Linux ${m.kernel}. Node ${m.node};
${Object.entries(m.versions).map(([k, v]) => `${k} ${v}`).join(', ')}${r.firstPaint.chromium ? `; Chromium ${r.firstPaint.chromium}` : ''}.

Servers (each alone, pinned to core 0 at nice -20, started with \`--expose-gc\` and the same probe preloaded):
${SERVER_NAMES.map((s) => `- **${s}**: ${SERVER_LABELS[s]}`).join('\n')}

## Method
- Server and generator run at the highest priority (\`nice -n -20\`), so that other programs
  on the machine take as little of their cores as the scheduler allows.
- Load: one generator process pinned to core 1, loopback only, the same bytes for every
  server (Hocuspocus gets them inside its per-document envelope and an Auth message first).
  Clients hold no Y.Doc: a reader decodes the send time from the update bytes. Writers
  (${round(f.writerShare * 100)} % of the clients) each change one card's status or priority once a second
  through the board's plan operation (\`updateItem\`), spread evenly over the second; the change also
  writes the status note \`bm:<writer>:<seq>:<ms>\` (one transaction, ~${na(r.fanout[0]?.meanUpdateBytes)} bytes).
  Ours stores each change with its audit lines before sending it on; the run counts those lines afterwards. Awareness on: every client announces
  itself, renews every 15 s, and writers update their presence with each change.
- Each fan-out cell: a fresh server and data folder; the plan (${r.meta.plans.fanout.items} items, ${round(r.meta.plans.fanout.bytes / 1000)} kB, built with
  the plan operations; every writer changes a card of its own) is put in by one client that
  stays (ours: imported into the data folder, as the first plan is); N clients
  join in batches of 25; ${f.warmupMs / 1000} s warm-up, ${f.measureMs / 1000} s measured, then up to ${f.drainMs / 1000} s for
  stragglers (a copy still missing after 2 s without any arriving counts as lost).
  Latency counts changes sent inside the window; lost counts every (reader, writer) pair over
  the whole run: each writer's sequence numbers must all reach every other client.
- CPU from /proc/<pid>/stat (user+system) over the measured window; RSS from /proc/<pid>/status
  after two forced GCs; RSS per idle connection = (RSS with N clients − RSS with the seeding
  client alone) ÷ N; event-loop delay from perf_hooks.monitorEventLoopDelay inside the server
  (resolution 10 ms, reported as the delay beyond it). CPU per delivered change = server CPU in the
  window ÷ the copies of changes the readers received (a server that sends several changes in one
  frame is not counted per frame).
- Ours signs in like a new installation's secretariat (the one-time link of the first account)
  and every client carries that session cookie and the page's Origin.
- Every cell ran ${r.meta.config.runs === 1 ? 'once' : `${r.meta.config.runs} times; every run is shown`}. Ratios are of the runs' means.
- The machine may be shared with other work: the CPU that processes other than the measured
  server and the generator used during each window is shown ("other processes").${r.meta.config.attempts > 1 ? ` Before each
  cell the run waited (up to 20 s, 5 minutes in all) for a quiet machine; a cell measured in a
  quiet moment but disturbed by more than ${NOISE_LIMIT} % of a core was measured again (at most
  ${r.meta.config.attempts} attempts) and the quietest attempt kept.` : ''}
`;
}

function stormSection(r: Results): string {
  const rows = r.meta.config.storm.plans.map((p) => ({
    label: p === 'large1000' ? '1,000 items, 1.9 MB' : '1,000 items, 0.4 MB',
    cells: r.storm.filter((c) => c.plan === p),
  }));
  const figures: Figure<Storm>[] = [
    fig('All 100 clients hold the plan', 's', (c) => c.allMs / 1000),
    fig('Server CPU during the storm', 's', (c) => c.serverCpuSeconds),
    fig('Load generator CPU during the storm', '% of one core', (c) => c.generatorCpuPercent),
    fig('CPU of other processes on the machine (noise)', '% of one core', (c) => c.otherCpuPercent),
    fig('One client joining a quiet server: connect until the plan is applied (median of 5)', 'ms', (c) => c.singleJoinMs),
    fig('Clients that failed to join', 'clients', (c) => c.failed),
  ];
  return `## Join storm: ${r.meta.config.storm.clients} clients connect at once to a plan of 1,000 items\n\n${figures.map((f) => compareTable(f, rows)).join('\n')}`;
}

function throughputSection(r: Results): string {
  const { writers, inFlight, durationMs } = r.meta.config.throughput;
  const rows = [{ label: `${writers} writers, ≤ ${inFlight} in flight each, ${durationMs / 1000} s`, cells: r.throughput }];
  return `## Sustained write throughput through the websocket

For ours every counted update was stored in SQLite, with its audit lines, before it was
broadcast; the peers store later (Bsql) or never (A, B), so theirs is applied-and-broadcast.
The writers' changes are made before the clock starts, so the generator measures the server.

${compareTable(fig<Throughput>('Updates per second', 'updates/s', (c) => c.updatesPerSecond, 'higher'), rows)}
${compareTable(fig<Throughput>('Server CPU', '% of one core', (c) => c.serverCpuPercent), rows)}
${compareTable(fig<Throughput>('Server CPU per update', 'µs', (c) => (c.serverCpuPercent * 1e4) / c.updatesPerSecond), rows)}
${compareTable(fig<Throughput>('Load generator CPU (changes made ahead; must stay well below 100)', '% of one core', (c) => c.generatorCpuPercent), rows)}
${compareTable(fig<Throughput>('CPU of other processes on the machine (noise)', '% of one core', (c) => c.otherCpuPercent), rows)}`;
}

function floorSection(r: Results): string {
  if (!r.floor?.length) return '';
  const perChange = (c: Results['fanout'][number]) => cpuPerChangeMicros(c, r.meta.config.fanout.measureMs);
  const mean = (cells: Results['fanout']) => cells.reduce((n, c) => n + perChange(c), 0) / cells.length;
  const lines = r.floor.map((f) => {
    const cells = r.fanout.filter((c) => c.clients === f.clients && !c.awareness);
    const of = (server: string) => cells.filter((c) => c.server === server);
    const peers = SERVER_NAMES.filter((s) => s !== 'ours' && of(s).length).map((s) => mean(of(s)));
    return `| ${f.clients} | ${round(f.perCopyMicros)} | ${na(of('ours').length ? mean(of('ours')) : NaN)} | ${na(peers.length ? Math.min(...peers) : NaN)} | ${na(peers.length ? 0.6 * Math.min(...peers) : NaN)} |`;
  });
  return `## The floor: a bare relay (CPU per delivered change)

A relay that does nothing but write each 60-byte message, as it came, to every other
socket (\`bench/floor/relayFloor.ts\`: plain TCP, no websocket framing, no Yjs, no storage),
pinned and loaded like the fan-out cells (10 % of the clients writing once a second,
awareness off), 10 s measured. Any server that sends each change to each receiver in
its own socket write spends at least this much CPU per delivered copy.

| clients | bare relay µs | ours µs (mean, awareness off) | best peer µs | 0.6 × best peer µs |
|---|---|---|---|---|
${lines.join('\n')}
`;
}

function paintSection(r: Results): string {
  const p = r.firstPaint;
  if (p.error) return `## First paint in Chromium (ours)\n\nnot available: ${p.error.split('\n')[0]}\n`;
  if (!p.cells.length) return '## First paint in Chromium (ours)\n\nnot measured in this run\n';
  const lines = p.cells.map(
    (c) =>
      `| ${c.planId} | ${c.items} | ${c.run} | ${round(c.paintedMs)} | ${c.cards} | ${round(c.jsGzipBytes / 1000)} | ${round(c.jsBytes / 1000)} | ${c.scripts.map((s) => s.path).join(', ')} | ${round(c.liveMs)} | ${round(c.liveJsGzipBytes / 1000)} |`,
  );
  return `## First paint in Chromium (ours)

Fresh profile per run (no cache, no IndexedDB copy), 1600×1000 viewport, Chromium unpinned.
"Painted" = the frame holding every card was produced, on the page's clock (0 = navigation start);
the harness looks once per frame, just before it is made, so that it adds no work while the page is parsed.
The server draws the board into the page; "live" = the frame in which the app's own board, with
its controls, had taken its place, and the JavaScript loaded by then.

| plan | items | run | painted ms | cards | JS gzip kB | JS raw kB | scripts loaded before paint | live ms | JS gzip kB by live |
|---|---|---|---|---|---|---|---|---|---|
${lines.join('\n')}
`;
}

function exportSection(r: Results): string {
  const e = r.exports;
  if (e.error) return `## Snapshot and export (ours)\n\nnot available: ${e.error.split('\n')[0]}\n`;
  if (!e.sizes.length) return '## Snapshot and export (ours)\n\nnot measured in this run\n';
  const t = (x: { ms: number; bytes: number } | null) => (x ? `${round(x.ms)} ms (${round(x.bytes / 1000)} kB)` : 'n/a');
  return `## Snapshot and export (ours)

In a process pinned to core 0, on synthetic plans built with the plan operations; median
of 3 after a warm-up (10,000 items: one run after a warm-up). Snapshot = snapshotOfPlan
(encoded plan and discussion states plus the keyed plain JSON; the row insert is not timed).

| items | plan | snapshot | DOCX | PDF | notes |
|---|---|---|---|---|---|
${e.sizes.map((s) => `| ${s.items} | ${round(s.planBytes / 1000)} kB | ${t(s.snapshot)} | ${t(s.docx)} | ${t(s.pdf)} | ${s.errors.join('; ')} |`).join('\n')}
`;
}

function importSection(r: Results): string {
  const i = r.imports;
  if (!i) return '## Word import (ours)\n\nnot measured in this run\n';
  if (i.error) return `## Word import (ours)\n\nnot available: ${i.error.split('\n')[0]}\n`;
  return `## Word import (ours)

In a process pinned to core 0, on synthetic plans written by our own Word export: the
file read (zip, XML, tables, rows) and the plan made of it (its row and first update
stored in SQLite); median of 3 after a warm-up.

| items | file | read | create | total |
|---|---|---|---|---|
${i.sizes.map((s) => `| ${s.items} | ${round(s.fileBytes / 1000)} kB | ${round(s.readMs)} ms | ${round(s.createMs)} ms | ${round(s.totalMs)} ms |`).join('\n')}
`;
}

export function renderResults(r: Results): string {
  const fan = fanoutFigures(r.meta.config.fanout.measureMs).map((f) => compareTable(f, fanoutRows(r)));
  const checks = targets(r).map((c) => `| ${c.met === null ? 'not measured' : c.met ? 'met' : '**missed**'} | ${c.target} | ${c.measured} |`);
  return [
    header(r),
    '## Targets\n\n| | target | this run |\n|---|---|---|\n' + checks.join('\n') + '\n',
    `## Fan-out: N clients on one plan, ${round(r.meta.config.fanout.writerShare * 100)} % of them writing once a second\n\n${fan.join('\n')}`,
    twoProcessSection(r),
    stormSection(r),
    throughputSection(r),
    floorSection(r),
    paintSection(r),
    exportSection(r),
    mailSection(r.mail),
    importSection(r),
    r.errors.length ? `## Errors\n\n${r.errors.map((e) => '```\n' + e + '\n```').join('\n')}\n` : '',
  ].join('\n');
}
