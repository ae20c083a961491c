// Files in Microsoft's older compound format ("OLE2"): a Word 97–2003 .doc, or a .docx
// that Word encrypted with a password, which it stores in the same container with an
// EncryptionInfo stream beside the encrypted package.

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const DIRECTORY_ENTRY = 128;
const STREAM = 2;

export const isOleContainer = (bytes: Uint8Array) => OLE2_MAGIC.every((b, i) => bytes[i] === b);

/**
 * Whether the container holds a stream of that name. Directory entries sit at
 * 128-byte boundaries in the file's sectors; each holds its name in UTF-16 with the
 * name's length in bytes, then its type, so matching all three reads the directory
 * without following its sector chain.
 */
export function hasOleStream(bytes: Uint8Array, name: string): boolean {
  const length = (name.length + 1) * 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  outer: for (let at = 512; at + DIRECTORY_ENTRY <= bytes.length; at += DIRECTORY_ENTRY) {
    if (view.getUint16(at + 64, true) !== length || bytes[at + 66] !== STREAM) continue;
    for (let i = 0; i < name.length; i++) if (view.getUint16(at + i * 2, true) !== name.charCodeAt(i)) continue outer;
    return true;
  }
  return false;
}
