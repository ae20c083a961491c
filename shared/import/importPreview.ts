import { blocksToPlainText } from '../plan/richText';
import type { Priority, Status } from '../plan/types';
import type { ImportFormat, ImportResult } from './ImportResult';
import type { ImportWarning } from './ImportWarning';
import { isParty } from './parties';
import type { Where } from './where';

/** What the app shows before anything is written: the plan as read, and what to look at. */
export interface ImportPreview {
  format: ImportFormat;
  title: string;
  /** 0 when the file names none (CSV). */
  year: number;
  organisation: string;
  version: string;
  /** The preamble (the annual meeting's text) as plain text. */
  preamble: string;
  directions: Array<{
    title: string;
    where: Where;
    items: Array<{ activity: string; status: Status; statusNote: string; priority: Priority; who: string[]; where: Where }>;
  }>;
  /** Names in Vem that are none of the association's parties, with where each was met. */
  unknownParties: Array<{ name: string; where: Where[] }>;
  warnings: ImportWarning[];
  itemCount: number;
}

export function importPreview(result: ImportResult): ImportPreview {
  const { document } = result;
  const unknown = new Map<string, Where[]>();
  const directions = document.plan.directions.map((d, k) => ({
    title: d.title,
    where: result.directionWhere[k],
    items: d.items.map((item, i) => {
      const where = result.itemWhere[k][i];
      for (const name of item.who) if (!isParty(name)) unknown.set(name, [...(unknown.get(name) ?? []), where]);
      return { activity: item.activity, status: item.status, statusNote: item.statusNote, priority: item.priority, who: item.who, where };
    }),
  }));
  return {
    format: result.format,
    title: document.plan.title,
    year: document.plan.year,
    organisation: document.organisation,
    version: document.version,
    preamble: blocksToPlainText([{ type: 'paragraph', runs: document.preamble }]),
    directions,
    unknownParties: [...unknown].map(([name, where]) => ({ name, where })).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    warnings: result.warnings,
    itemCount: directions.reduce((n, d) => n + d.items.length, 0),
  };
}
