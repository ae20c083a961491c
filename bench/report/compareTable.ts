import { SERVER_NAMES, type ServerName } from '../servers';
import { round } from '../stats';

// A table of one figure: a row per scenario, a column per server holding every run's
// value ("r1 / r2"), then the best peer and ours divided by it (of the runs' means).

export interface Row<C> {
  label: string;
  cells: C[];
}

export interface Figure<C> {
  title: string;
  unit: string;
  /** Which end is better: the best peer is chosen by it. */
  better: 'lower' | 'higher';
  value(cell: C): number;
  server(cell: C): ServerName;
}

const PEERS = SERVER_NAMES.filter((s) => s !== 'ours');
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const show = (v: number) => (Number.isFinite(v) ? String(round(v)) : 'n/a');

export interface Comparison {
  ours: number;
  bestPeer: ServerName | null;
  best: number;
  ratio: number;
}

export function compare<C>(figure: Figure<C>, cells: C[]): Comparison {
  const of = (s: ServerName) => cells.filter((c) => figure.server(c) === s).map(figure.value).filter(Number.isFinite);
  const ours = of('ours').length ? mean(of('ours')) : NaN;
  let bestPeer: ServerName | null = null;
  let best = NaN;
  for (const peer of PEERS) {
    const values = of(peer);
    if (!values.length) continue;
    const m = mean(values);
    if (bestPeer === null || (figure.better === 'lower' ? m < best : m > best)) [bestPeer, best] = [peer, m];
  }
  return { ours, bestPeer, best, ratio: ours / best };
}

export function compareTable<C>(figure: Figure<C>, rows: Row<C>[]): string {
  const head = `| scenario | ${SERVER_NAMES.join(' | ')} | best peer | ours ÷ best |`;
  const lines = [`**${figure.title}** (${figure.unit}; ${figure.better} is better; runs separated by /)`, '', head, `|${'---|'.repeat(SERVER_NAMES.length + 3)}`];
  for (const row of rows) {
    const values = SERVER_NAMES.map((s) => row.cells.filter((c) => figure.server(c) === s).map((c) => show(figure.value(c))).join(' / ') || '—');
    const c = compare(figure, row.cells);
    lines.push(`| ${row.label} | ${values.join(' | ')} | ${c.bestPeer ?? '—'} | ${Number.isFinite(c.ratio) ? round(c.ratio) : 'n/a'} |`);
  }
  return lines.join('\n') + '\n';
}
