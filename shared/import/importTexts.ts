import type { ImportErrorCode, ImportParams } from './ImportError';
import type { ImportWarningCode } from './ImportWarning';
import type { Where } from './where';

// What the importer says, in Swedish (the app's and the server's default) and English:
// every refusal and warning by its code and values, and where in the file it is.

type Say = (p: ImportParams) => string;
export type ImportLang = 'sv' | 'en';

const sv: { where: (w: Where) => string; errors: Record<ImportErrorCode, Say>; warnings: Record<ImportWarningCode, Say> } = {
  where: (w) => ('line' in w ? `rad ${w.line}` : 'table' in w ? `tabell ${w.table}, rad ${w.row}` : `stycke ${w.paragraph}`),
  errors: {
    EMPTY_FILE: () => 'Filen är tom.',
    NOT_UTF8: () => 'Textfilen är inte sparad som UTF-8. Spara den som UTF-8 och försök igen.',
    MISSING_TITLE: () => 'Planens titel med årtal saknas, till exempel ”VERKSAMHETSPLAN 2026”, överst i dokumentet.',
    NO_ACTION_PLAN: (p) =>
      `Hittade ingen handlingsplan: väntade en rubrik för en inriktning och under den en tabell med rubrikraden ${p.columns ?? 'Vad, Hur, Vem, När/Resurs, Status, Prio'}.` +
      (p.tables ? ` Dokumentets ${p.tables} tabeller har ingen sådan rad.` : p.tables === 0 ? ' Dokumentet har ingen tabell.' : ''),
    MISSING_TABLE: (p) =>
      `Inriktningen ”${p.title}” har ingen tabell: väntade en rubrikrad (${p.columns}) under den.` +
      (p.current ? ` Om det är en aktivitet under ”${p.current}” med bara Vad ifyllt, fyll i minst en cell till.` : ''),
    ROW_OUTSIDE_TABLE: () => 'En tabellrad utan rubrik för inriktningen och rubrikrad ovanför.',
    TOO_MANY_COLUMNS: (p) => `Raden har ${p.count} kolumner; tabellen har ${p.expected} (${p.columns}).`,
    INVALID_PRIORITY: (p) => `Prioriteten ”${p.priority}” ska vara 1, 2, 3 eller tom.`,
    ORPHAN_CONTINUATION: () => 'Raden saknar Vad och har ingen rad ovanför att fortsätta.',
    TOO_LARGE: (p) => `Filen är för stor (${Math.ceil(Number(p.size) / 1048576)} MB). Högst ${Math.round(Number(p.max) / 1048576)} MB läses.`,
    OLD_WORD_FORMAT: () => 'Filen är i Words gamla format (.doc). Spara den som Word-dokument (.docx) och försök igen.',
    UNSUPPORTED_FORMAT: (p) =>
      p.kind === 'pdf' ? 'Filen är en PDF. Importera Word-filen som den gjordes av.' : 'Filen är RTF. Spara den som Word-dokument (.docx) och försök igen.',
    ENCRYPTED: () => 'Word-filen är skyddad med lösenord. Spara den utan lösenord och försök igen.',
    UNKNOWN_FORMAT: () => 'Filen är varken ett Word-dokument (.docx) eller text. Spara planen som .docx eller som text och försök igen.',
    BROKEN_ZIP: () => 'Word-filen är skadad eller avkortad. Spara den på nytt i Word och försök igen.',
    ZIP_BOMB: () => 'Filen packas upp till mer än ett Word-dokument rymmer och läses inte.',
    NOT_WORD: (p) => (p.kind === 'xlsx' ? 'Filen är en Excel-arbetsbok. Spara bladet som CSV och försök igen.' : 'Filen är ett zip-arkiv men inget Word-dokument (.docx).'),
    BAD_XML: () => 'Word-filen är skadad: en del av den är inte läsbar XML.',
    XML_DTD: () => 'Word-filen innehåller en DTD, vilket Word aldrig skriver. Den läses inte.',
    CSV_HEADER: () => 'CSV-filen saknar en rubrikrad med kolumnerna Vad och Hur.',
  },
  warnings: {
    HEADER_SPELLING: (p) => `Rubriken ”${p.written}” lästes som ${p.read}.`,
    UNKNOWN_COLUMN: (p) => `Kolumnen ”${p.column}” hör inte till planen och lästes inte.`,
    PARTY_MENDED: (p) => `”${p.written}” lästes som ${p.read}.`,
    STATUS_UNKNOWN: (p) => `Statusen ”${p.status}” känns inte igen; aktiviteten börjar som Ej påbörjad och texten sparas som statusnotering.`,
    EMPTY_DIRECTION: (p) => `Inriktningen ”${p.title}” har inga aktiviteter.`,
    TRACKED_CHANGES: (p) => `Dokumentet har spårade ändringar: ${p.insertions} tillägg togs med och ${p.deletions} borttagningar lämnades bort.`,
    TEXT_IGNORED: (p) => `Texten ”${p.text}” hör inte till någon inriktning och lästes inte.`,
    TABLE_IGNORED: () => 'Tabellen är ingen handlingsplanstabell och lästes inte.',
    NO_TITLE: () => 'CSV-filen har ingen titel eller årtal; ange dem när planen skapas.',
  },
};

