import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

// Fractional order keys. Two replicas may produce the same key concurrently; readers
// break ties by id, and here a key between equal or reversed neighbours falls back to
// "after the lower one" so that no input can make an operation throw.

function valid(key: string | null | undefined): string | null {
  if (!key) return null;
  try {
    generateKeyBetween(key, null);
    return key;
  } catch {
    return null;
  }
}

export function keyBetween(before: string | null | undefined, after: string | null | undefined): string {
  const a = valid(before);
  const b = valid(after);
  if (a !== null && b !== null && a >= b) return generateKeyBetween(a, null);
  return generateKeyBetween(a, b);
}

export const keysAfter = (last: string | null, n: number) => generateNKeysBetween(valid(last), null, n);
