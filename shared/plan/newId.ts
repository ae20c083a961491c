const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id of 12 base-36 characters (62 bits), from the platform's crypto. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let id = '';
  for (const b of bytes) id += ALPHABET[b % 36];
  return id;
}
