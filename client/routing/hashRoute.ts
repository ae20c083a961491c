import { useMemo } from 'react';
import { useHash } from '../meetings/useHash';

// The address's #fragment as named values, so that views can be linked to: '#round=abc'
// opens a consultation round, '#item=abc&thread=def' a card's thread, and a bare word
// ('#historik') is a name with an empty value. One parser, so each view adds its own
// name without touching the others.

export type HashParams = Readonly<Record<string, string>>;

export function parseHash(hash: string): HashParams {
  return Object.fromEntries(new URLSearchParams(hash.replace(/^#/, '')));
}

/** '#round=abc' from { round: 'abc' }. */
export const hashHref = (params: Record<string, string>) => `#${new URLSearchParams(params)}`;

/** The current address's named values, kept up to date as it changes. */
export function useHashParams(): HashParams {
  const hash = useHash();
  return useMemo(() => parseHash(hash), [hash]);
}
