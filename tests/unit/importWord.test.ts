import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../server/import/readPlanFile';
import { parsePlanDocument, readPlanText } from '../../shared/import/parsePlanDocument';
import { parseWho } from '../../shared/import/parties';
import { splitCells } from '../../shared/import/readTables';
import type { Block, TextRun } from '../../shared/plan/types';
import { b, HEADER, i, listItem, p, r, row, styled, table, tc, wordFile } from '../helpers/wordFile';

const seedText = readFileSync(new URL('../../seed/verksamhetsplan-2025.txt', import.meta.url), 'utf8');
const seed = parsePlanDocument(seedText);

// The seed's action plan as the association's Word file holds it: its own cells, as written.
function seedTables(): Array<{ title: string; header: string[]; rows: string[][] }> {
  const lines = seedText.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Förebild och föregångare'));
  const tables: Array<{ title: string; header: string[]; rows: string[][] }> = [];
  for (let k = start; k < lines.length; k++) {
    const cells = splitCells(lines[k]);
    if (cells.length === 0) continue;
    if (cells.length === 1) tables.push({ title: cells[0], header: splitCells(lines[++k]), rows: [] });
    else tables[tables.length - 1].rows.push(cells);
  }
  return tables;
}

const runsXml = (runs: TextRun[], links: Record<string, string>) =>
  runs
    .map((run) => {
      const props = `${run.bold ? '<w:b/>' : ''}${run.italic ? '<w:i/>' : ''}`;
      const lines = run.text.split('\n').map((line, k) => `${k ? '<w:r><w:br/></w:r>' : ''}${r(line, props)}`).join('');
      if (!run.link) return lines;
      const id = `rL${Object.keys(links).length}`;
      links[id] = run.link;
      return `<w:hyperlink r:id="${id}">${lines}</w:hyperlink>`;
    })
    .join('');

function blocksXml(blocks: Block[], links: Record<string, string>, lists: { next: number }): string {
  return blocks
    .map((block) => {
      if (block.type === 'heading') return styled(`Rubrik${block.level}`, runsXml(block.runs, links));
      if (block.type === 'paragraph') return p(runsXml(block.runs, links));
      // Each numbered list has a numbering of its own (2, 3, …), as Word gives a list that restarts.
      const numId = block.type === 'bulletList' ? 1 : lists.next++;
      return block.items.map((item) => listItem(numId, runsXml(item, links))).join('');
    })
    .join('');
}

/** Splits a word over two runs, as Word does after an edit inside it. */
const split = (text: string) => (text.length > 3 ? r(text.slice(0, 3)) + r(text.slice(3)) : r(text));

