import yauzl from 'yauzl';
import { ImportError } from '../../../shared/import/ImportError';

/** Limits that keep a small file from unpacking into a large one (a zip bomb). */
export const ZIP_LIMITS = {
  /** Entries in the archive; a Word file has a few dozen. */
  maxEntries: 2000,
  /** Bytes once unpacked, the entries read together; a 1,000-action plan is a few MB. */
  maxUnpackedBytes: 64 * 1024 * 1024,
};

const bomb = (why: string) =>
  new ImportError('ZIP_BOMB', null, `the file unpacks to more than a Word document holds (${why}); it is refused`, { why });

const broken = (err: unknown) =>
  new ImportError('BROKEN_ZIP', null, `the Word file is damaged or cut short (${(err as Error).message})`, { reason: (err as Error).message });

/**
 * The wanted entries of a zip archive, unpacked. The archive's own listing says how
 * large each entry is; those sizes must stay within the limits, and yauzl refuses an
 * entry whose data unpacks to more than its listed size while it inflates, so no
 * header can make this hold more than the limit in memory.
 */
export async function readZip(bytes: Uint8Array, wanted: (name: string) => boolean, limits = ZIP_LIMITS): Promise<Map<string, Uint8Array>> {
  const zip = await new Promise<yauzl.ZipFile>((done, fail) =>
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (err, z) =>
      err ? fail(broken(err)) : done(z),
    ),
  );
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw bomb(`${zip.entryCount} entries`);
  }
  const found = new Map<string, Uint8Array>();
  let listed = 0;
  let unpacked = 0;
  try {
    await new Promise<void>((done, fail) => {
      zip.on('error', (err) => fail(broken(err)));
      zip.on('end', () => done());
      zip.on('entry', (entry: yauzl.Entry) => {
        listed += entry.uncompressedSize;
        if (listed > limits.maxUnpackedBytes) return fail(bomb(`over ${limits.maxUnpackedBytes} bytes`));
        if (!wanted(entry.fileName)) return zip.readEntry();
        if (entry.isEncrypted()) return fail(new ImportError('ENCRYPTED', null, 'the Word file is protected with a password; save it without one and try again'));
        zip.openReadStream(entry, (err, stream) => {
          if (err) return fail(broken(err));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            unpacked += chunk.length;
            if (unpacked > limits.maxUnpackedBytes) {
              stream.destroy();
              fail(bomb(`over ${limits.maxUnpackedBytes} bytes`));
            } else chunks.push(chunk);
          });
          stream.on('error', (e) => fail(broken(e)));
          stream.on('end', () => {
            found.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return found;
}
