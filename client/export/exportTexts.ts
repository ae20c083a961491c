import type { CommentFilter, ExportFormat, RoundFilter } from '../../shared/export/types';
import { useI18n } from '../i18n/I18nProvider';

// The export dialog's texts in Swedish and English, kept beside the components that
// use them; the language comes from the app's I18nProvider.

const sv = {
  open: 'Exportera',
  openLabel: 'Exportera planen som fil',
  title: 'Exportera planen',
  snapshotTitle: (label: string) => `Exportera ögonblicksbilden ${label}`,
  format: 'Format',
  formats: {
    docx: { name: 'Word', hint: 'Dokumentet till årsmötet (.docx)' },
    pdf: { name: 'PDF', hint: 'Samma dokument, klart att skriva ut' },
    md: { name: 'Markdown', hint: 'Text med tabeller (.md)' },
    txt: { name: 'Text', hint: 'Textformatet som importen läser (.txt)' },
    csv: { name: 'CSV', hint: 'En rad per aktivitet, öppnas direkt i Excel' },
    json: { name: 'JSON', hint: 'Planens data i klartext' },
  } satisfies Record<ExportFormat, { name: string; hint: string }>,
  directions: 'Inriktningar',
  noDirection: 'Välj minst en inriktning.',
  loadingDirections: 'Hämtar ögonblicksbildens inriktningar…',
  directionsFailed: 'Ögonblicksbildens inriktningar kunde inte hämtas. Exporten tar med alla.',
  statusNotes: 'Ta med statusnoteringar',
  comments: 'Kommentarer',
  commentOptions: { none: 'Inga', open: 'Öppna trådar', resolved: 'Lösta trådar', all: 'Alla trådar' } satisfies Record<CommentFilter, string>,
  commentsNotInFormat: 'Textformatet har inga kommentarer.',
  rounds: 'Remissvar',
  roundOptions: { none: 'Inga', closed: 'Avslutade remissrundor', all: 'Alla remissrundor (pågående med svaren hittills)' } satisfies Record<RoundFilter, string>,
  roundsNotInFormat: 'Remissvar finns i Word, PDF, Markdown och JSON.',
  start: 'Exportera',
  cancel: 'Avbryt',
  close: 'Stäng',
  preparing: 'Skapar dokumentet …',
  downloading: 'Hämtar filen',
  receiving: (percent: number) => `Hämtar filen … ${percent} %`,
  done: (file: string) => `Klart: ${file} har laddats ner.`,
  failed: (reason: string) => `Exporten misslyckades: ${reason}`,
  cancelled: 'Exporten avbröts.',
  forbidden: 'Din roll får inte exportera planen.',
};

type Texts = typeof sv;

const en: Texts = {
  open: 'Export',
  openLabel: 'Export the plan as a file',
  title: 'Export the plan',
  snapshotTitle: (label: string) => `Export the snapshot ${label}`,
  format: 'Format',
  formats: {
    docx: { name: 'Word', hint: 'The annual meeting document (.docx)' },
    pdf: { name: 'PDF', hint: 'The same document, ready to print' },
    md: { name: 'Markdown', hint: 'Text with tables (.md)' },
    txt: { name: 'Text', hint: 'The text format the importer reads (.txt)' },
    csv: { name: 'CSV', hint: 'One row per action, opens directly in Excel' },
    json: { name: 'JSON', hint: 'The plan’s data as plain JSON' },
  },
  directions: 'Directions',
  noDirection: 'Choose at least one direction.',
  loadingDirections: 'Loading the snapshot’s directions…',
  directionsFailed: 'The snapshot’s directions could not be loaded. The export holds them all.',
  statusNotes: 'Include status notes',
  comments: 'Comments',
  commentOptions: { none: 'None', open: 'Open threads', resolved: 'Resolved threads', all: 'All threads' },
  commentsNotInFormat: 'The text format holds no comments.',
  rounds: 'Consultation answers',
  roundOptions: { none: 'None', closed: 'Closed rounds', all: 'All rounds (open ones with their answers so far)' },
  roundsNotInFormat: 'Consultation answers are in Word, PDF, Markdown and JSON.',
  start: 'Export',
  cancel: 'Cancel',
  close: 'Close',
  preparing: 'Making the document …',
  downloading: 'Downloading the file',
  receiving: (percent: number) => `Downloading the file … ${percent} %`,
  done: (file: string) => `Done: ${file} has been downloaded.`,
  failed: (reason: string) => `The export failed: ${reason}`,
  cancelled: 'The export was cancelled.',
  forbidden: 'Your role may not export the plan.',
};

export function useExportTexts(): Texts {
  return useI18n().lang === 'en' ? en : sv;
}