const en: typeof sv = {
  where: (w) => ('line' in w ? `line ${w.line}` : 'table' in w ? `table ${w.table}, row ${w.row}` : `paragraph ${w.paragraph}`),
  errors: {
    EMPTY_FILE: () => 'The file is empty.',
    NOT_UTF8: () => 'The text file is not saved as UTF-8. Save it as UTF-8 and try again.',
    MISSING_TITLE: () => 'The plan’s title with its year, e.g. “VERKSAMHETSPLAN 2026”, is missing at the top of the document.',
    NO_ACTION_PLAN: (p) =>
      `No action plan found: expected a direction heading and under it a table whose header row is ${p.columns ?? 'Vad, Hur, Vem, När/Resurs, Status, Prio'}.` +
      (p.tables ? ` The document’s ${p.tables} tables have no such row.` : p.tables === 0 ? ' The document has no table.' : ''),
    MISSING_TABLE: (p) =>
      `The direction “${p.title}” has no table: expected a header row (${p.columns}) under it.` +
      (p.current ? ` If it is an action of “${p.current}” with only its Vad, fill in at least one more cell.` : ''),
    ROW_OUTSIDE_TABLE: () => 'A table row with no direction heading and header row above it.',
    TOO_MANY_COLUMNS: (p) => `The row has ${p.count} columns; the table has ${p.expected} (${p.columns}).`,
    INVALID_PRIORITY: (p) => `The priority “${p.priority}” must be 1, 2, 3 or empty.`,
    ORPHAN_CONTINUATION: () => 'The row has no Vad and no row above it to continue.',
    TOO_LARGE: (p) => `The file is too large (${Math.ceil(Number(p.size) / 1048576)} MB). At most ${Math.round(Number(p.max) / 1048576)} MB are read.`,
    OLD_WORD_FORMAT: () => 'The file is in Word’s old format (.doc). Save it as a Word document (.docx) and try again.',
    UNSUPPORTED_FORMAT: (p) => (p.kind === 'pdf' ? 'The file is a PDF. Import the Word file it was made from.' : 'The file is RTF. Save it as a Word document (.docx) and try again.'),
    ENCRYPTED: () => 'The Word file is protected with a password. Save it without one and try again.',
    UNKNOWN_FORMAT: () => 'The file is neither a Word document (.docx) nor text. Save the plan as .docx or as text and try again.',
    BROKEN_ZIP: () => 'The Word file is damaged or cut short. Save it again in Word and try again.',
    ZIP_BOMB: () => 'The file unpacks to more than a Word document holds and is not read.',
    NOT_WORD: (p) => (p.kind === 'xlsx' ? 'The file is an Excel workbook. Save the sheet as CSV and try again.' : 'The file is a zip archive but no Word document (.docx).'),
    BAD_XML: () => 'The Word file is damaged: part of it is not readable XML.',
    XML_DTD: () => 'The Word file holds a DTD, which Word never writes. It is not read.',
    CSV_HEADER: () => 'The CSV file has no header row with the columns Vad and Hur.',
  },
  warnings: {
    HEADER_SPELLING: (p) => `The header “${p.written}” was read as ${p.read}.`,
    UNKNOWN_COLUMN: (p) => `The column “${p.column}” is not one of the plan’s and was not read.`,
    PARTY_MENDED: (p) => `“${p.written}” was read as ${p.read}.`,
    STATUS_UNKNOWN: (p) => `The status “${p.status}” is not recognised; the action starts as Ej påbörjad and the text is kept as its status note.`,
    EMPTY_DIRECTION: (p) => `The direction “${p.title}” has no actions.`,
    TRACKED_CHANGES: (p) => `The document has tracked changes: ${p.insertions} insertions were taken and ${p.deletions} deletions left out.`,
    TEXT_IGNORED: (p) => `The text “${p.text}” belongs to no direction and was not read.`,
    TABLE_IGNORED: () => 'The table is not an action-plan table and was not read.',
    NO_TITLE: () => 'The CSV file has no title or year; give them when the plan is made.',
  },
};

const TEXTS = { sv, en };

export const whereIn = (lang: ImportLang, where: Where | null) => (where ? TEXTS[lang].where(where) : '');

/** A refusal as a person reads it: where it is, then what is wrong and what to do. */
export function importErrorText(lang: ImportLang, error: { code: ImportErrorCode; where: Where | null; params: ImportParams }): string {
  const what = TEXTS[lang].errors[error.code](error.params);
  return error.where ? `${capitalise(whereIn(lang, error.where))}: ${what}` : what;
}

export const importWarningText = (lang: ImportLang, warning: { code: ImportWarningCode; params: ImportParams }) => TEXTS[lang].warnings[warning.code](warning.params);

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
