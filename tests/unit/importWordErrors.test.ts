import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../server/import/readPlanFile';
import { readZip } from '../../server/import/word/readZip';
import { ImportError, type ImportErrorCode } from '../../shared/import/ImportError';
import { random } from '../helpers/awkwardPlans';
import { HEADER, p, r, row, styled, table, wordFile } from '../helpers/wordFile';

const valid = () => wordFile({ body: [styled('Rubrik', r('Plan 2026')), styled('Rubrik2', r('Inriktning')), table([row(HEADER), row(['A', 'B', 'Kansli', 'Vår', 'Pågår', '1'])])].join('') });

async function refusal(bytes: Uint8Array | Promise<Uint8Array>): Promise<ImportError> {
  const err = await readPlanFile(await bytes).then(
    () => new Error('it was read'),
    (e: unknown) => e,
  );
  if (!(err instanceof ImportError)) throw err;
  return err;
}

const expectRefused = async (bytes: Uint8Array | Promise<Uint8Array>, code: ImportErrorCode, says: RegExp) => {
  const err = await refusal(bytes);
  expect(err.code).toBe(code);
  expect(err.message).toMatch(says);
  return err;
};

/** A compound file (the container of .doc files and of Word's encrypted .docx) with these streams. */
function oleFile(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const view = new DataView(bytes.buffer);
  ['Root Entry', ...streams].forEach((name, k) => {
    const at = 512 + k * 128;
    for (let c = 0; c < name.length; c++) view.setUint16(at + c * 2, name.charCodeAt(c), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = k === 0 ? 5 : 2;
  });
  return bytes;
}

describe('Word files that cannot be read are refused, with what to do', () => {
  it('the valid file the others are made from is read', async () => {
    expect((await readPlanFile(await valid())).document.plan.directions[0].items).toHaveLength(1);
  });

  it('refuses a file that is not a zip and not text', async () => {
    const noise = Uint8Array.from({ length: 3000 }, (_, k) => (k * 7919) % 256);
    await expectRefused(noise, 'UNKNOWN_FORMAT', /neither a Word document/);
  });

  it('refuses a zip cut short', async () => {
    const whole = await valid();
    for (const size of [30, whole.length >> 1, whole.length - 10]) await expectRefused(whole.subarray(0, size), 'BROKEN_ZIP', /damaged or cut short/);
  });

  it('refuses an old binary .doc, and an encrypted .docx, each with its own advice', async () => {
    await expectRefused(oleFile(['WordDocument', '1Table']), 'OLD_WORD_FORMAT', /old Word format \(\.doc\); save it as a Word document \(\.docx\)/);
    await expectRefused(oleFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']), 'ENCRYPTED', /protected with a password/);
  });

  it('refuses a zip that is no Word document, and a PDF', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    await expectRefused(zip.generateAsync({ type: 'uint8array' }), 'NOT_WORD', /not a Word document/);
    await expectRefused(new TextEncoder().encode('%PDF-1.7\n...'), 'UNSUPPORTED_FORMAT', /PDF/);
  });

  it('says what table it expected, and where it looked, when there is none of that shape', async () => {
    const none = await expectRefused(wordFile({ body: styled('Rubrik', r('Plan 2026')) + p(r('Bara text.')) }), 'NO_ACTION_PLAN', /header row is Vad, Hur, Vem, När\/Resurs, Status, Prio.*no table/);
    expect(none.where).toBeNull();
    const other = await expectRefused(
      wordFile({ body: styled('Rubrik', r('Plan 2026')) + table([row(['Aktivitet', 'Beskrivning']), row(['A', 'B'])]) }),
      'NO_ACTION_PLAN',
      /^table 1, row 1: .*tables have no such row/,
    );
    expect(other.where).toEqual({ table: 1, row: 1 });
    const prio = await expectRefused(
      wordFile({ body: [styled('Rubrik', r('Plan 2026')), styled('Rubrik2', r('I')), table([row(HEADER), row(['A', 'B', '', '', '', 'hög'])])].join('') }),
      'INVALID_PRIORITY',
      /^table 1, row 2: priority "hög"/,
    );
    expect(prio.params).toEqual({ priority: 'hög' });
  });

  it('refuses a file over 10 MB before opening it', async () => {
    await expectRefused(new Uint8Array(10 * 1024 * 1024 + 1), 'TOO_LARGE', /at most 10485760/);
  });

  it('refuses XML with a DTD, external entities or entity expansion', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const external = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
    const laughs = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    await expectRefused(wordFile({ body: '', documentXml: external }), 'XML_DTD', /declares a DTD/);
    await expectRefused(wordFile({ body: '', documentXml: laughs }), 'XML_DTD', /declares a DTD/);
    await expectRefused(wordFile({ body: '', extra: { 'word/styles.xml': `<!DOCTYPE s SYSTEM "http://example.invalid/s.dtd"><w:styles xmlns:w="${W}"/>` } }), 'XML_DTD', /styles\.xml declares a DTD/);
  });

  it('refuses a zip bomb: more unpacked bytes or entries than a Word file has, counted while it inflates', { timeout: 120_000 }, async () => {
    const big = await wordFile({ body: '', extra: { 'word/document.xml': `<w:document xmlns:w="x">${' '.repeat(70 * 1024 * 1024)}</w:document>` } });
    expect(big.length).toBeLessThan(1024 * 1024);
    await expectRefused(big, 'ZIP_BOMB', /unpacks to more/);
    const many = new JSZip();
    for (let k = 0; k < 2100; k++) many.file(`word/media/${k}.xml`, 'x');
    await expectRefused(many.generateAsync({ type: 'uint8array' }), 'ZIP_BOMB', /21\d\d entries/);
    // An entry whose listed size is small unpacks to more than it says: refused as it inflates, not trusted.
    const liar = new JSZip();
    liar.file('word/document.xml', 'a'.repeat(100_000));
    const bytes = await liar.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const view = new DataView(bytes.buffer);
    for (let at = 0; at < bytes.length - 4; at++) {
      const sig = view.getUint32(at, true);
      if (sig === 0x04034b50) view.setUint32(at + 22, 1000, true); // local header: uncompressed size
      if (sig === 0x02014b50) view.setUint32(at + 24, 1000, true); // central directory: uncompressed size
    }
    const err = await readZip(bytes, () => true).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toMatch(/BROKEN_ZIP|ZIP_BOMB/);
  });

  it('answers 400 truncated and mutated Word files with a result or an ImportError, never anything else', { timeout: 120_000 }, async () => {
    const whole = await valid();
    const r = random(2026);
    for (let n = 0; n < 400; n++) {
      const bytes = n % 2 ? whole.slice(0, r.int(whole.length)) : whole.slice();
      if (n % 2 === 0) for (let k = 0; k < 1 + r.int(20); k++) bytes[r.int(bytes.length)] = r.int(256);
      const outcome = await readPlanFile(bytes).then(
        () => 'read',
        (e: unknown) => (e instanceof ImportError ? 'refused' : e),
      );
      expect(['read', 'refused']).toContain(outcome);
    }
  });
});
