import { ImportError } from './ImportError';

const LF = 0x0a;

/**
 * The document as a string, without a byte-order mark. Bytes must be UTF-8: a file
 * saved as Latin-1 or UTF-16 would otherwise import with its å, ä and ö silently
 * replaced, so it is refused with the first line that does not decode.
 */
export function decodeText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.startsWith('\uFEFF') ? input.slice(1) : input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new ImportError('NOT_UTF8', { line: firstBadLine(input) }, 'the file is not UTF-8 text; save it as UTF-8 and try again');
  }
}

// A line feed byte never occurs inside a multi-byte UTF-8 sequence, so decoding line
// by line finds the line that holds the first bad byte.
function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(LF, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    if (end === -1) return line;
    start = end + 1;
  }
}
