import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toPlanText } from '../../shared/export/toPlanText';
import { parsePlanDocument } from '../../shared/import/parsePlanDocument';
import type { PlainItem, PlanDocument } from '../../shared/plan/types';
import { plan } from '../helpers/awkwardPlans';

const seed = readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url), 'utf8');
const seedDoc = parsePlanDocument(seed);

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
