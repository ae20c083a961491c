import type { PlainPlan } from '../plan/types';
import { buildExportView } from './buildExportView';
import { wantsRounds, type ExportRound } from './exportRounds';
import type { ExportMeta, ExportOptions, ExportSource, ExportThread } from './types';

export interface JsonExport extends PlainPlan {
  /** Present only when comments are asked for: the threads of each commented item. */
  comments?: Array<{ direction: string; item: number; activity: string; threads: ExportThread[] }>;
  /** Present only when rounds are asked for: each round's question, facts and answers per item. */
  rounds?: ExportRound[];
}

/** The plan's plain form (what the importer produces), limited to the chosen directions. */
export function toJsonValue(source: ExportSource, options: ExportOptions, meta: ExportMeta = { date: new Date() }): JsonExport {
  const view = buildExportView(source, options, meta);
  const plan: JsonExport = {
    title: view.title,
    year: view.year,
    directions: view.directions.map((d) => ({
      title: d.title,
      items: d.rows.map(({ item: { howRich: _rich, ...item } }) => ({ ...item, who: [...item.who], statusNote: options.statusNotes ? item.statusNote : '' })),
    })),
  };
  if (options.comments !== 'none' && source.comments !== undefined) {
    plan.comments = view.directions.flatMap((d) =>
      d.rows.flatMap((row, index) => (row.threads.length ? [{ direction: d.title, item: index, activity: row.item.activity, threads: row.threads }] : [])),
    );
  }
  if (wantsRounds(options)) plan.rounds = view.rounds;
  return plan;
}

export const toJson = (source: ExportSource, options: ExportOptions, meta?: ExportMeta) => JSON.stringify(toJsonValue(source, options, meta), null, 2) + '\n';
