import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../shared/export/toMarkdown';
import type { ExportSource } from '../../shared/export/types';
import type { PlainItem, PlanDocument } from '../../shared/plan/types';

// The Markdown export read as a reader's program shows it: rendered by a CommonMark
// renderer with GitHub's tables and strikethrough (and inline HTML, as GitHub allows),
// then the text taken from the HTML. Whatever anyone typed must come out as the same
// text, in every field, never as markup, an entity or a code block.

// Things Markdown would otherwise read as markup, anywhere in a line.
const INLINE = '&lt;b&gt; &amp; &copy; &#65; a & b <i>x</i> *s* _u_ ~~d~~ `c` [l](u) ![i](u) \\ | # <http://x.se> ~enkel~';
// Things Markdown reads as markup at the start of a line.
const LINE_STARTS = ['~~~', '---', '***', '===', '    indrag', '1) ett', '2. två', '+ plus', '- minus', '> citat', '# rubrik', '<div>', '| a | b |', '```'];

const text = (field: string) => `${field}: ${INLINE}`;

const item = (n: number, fields: Partial<PlainItem> = {}): PlainItem => ({
  activity: text(`Vad ${n}`),
  how: `${text(`Hur ${n}`)}\n${LINE_STARTS.join('\n')}`,
  who: [text(`Vem ${n}`), 'Kansli'],
  when: text(`När ${n}`),
  status: 'in_progress',
  statusNote: text(`Notering ${n}`),
  priority: 1,
  ...fields,
});

function document(): PlanDocument {
  return {
    organisation: text('Organisation'),
    version: text('Version'),
    preamble: [{ text: `${text('Inledning')}\n---`, bold: true }],
    strategy: [
      { type: 'heading', level: 1, runs: [{ text: text('Rubrik') }] },
      ...LINE_STARTS.map((start) => ({ type: 'paragraph' as const, runs: [{ text: `${start} stycke` }] })),
      // A line break inside a paragraph starts a line too.
      { type: 'paragraph', runs: [{ text: text('Stycke') }, { text: '\n' }, { text: '===' }, { text: '\n' }, { text: '- efter radbrytning' }] },
      { type: 'paragraph', runs: [{ text: 'Fet ', bold: true }, { text: text('Kursiv'), italic: true }, { text: ' och ' }, { text: text('Länk'), link: 'https://example.org/?a=1&b=2' }] },
      { type: 'bulletList', items: LINE_STARTS.map((start) => [{ text: `${start} punkt` }]) },
      { type: 'orderedList', items: [[{ text: '2. inte en ny lista' }], [{ text: `${text('Numrerad')}\n- inte heller` }]] },
    ],
    focus: [{ type: 'paragraph', runs: [{ text: text('Fokus') }] }],
    plan: {
      title: text('Titel'),
      year: 2026,
      directions: [
        { title: text('Inriktning'), items: [item(1), item(1, { activity: text('Vad 1'), how: 'Fortsättning' }), item(2, { statusNote: '---' })] },
      ],
    },
  };
}

const source = (): ExportSource => ({
  document: document(),
  comments: [
    {
      itemKey: '0/0',
      threads: [{ resolved: false, comments: [{ author: text('Författare'), at: '2026-03-12T09:15:00.000Z', text: `${text('Kommentar')}\n${LINE_STARTS.join('\n')}` }] }],
    },
  ],
});

const decode = (html: string) =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The text a reader sees: tags gone, line breaks and blocks as new lines, spaces at line starts dropped. */
function visibleText(html: string): string {
  const lines = decode(html.replace(/<br\s*\/?>|<\/(p|h\d|li|td|th|tr|blockquote|ul|ol|table)>/g, '\n').replace(/<[^>]+>/g, ''));
  return lines
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

describe('the Markdown export rendered', () => {
  const md = toMarkdown(source(), { statusNotes: true, comments: 'all' }, { date: '2026-03-12T20:00:00Z' });
  const html = new MarkdownIt({ html: true }).render(md);
  const shown = visibleText(html);
  const tags = (name: string) => html.match(new RegExp(`<${name}[ >]`, 'g'))?.length ?? 0;

  it.each([
    'Titel', 'Organisation', 'Version', 'Inledning', 'Rubrik', 'Stycke', 'Kursiv', 'Länk', 'Numrerad', 'Fokus', 'Inriktning',
    'Vad 1', 'Hur 1', 'Vem 1', 'När 1', 'Notering 1', 'Vad 2', 'Författare', 'Kommentar',
  ])('shows %s as it was typed', (field) => {
    expect(shown.split('\n')).toContainEqual(expect.stringContaining(text(field)));
  });

  it('keeps what starts a line as text, in paragraphs, lists, table cells and comments', () => {
    for (const start of LINE_STARTS) {
      expect(shown, start).toContain(`${start.trim()} stycke`);
      expect(shown, start).toContain(`${start.trim()} punkt`);
    }
    const lines = shown.split('\n');
    // Twice in Hur, once in the comment; "---" also as a status note and in the preamble,
    // "===" also after a line break in a paragraph.
    const extra: Record<string, number> = { '---': 2, '===': 1 };
    for (const start of LINE_STARTS) expect(lines.filter((l) => l === start.trim()).length, start).toBe(3 + (extra[start] ?? 0));
    expect(shown).toContain('===\n- efter radbrytning');
    expect(shown).toContain('2. inte en ny lista');
    expect(shown).toContain(`${text('Numrerad')}\n- inte heller`);
  });

  it('makes markup only of what the plan marks: headings, bold, italics, links, lists, tables and quotes', () => {
    for (const none of ['code', 'pre', 'del', 's', 'img', 'hr', 'i', 'b', 'div', 'h5', 'h6']) expect(tags(none), none).toBe(0);
    expect(html.match(/<h\d>[^<]*<\/h\d>/g)?.map((h) => visibleText(h))).toEqual([
      text('Titel'),
      'Verksamhetsstrategi',
      text('Rubrik'),
      'Handlingsplan för 2026',
      text('Inriktning'),
      'Kommentarer',
      `${text('Inriktning')}: ${text('Vad 1')}`,
    ]);
    expect(tags('a')).toBe(1);
    expect(html).toContain('href="https://example.org/?a=1&amp;b=2"');
    expect(tags('ul')).toBe(1);
    expect(tags('ol')).toBe(1);
    expect(tags('li')).toBe(LINE_STARTS.length + 2);
    expect(tags('table')).toBe(1);
    expect(tags('tr')).toBe(4);
    expect(tags('blockquote')).toBe(1);
  });
});
