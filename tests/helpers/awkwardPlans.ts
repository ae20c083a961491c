import { PARTIES } from '../../shared/import/parties';
import { VERSION_LINE } from '../../shared/import/readHeader';
import { isSectionHeading } from '../../shared/import/readSections';
import { blocksToPlainText, isRichText } from '../../shared/plan/richText';
import { STATUSES, type Block, type PlainItem, type PlanDocument, type TextRun } from '../../shared/plan/types';

// Plans full of text that collides with the file formats, generated from a number so
// that a failing plan can be made again.

// A small fixed-seed generator (mulberry32), so a failing plan can be made again from its number.
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];
  const times = <T,>(max: number, f: () => T, min = 0) => Array.from({ length: min + int(max - min + 1) }, f);
  return { next, int, pick, times };
}
export type Random = ReturnType<typeof random>;

// Pieces that collide with the format: separators, escapes, markup, lookalikes of
// headings, header rows and statuses, and text from outside the Basic Multilingual Plane.
const AWKWARD = [
  'Vad', 'Hur', 'hej', 'Styrelse', 'Styrelsen', 'Kansli', 'Blekinge Tekniska Högskola', 'Intresserade medlemmar',
  '"citat"', '"', "'", ',', '\t', '\n', '\r\n', '\r', '\u2028', ' ', '  ', '\u00a0', '\\', '\\n', '\\t', '\\e', '\\s', '\\*',
  '*', '**', '<https://sekom.se>', '<', '>', '[a](b)', '[', ']', '(', ')', '#', '## ', '- ', '1. ', '2) ', '3.1 ', 'Medlemmar',
  'Pågår', 'Klart', '[Klart]', '[Vilande] x', 'Ej påbörjad', 'å', 'ä', 'ö', 'Å', 'Ä', 'Ö', 'é', '😀', '👩‍👩‍👧', '🇸🇪', '”',
  '\n\n', ' \n ', '](', '***', '- x\n- y', '\n1. a', '\n# h', 'Vad\tHur', '\u2029', 'Medlemmar\n', '\n\nVerksamhetsstrategi\n',
  'Verksamhetsstrategi', 'Handlingsplan för 2025', 'VERKSAMHETSPLAN 2025', 'Version 3', '2025', '.', ':', 'x', 'Löpande',
];
const text = (r: Random, max = 6) => r.times(max, () => r.pick(AWKWARD)).join('');
const nonEmpty = (r: Random) => text(r, 5) || 'x';

/** Runs in canonical form: no empty runs, and neighbours differ in their marks. */
export function runs(r: Random): TextRun[] {
  const out: TextRun[] = [];
  for (const _ of r.times(4, () => 0, 1)) {
    const run: TextRun = { text: nonEmpty(r) };
    if (r.next() < 0.3) run.bold = true;
    if (r.next() < 0.3) run.italic = true;
    if (r.next() < 0.2) run.link = r.next() < 0.5 ? run.text : r.pick(['https://www.sekom.se/a_(b)', 'mailto:kansli@sekom.se', 'x y\\z']);
    if (r.next() < 0.2) run.link = run.text = 'https://www.sekom.se/om-sekom';
    const last = out[out.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic && last.link === run.link) last.text += run.text;
    else out.push(run);
  }
  return out;
}

export function block(r: Random): Block {
  switch (r.int(4)) {
    case 0:
      return { type: 'heading', level: r.pick([1, 2, 3] as const), runs: r.next() < 0.1 ? [] : runs(r) };
    case 1:
      return { type: 'paragraph', runs: r.next() < 0.1 ? [] : runs(r) };
    default:
      return { type: r.pick(['bulletList', 'orderedList'] as const), items: r.times(3, () => (r.next() < 0.1 ? [] : runs(r)), 1) };
  }
}

const NAMES = [...PARTIES, 'Styrelsen', 'Styrels', 'Blekinge Tekniska Högskola', 'Miljöbarometern', 'Region Skåne, miljö', '', ' x ', 'a "b"'];

function item(r: Random, above: PlainItem | undefined): PlainItem {
  const activity = above && r.next() < 0.3 ? above.activity : r.next() < 0.1 ? '' : text(r);
  const empty = r.next() < 0.15;
  return {
    activity,
    how: empty ? '' : text(r, 10),
    who: empty ? [] : r.times(4, () => (r.next() < 0.7 ? r.pick(NAMES) : text(r, 3))),
    when: empty ? '' : text(r, 3),
    status: r.pick(STATUSES),
    statusNote: empty ? '' : r.pick(['', 'Pågår', 'Klart (Sotenäs)', 'Efter behov', text(r, 4)]),
    priority: empty ? null : r.pick([1, 2, 3, null] as const),
  };
}

export function plan(seedNumber: number): PlanDocument {
  const r = random(seedNumber);
  const year = 2020 + r.int(15);
  return {
    plan: {
      title: r.pick([`Verksamhetsplan ${year}`, `Handlingsplan ${year} för SEKOM`, `Plan ${year}`]),
      year,
      directions: r.times(4, () => {
        const items: PlainItem[] = [];
        for (const _ of r.times(6, () => 0)) items.push(item(r, items[items.length - 1]));
        return { title: text(r, 4), items };
      }, 1),
    },
    organisation: r.pick(['', 'SVERIGES EKOKOMMUNER', 'Förening "Grön"\tmed radbrytning\n och \\ snedstreck ']),
    version: r.pick(['', 'Version 2', 'Version 3 \t(utkast)\n']),
    preamble: r.next() < 0.2 ? [] : runs(r),
    strategy: r.times(6, () => block(r)),
    focus: r.times(3, () => block(r)),
  };
}


const sectionLike = (b: Block) => isSectionHeading(blocksToPlainText([b]).trim());

/**
 * A generated plan holding only what a Word file can hold as written: Word has no
 * carriage return of its own and reads a no-break space as a space, and a paragraph
 * reading exactly as a section heading, or a preamble opening with "Version" where the
 * plan has none, would be read as those (docs/plan-text-format.md). Some items' Hur
 * is rich text: lists, bold, italic and links.
 */
export function wordPlan(seedNumber: number): PlanDocument {
  const r = random(seedNumber * 7 + 1);
  const doc = plan(seedNumber);
  doc.strategy = doc.strategy.filter((b) => !sectionLike(b));
  doc.focus = doc.focus.filter((b) => !sectionLike(b));
  const preamble = doc.preamble.map((run) => run.text).join('');
  if (preamble.trim() === '' || isSectionHeading(preamble.trim()) || (!doc.version && VERSION_LINE.test(preamble))) doc.preamble = [];
  for (const direction of doc.plan.directions) {
    for (const item of direction.items) {
      if (r.next() > 0.3) continue;
      const rich = r.times(3, () => block(r), 1);
      if (!isRichText(rich)) continue;
      item.howRich = rich;
      item.how = blocksToPlainText(rich);
    }
  }
  // An address is an XML attribute: tabs and line breaks read as spaces, and the ends are trimmed.
  const held = JSON.parse(JSON.stringify(doc), (key, value) =>
    typeof value !== 'string' ? value : key === 'link' ? value.replace(/[\t\n\r]/g, ' ').trim() || 'x' : value.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' '),
  ) as PlanDocument;
  for (const item of held.plan.directions.flatMap((d) => d.items)) if (item.howRich) item.how = blocksToPlainText(item.howRich);
  return held;
}
