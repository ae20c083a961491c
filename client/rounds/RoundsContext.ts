import { createContext, useContext } from 'react';
import type { Role } from '../../shared/auth/roles';
import type { RoundView } from '../../shared/rounds/RoundView';

export interface RoundsContextValue {
  planId: string;
  /** The plan's rounds, newest first. */
  rounds: RoundView[];
  loaded: boolean;
  /** A snapshot's rounds: shown as they were, nothing to answer or change. */
  readOnly: boolean;
  /** The person looking; null until known. */
  me: { id: string; role: Role } | null;
  /** Asks the server again at once (after this browser changed a round). */
  refresh(): void;
  /** Shows a round: its page on the live board, in place on a snapshot. */
  openRound(roundId: string): void;
}

export const RoundsContext = createContext<RoundsContextValue | null>(null);

/** The rounds around this component, or null outside a <RoundsProvider> (nothing to show then). */
export const useRounds = () => useContext(RoundsContext);

/** An open round that asks the person about the item. */
export const askedOf = (round: RoundView, personId: string | undefined) =>
  round.closedAt === null && personId !== undefined && round.recipients.some((p) => p.id === personId && p.active);

/** The open rounds that ask about the item, soonest deadline first. */
export const openRoundsOf = (rounds: readonly RoundView[], itemId: string) =>
  rounds.filter((r) => r.closedAt === null && r.items.some((i) => i.id === itemId && !i.deleted)).sort((a, b) => a.deadline - b.deadline);
