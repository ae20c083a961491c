import { ImportError } from '../../shared/import/ImportError';
import type { ImportResult } from '../../shared/import/ImportResult';
import { csvSeparator, decodeCsv, readPlanCsv } from '../../shared/import/readPlanCsv';
import { readPlanText } from '../../shared/import/parsePlanDocument';
import { hasOleStream, isOleContainer } from './oleContainer';
import { readWordDocument } from './word/readWordDocument';

/** The largest plan file read: a Word plan of a thousand actions is well under 1 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, ...values: number[]) => values.every((v, i) => bytes[i] === v);
const isZip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06);
const ascii = (bytes: Uint8Array, text: string) => startsWith(bytes, ...[...text].map((c) => c.charCodeAt(0)));

/**
 * Reads a plan from a file's bytes, telling the format by its content and never by
 * its name: a zip archive is Word (.docx), a table with a Vad, Hur header line is CSV,
 * anything else the plan text format. The older formats Word and others use are
 * refused with what to do instead.
 */
export async function readPlanFile(bytes: Uint8Array): Promise<ImportResult> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError('TOO_LARGE', null, `the file is ${bytes.length} bytes; at most ${MAX_IMPORT_BYTES} are read`, { size: bytes.length, max: MAX_IMPORT_BYTES });
  }
  if (isZip(bytes)) return readWordDocument(bytes);
  if (isOleContainer(bytes)) {
    if (hasOleStream(bytes, 'EncryptionInfo') || hasOleStream(bytes, 'EncryptedPackage')) {
      throw new ImportError('ENCRYPTED', null, 'the Word file is protected with a password; save it without one and try again');
    }
    throw new ImportError('OLD_WORD_FORMAT', null, 'the file is in the old Word format (.doc); save it as a Word document (.docx) and try again');
  }
  if (ascii(bytes, '%PDF')) throw new ImportError('UNSUPPORTED_FORMAT', null, 'the file is a PDF; import the Word file it was made from', { kind: 'pdf' });
  if (ascii(bytes, '{\\rtf')) throw new ImportError('UNSUPPORTED_FORMAT', null, 'the file is RTF; save it as a Word document (.docx) and try again', { kind: 'rtf' });
  // Text has no NUL bytes; a file that does is of some other program.
  if (bytes.subarray(0, 4096).includes(0) && !startsWith(bytes, 0xff, 0xfe) && !startsWith(bytes, 0xfe, 0xff)) {
    throw new ImportError('UNKNOWN_FORMAT', null, 'the file is neither a Word document (.docx) nor text; save the plan as .docx or as text and try again');
  }
  if (csvSeparator(decodeCsv(bytes.subarray(0, 4096)))) return readPlanCsv(bytes);
  return readPlanText(bytes);
}
