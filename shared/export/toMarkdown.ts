import type { TextRun } from '../plan/types';
import { buildExportView, type ExportRow, type ExportView } from './buildExportView';
import { escapeInline, escapeLineStarts, quotedComment } from './markdownText';
import { roundsMarkdown } from './roundsMarkdown';
import { actionPlanTitle, sectionBlocks, STRATEGY_TITLE, TABLE_COLUMNS, type SectionBlock } from './sectionBlocks';
import type { ExportMeta, ExportOptions, ExportSource } from './types';

// CommonMark with GitHub tables. Text from the plan is escaped so that whatever someone
// typed reads back as the same text: a star, a pipe, an entity such as "&lt;", a
// strikethrough "~~" or a leading "1." or "---" stays text instead of becoming markup.

function inline(runs: TextRun[]): string {
  return runs
    .map((run) => {
      if (run.text === '\n') return '  \n';
      const lead = run.text.match(/^\s*/)![0];
      const trail = run.text.slice(lead.length).match(/\s*$/)![0];
      const core = run.text.slice(lead.length, run.text.length - trail.length);
      if (!core) return run.text;
      // Markers hug the words: "** bold**" is not bold in Markdown.
      let text = escapeInline(core).replace(/\n/g, '  \n');
      if (run.italic) text = `*${text}*`;
      if (run.bold) text = `**${text}**`;
      if (run.link) text = `[${text}](<${run.link.replace(/[<>]/g, encodeURIComponent)}>)`;
      return lead + text + trail;
    })
    .join('');
}

function block(b: SectionBlock): string {
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${inline(b.runs).replace(/\s*\n\s*/g, ' ')}`;
    case 'paragraph':
      return escapeLineStarts(inline(b.runs));
    case 'bulletList':
      return b.items.map((runs) => `- ${escapeLineStarts(inline(runs))}`).join('\n');
    case 'orderedList':
      return b.items.map((runs, i) => `${i + 1}. ${escapeLineStarts(inline(runs))}`).join('\n');
  }
}

/** A table cell: one line, pipes escaped, line breaks as <br>. */
const cell = (text: string) => escapeInline(text.trim()).replace(/\r?\n/g, '<br>') || ' ';

function tableRow(row: ExportRow, first: boolean): string {
  const { item } = row;
  const status = row.statusNote ? `${cell(row.statusLabel)}<br>*${cell(row.statusNote)}*` : cell(row.statusLabel);
  const cells = [first ? cell(item.activity) : ' ', cell(item.how), cell(item.who.join(', ')), cell(item.when), status, item.priority ? String(item.priority) : ' '];
  return `| ${cells.join(' | ')} |`;
}

function directionTables(view: ExportView): string[] {
  return view.directions.map((direction) => {
    const rows = direction.groups.flatMap((group) => group.rows.map((row, i) => tableRow(row, i === 0)));
    const header = `| ${TABLE_COLUMNS.join(' | ')} |\n|${TABLE_COLUMNS.map(() => ' --- ').join('|')}|`;
    return [`### ${inline([{ text: direction.title }])}`, [header, ...rows].join('\n')].join('\n\n');
  });
}

function commentSection(view: ExportView): string[] {
  if (view.comments.length === 0) return [];
  const parts = ['## Kommentarer'];
  for (const entry of view.comments) {
    parts.push(`### ${escapeInline(entry.direction)}: ${escapeInline(entry.activity || entry.how.split('\n')[0])}`);
    for (const thread of entry.threads) {
      const lines = thread.comments.map(quotedComment);
      parts.push([thread.resolved ? '> *Löst tråd*' : null, ...lines].filter(Boolean).join('\n>\n'));
    }
  }
  return parts;
}

export function renderMarkdown(view: ExportView): string {
  const front = [
    `# ${escapeInline(view.title)}`,
    [view.organisation && escapeInline(view.organisation), view.version && escapeInline(view.version), `*${escapeInline(view.dateLine)}*`]
      .filter(Boolean)
      .join('  \n'),
    view.preamble.length ? escapeLineStarts(inline(view.preamble)) : '',
  ];
  const strategy = sectionBlocks(STRATEGY_TITLE, view.strategy).map(block);
  const plan = sectionBlocks(actionPlanTitle(view.year), view.focus).map(block);
  return [...front, ...strategy, ...plan, ...directionTables(view), ...commentSection(view), ...roundsMarkdown(view.rounds)].filter((p) => p !== '').join('\n\n') + '\n';
}

export function toMarkdown(source: ExportSource, options: ExportOptions, meta: ExportMeta): string {
  return renderMarkdown(buildExportView(source, options, meta));
}