async function seedAsWord(): Promise<Uint8Array> {
  const links: Record<string, string> = {};
  const lists = { next: 2 };
  const numbering = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    ${[2, 3, 4, 5].map((n) => `<w:num w:numId="${n}"><w:abstractNumId w:val="1"/></w:num>`).join('')}
  </w:numbering>`;
  const [first, second, third] = seedTables();
  const headerRow = (cells: string[]) => row(cells, '<w:tblHeader/>');
  const body = [
    p(''),
    p(b('SVERIGES EKOKOMMUNER')),
    styled('Rubrik', r('VERKSAMHETS') + r('PLAN 2025')),
    p(r('Version\u00a02')),
    // The preamble a bold line a paragraph.
    ...seed.preamble[0].text.split('\n').map((line) => p(b(line))),
    styled('Rubrik1', r('Verksamhetsstrategi')),
    blocksXml(seed.strategy, links, lists),
    styled('Rubrik1', r('Handlingsplan för 2025')),
    blocksXml(seed.focus, links, lists),
    // A direction under a heading style, its continuation rows merged down, Vem a party a line.
    styled('Rubrik2', r(first.title)),
    table([
      headerRow(first.header),
      ...first.rows.map((cells, k) => {
        const merged = cells[0] === '';
        const next = first.rows[k + 1];
        const vad = merged ? tc('', '<w:vMerge/>') : tc(p(split(cells[0])), next?.[0] === '' ? '<w:vMerge w:val="restart"/>' : '');
        const who = tc(parseWho(cells[2] ?? '').map((name) => p(r(name))).join(''));
        const rest = [1, 3, 4, 5].map((c) => tc(p(r(cells[c] ?? ''))));
        return `<w:tr>${vad}${rest[0]}${who}${rest.slice(1).join('')}</w:tr>`;
      }),
      row(['', '', '', '', '', '']),
    ]),
    // A direction as a bold paragraph; its header repeated where a page breaks; Vem with commas.
    p(b(second.title)),
    table([
      headerRow(second.header),
      ...second.rows.slice(0, 6).map((cells) => row([cells[0], cells[1], parseWho(cells[2] ?? '').join(', '), ...cells.slice(3)])),
      row(second.header),
      ...second.rows.slice(6).map((cells) => row([cells[0], cells[1], parseWho(cells[2] ?? '').join(', '), ...cells.slice(3)])),
    ]),
    // A direction as the table's first row, across all columns; the header's typo and Vem as written.
    table([
      `<w:tr>${tc(p(r(third.title)), '<w:gridSpan w:val="6"/>')}</w:tr>`,
      headerRow(third.header),
      ...third.rows.map((cells) => row([...cells, ...Array(6 - cells.length).fill('')])),
    ]),
  ].join('');
  return wordFile({ body, links, numbering });
}

describe('reading a Word file', () => {
  it('reads the 2025 plan as the association writes it in Word into exactly the plan its text gives', async () => {
    const read = await readPlanFile(await seedAsWord());
    expect(read.format).toBe('docx');
    expect(read.document).toEqual(seed);
  });

  it('warns of what it read otherwise than written, with the table and row, as the text importer does with the line', async () => {
    const word = await readPlanFile(await seedAsWord());
    const text = readPlanText(seedText);
    const thirdLine = seedText.split('\n').findIndex((l) => l.startsWith('Kunskapsförmedlare')) + 1;
    // The third table holds the seed's own Vem cells and header; the text gives the same warnings for them.
    const said = (w: typeof text.warnings) => w.map((x) => `${x.code} ${JSON.stringify(x.params)}`);
    expect(said(word.warnings.filter((w) => w.where && 'table' in w.where && w.where.table === 3))).toEqual(
      said(text.warnings.filter((w) => w.where && 'line' in w.where && w.where.line >= thirdLine)),
    );
    expect(word.warnings.find((w) => w.code === 'HEADER_SPELLING')).toEqual({
      code: 'HEADER_SPELLING',
      where: { table: 3, row: 2 },
      params: { written: 'När/Resur s', read: 'När/Resurs' },
    });
    const regional = seedTables()[2].rows.findIndex((cells) => cells[0] === 'Regionala ekokommunnätverk');
    expect(word.warnings).toContainEqual({ code: 'PARTY_MENDED', where: { table: 3, row: regional + 3 }, params: { written: 'Tjänstepersonforu', read: 'Tjänstepersonforum' } });
    expect(text.warnings).toContainEqual({
      code: 'PARTY_MENDED',
      where: { line: seedText.split('\n').findIndex((l) => l.startsWith('Regionala ekokommunnätverk')) + 1 },
      params: { written: 'Tjänstepersonforu', read: 'Tjänstepersonforum' },
    });
  });

  it('keeps Hur as rich text: paragraphs, bullets, numbers, bold, italic and links', async () => {
    const hur = [
      p(r('Första stycket')),
      p(r('Andra ') + b('fet') + r(' och ') + i('kursiv')),
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' + r('punkt ett') + '</w:p>',
      listItem(1, '<w:hyperlink r:id="rX">' + r('länk') + '</w:hyperlink>'),
      listItem(2, r('nummer ett')),
      listItem(2, r('nummer två')),
    ].join('');
    const file = await wordFile({
      links: { rX: 'https://www.sekom.se/' },
      body: [
        styled('Rubrik', r('Plan 2026')),
        styled('Rubrik2', r('Inriktning')),
        table([row(HEADER), `<w:tr>${tc(p(r('Aktivitet')))}${tc(hur)}${tc('')}${tc('')}${tc('')}${tc('')}</w:tr>`]),
      ].join(''),
    });
    const item = (await readPlanFile(file)).document.plan.directions[0].items[0];
    expect(item.how).toBe('Första stycket\nAndra fet och kursiv\npunkt ett\nlänk\nnummer ett\nnummer två');
    expect(item.howRich).toEqual([
      { type: 'paragraph', runs: [{ text: 'Första stycket' }] },
      { type: 'paragraph', runs: [{ text: 'Andra ' }, { text: 'fet', bold: true }, { text: ' och ' }, { text: 'kursiv', italic: true }] },
      { type: 'bulletList', items: [[{ text: 'punkt ett' }], [{ text: 'länk', link: 'https://www.sekom.se/' }]] },
      { type: 'orderedList', items: [[{ text: 'nummer ett' }], [{ text: 'nummer två' }]] },
    ]);
  });

  it('takes tracked insertions, leaves out deletions, drops soft hyphens and reads no-break spaces as spaces', async () => {
    const file = await wordFile({
      body: [
        styled('Rubrik', r('Plan 2026')),
        styled('Rubrik2', r('Inriktning')),
        table([
          row(HEADER),
          `<w:tr>${tc(p(r('Med') + '<w:ins w:id="1" w:author="A"><w:r><w:t>lems</w:t></w:r></w:ins>' + r('vård')))}${tc(
            p(r('Skicka ut ') + '<w:del w:id="2" w:author="A"><w:r><w:delText>gamla </w:delText></w:r></w:del>' + r('enkät\u00adsvar till\u00a0”alla”')),
          )}${tc(p(r('Kansli')))}${tc(p(r('Vår')))}${tc(p(r('Pågår')))}${tc(p(r('1')))}</w:tr>`,
          `<w:tr><w:trPr><w:del w:id="3" w:author="A"/></w:trPr>${tc(p(r('Struken rad')))}${tc(p(r('x')))}</w:tr>`,
        ]),
      ].join(''),
    });
    const read = await readPlanFile(file);
    expect(read.document.plan.directions[0].items).toEqual([
      { activity: 'Medlemsvård', how: 'Skicka ut enkätsvar till ”alla”', who: ['Kansli'], when: 'Vår', status: 'in_progress', statusNote: 'Pågår', priority: 1 },
    ]);
    expect(read.warnings[0]).toEqual({ code: 'TRACKED_CHANGES', where: null, params: { insertions: 1, deletions: 2 } });
  });

  it('gives a cell merged down over several rows to each of them, and reads links made as fields', async () => {
    const field = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://www.sekom.se/a" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r('sidan') + '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const file = await wordFile({
      body: [
        styled('Rubrik', r('Plan 2026')),
        p(b('Inriktning')),
        table([
          row(HEADER),
          `<w:tr>${tc(p(r('A')), '<w:vMerge w:val="restart"/>')}${tc(p(r('Läs ') + field))}${tc(p(r('Styrelse')), '<w:vMerge w:val="restart"/>')}${tc(p(r('Vår')))}${tc(p(r('')))}${tc(p(r('2')))}</w:tr>`,
          `<w:tr>${tc('', '<w:vMerge/>')}${tc(p(r('Två')))}${tc('', '<w:vMerge/>')}${tc(p(r('Höst')))}${tc(p(r('')))}${tc(p(r('')))}</w:tr>`,
        ]),
      ].join(''),
    });
    const items = (await readPlanFile(file)).document.plan.directions[0].items;
    expect(items.map((x) => [x.activity, x.how, x.who, x.when])).toEqual([
      ['A', 'Läs sidan', ['Styrelse'], 'Vår'],
      ['A', 'Två', ['Styrelse'], 'Höst'],
    ]);
    expect(items[0].howRich).toEqual([{ type: 'paragraph', runs: [{ text: 'Läs ' }, { text: 'sidan', link: 'https://www.sekom.se/a' }] }]);
  });

  it('reads elements by their namespace, whatever prefix the file binds to it', async () => {
    const body = [styled('Rubrik', r('Plan 2026')), styled('Rubrik2', r('Inriktning')), table([row(HEADER), row(['A', 'B', 'Kansli', 'Vår', 'Klart', '3'])])].join('');
    const documentXml = `<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body>${body.replace(/<(\/?)w:/g, '<$1x:').replace(/ w:/g, ' x:')}</x:body></x:document>`;
    const read = await readPlanFile(await wordFile({ body: '', documentXml }));
    expect(read.document.plan.directions[0]).toEqual({
      title: 'Inriktning',
      items: [{ activity: 'A', how: 'B', who: ['Kansli'], when: 'Vår', status: 'done', statusNote: 'Klart', priority: 3 }],
    });
  });

  it('leaves out text between the tables and a table in the strategy, and says where they were', async () => {
    const file = await wordFile({
      body: [
        styled('Rubrik', r('Plan 2026')),
        styled('Rubrik1', r('Verksamhetsstrategi')),
        table([row(['Medlem', 'Avgift']), row(['Kommun', '4000 kr'])]),
        styled('Rubrik2', r('Första')),
        table([row(HEADER), row(['A', 'B'])]),
        p(r('En anmärkning om tabellen ovan, som är en mening.')),
        styled('Rubrik2', r('Andra')),
        table([row(HEADER), row(['C', 'D'])]),
      ].join(''),
    });
    const read = await readPlanFile(file);
    expect(read.document.plan.directions.map((d) => d.title)).toEqual(['Första', 'Andra']);
    expect(read.warnings).toEqual([
      { code: 'TABLE_IGNORED', where: { table: 1, row: 1 }, params: {} },
      { code: 'TEXT_IGNORED', where: { paragraph: 4 }, params: { text: 'En anmärkning om tabellen ovan, som är en mening.' } },
    ]);
    expect(read.itemWhere).toEqual([[{ table: 2, row: 2 }], [{ table: 3, row: 2 }]]);
  });
});

