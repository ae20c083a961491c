import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toPlanText } from '../../shared/export/toPlanText';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import { PARTIES } from '../../shared/import/parties';
import { STATUSES, type Block, type PlainItem, type PlanDocument, type TextRun } from '../../shared/plan/types';

const seed = readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url), 'utf8');
const seedDoc = parsePlanDocument(seed);

// A small fixed-seed generator (mulberry32), so a failing plan can be made again from its number.
function random(seed: number) {
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
type Random = ReturnType<typeof random>;

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
function runs(r: Random): TextRun[] {
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

function block(r: Random): Block {
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

function plan(seedNumber: number): PlanDocument {
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

describe('plan text round trips', () => {
  it('reads back the 2025 plan it writes', () => {
    expect(parsePlanDocument(toPlanText(seedDoc))).toEqual(seedDoc);
  });

  it('writes the lines of the 2025 plan as they were, mending only the header typo and Vem', () => {
    const written = new Set(toPlanText(seedDoc).split('\n'));
    const changed = seed.split('\n').filter((line) => line.trim() !== '' && !written.has(line));
    expect(changed.map((line) => line.split('\t').slice(0, 3))).toEqual([
      ['Svara på remisser', 'Styrelsen väljer vad som ska besvaras med input från föreningens nätverk. Svar utarbetas i samarbete med nätverket. Vid behov bildas remissgrupper.', 'Styrelsen Kansliet Tjänstepersonforum'],
      ['Lobbying', 'Aktivt bevaka och påverka via exempelvis skrivelser i frågor som berör många medlemmar och som hela föreningen kan stå bakom.', 'Styrelsen Tjänstepersonforu Kansli'],
      ['Extern kommunikation', 'Implementera riktlinjerna för kommunikation.', 'Kansli Styrels Tjänstepersonforum'],
      ['', 'Medverka som utställare vid några av de politiska partiernas kommundagar', 'Styrels Kansli'],
      ['Vad', 'Hur', 'Vem'],
      ['Regionala ekokommunnätverk', 'Uppmuntra regionalt nätverkande i regioner där flera medlemmar finns.', 'Kansli Tjänstepersonforu'],
    ]);
    expect(written.has('Vad\tHur\tVem\tNär/Resurs\tStatus\tPrio')).toBe(true);
  });

  it('writes text that reads back to the very same text', () => {
    const once = toPlanText(seedDoc);
    expect(toPlanText(parsePlanDocument(once))).toBe(once);
  });

  it('reads back 300 generated plans full of awkward text', () => {
    for (let n = 1; n <= 300; n++) {
      const doc = plan(n);
      const written = toPlanText(doc);
      let read: PlanDocument | Error;
      try {
        read = parsePlanDocument(written);
      } catch (err) {
        read = err as Error;
      }
      expect(read, `plan ${n}:\n${written}`).toEqual(doc);
    }
  });

  it('survives the trip through UTF-8 bytes', () => {
    const doc = plan(7);
    expect(parsePlanDocument(new TextEncoder().encode(toPlanText(doc)))).toEqual(doc);
  });
});

describe('how awkward cells are written', () => {
  const base: PlainItem = { activity: 'A', how: '', who: [], when: '', status: 'not_started', statusNote: '', priority: null };
  const doc = (items: PlainItem[]): PlanDocument => ({
    ...seedDoc,
    plan: { ...seedDoc.plan, directions: [{ title: 'Riktning', items }] },
  });
  const rows = (items: PlainItem[]) => toPlanText(doc(items)).split('Status\tPrio\n')[1].split('\n').slice(0, -1);

  it('keeps a tabbed, multi-line cell on its one row with escapes', () => {
    expect(rows([{ ...base, how: 'ett\ttvå\nrad "citat" 😀 \\ slut ', priority: 2 }])).toEqual([
      'A\tett\\ttvå\\nrad "citat" 😀 \\\\ slut\\s\t\t\t\t2',
    ]);
  });

  it('writes an activity once for its rows, and an empty activity as \\e', () => {
    expect(rows([{ ...base, how: '1' }, { ...base, how: '2' }, { ...base, activity: '', how: '3' }])).toEqual([
      'A\t1\t\t\t\t',
      '\t2\t\t\t\t',
      '\\e\t3\t\t\t\t',
    ]);
  });

  it('names the category of a status that the note no longer says', () => {
    expect(rows([{ ...base, how: 'h', status: 'done', statusNote: 'Pågår' }])).toEqual(['A\th\t\t\t[Klart] Pågår\t']);
  });

  it('separates free names with commas only when spaces would merge them', () => {
    expect(rows([{ ...base, who: ['Kansli', 'Blekinge Tekniska Högskola', 'Miljöbarometern'] }])[0].split('\t')[2]).toBe(
      'Kansli, Blekinge Tekniska Högskola, Miljöbarometern',
    );
    expect(rows([{ ...base, who: ['Kansli', 'Blekinge Tekniska Högskola'] }])[0].split('\t')[2]).toBe('Kansli Blekinge Tekniska Högskola');
  });

  it('gives a row with nothing but Vad an explicit status, so it cannot read as a direction heading', () => {
    expect(rows([base])).toEqual(['A\t\t\t\t[Ej påbörjad]\t']);
  });
});
