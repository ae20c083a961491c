// Vem: the parties of the association, as filter chips and as the importer's
// canonical spellings. Everyone else (a university, a partner project) is a free name.
export const PARTIES = [
  'Styrelse',
  'Kansli',
  'Tjänstepersonforum',
  'Medlemmar',
  'Ordförande',
  'Värdkommun',
  'Intresserade medlemmar',
] as const;
export type Party = (typeof PARTIES)[number];

// Other spellings met in plan documents. Typos one letter off a long word
// ("Styrels", "Tjänstepersonforu") are caught by withinOneEdit below.
const SPELLINGS: Array<[string[], Party]> = [
  ...PARTIES.map((p): [string[], Party] => [p.toLowerCase().split(' '), p]),
  [['styrelsen'], 'Styrelse'],
  [['kansliet'], 'Kansli'],
  [['tjänstepersonforumet'], 'Tjänstepersonforum'],
  [['medlemmarna'], 'Medlemmar'],
  [['medlem'], 'Medlemmar'],
  [['ordföranden'], 'Ordförande'],
  [['värdkommunen'], 'Värdkommun'],
  [['intresserade', 'medlemmarna'], 'Intresserade medlemmar'],
].sort((a, b) => b[0].length - a[0].length) as Array<[string[], Party]>;

/** Equal, or one letter added, dropped, changed or two swapped. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length && a.length === b.length) return true;
  const rest = (x: number, y: number) => a.slice(i + x) === b.slice(i + y);
  return rest(1, 1) || rest(1, 0) || rest(0, 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(2, 2));
}

const sameWord = (token: string, word: string) => token === word || (word.length >= 6 && withinOneEdit(token, word));

/** A party's name written otherwise than its usual form, and the form it was read as. */
export interface MendedName {
  written: string;
  read: Party;
}

function splitWords(text: string, mended: MendedName[]): string[] {
  const tokens = text.split(/\s+/).filter(Boolean);
  const names: string[] = [];
  let unknown: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const match = SPELLINGS.find(([words]) => words.every((w, k) => i + k < tokens.length && sameWord(tokens[i + k].toLowerCase(), w)));
    if (!match) {
      unknown.push(tokens[i++]);
      continue;
    }
    if (unknown.length) names.push(unknown.join(' '));
    unknown = [];
    const written = tokens.slice(i, i + match[0].length).join(' ');
    if (written !== match[1]) mended.push({ written, read: match[1] });
    names.push(match[1]);
    i += match[0].length;
  }
  if (unknown.length) names.push(unknown.join(' '));
  return names;
}

const QUOTED = /^"((?:[^"]|"")*)"$/;

/** Commas and line breaks outside "quoted names" separate names. */
function segments(text: string): string[] {
  const parts = [''];
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if ((c === ',' || c === '\n') && !quoted) parts.push('');
    else parts[parts.length - 1] += c;
  }
  return parts;
}

/**
 * The Vem cell as names: known parties in canonical form, and runs of other words
 * kept whole ("Kansli Blekinge Tekniska Högskola" -> Kansli, Blekinge Tekniska
 * Högskola). Commas and line breaks (a party a line, as Word tables often have it) may
 * separate names; a "quoted" name is taken as written. `mended` lists the parties
 * written otherwise than their usual form.
 */
export function readWho(text: string): { names: string[]; mended: MendedName[] } {
  const mended: MendedName[] = [];
  const names = segments(text).flatMap((segment) => {
    const s = segment.trim();
    const quoted = QUOTED.exec(s);
    return quoted ? [quoted[1].replace(/""/g, '"')] : splitWords(s, mended);
  });
  return { names, mended };
}

export const parseWho = (text: string): string[] => readWho(text).names;

/** True for the association's own parties, false for free names. */
export const isParty = (name: string) => (PARTIES as readonly string[]).includes(name);

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const plainName = (n: string) => !/[",\n]/.test(n) && same(parseWho(n), [n]);
const quotedName = (n: string) => (plainName(n) ? n : `"${n.replace(/"/g, '""')}"`);

/** The Vem cell for names: space-separated as plan documents write it when that reads back the same. */
export function formatWho(names: string[]): string {
  const spaced = names.join(' ');
  if (same(parseWho(spaced), names)) return spaced;
  return formatWhoList(names);
}

/** Names separated by commas, as a Word table or a spreadsheet shows them; quoted where they would read otherwise. */
export const formatWhoList = (names: string[]): string => names.map(quotedName).join(', ');
