import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Viewer } from './readViewers';

export interface ViewersContextValue {
  /** The plan's presence, for components that announce what this person has open. */
  awareness: Awareness;
  viewers: Map<string, Viewer[]>;
}

export const ViewersContext = createContext<ViewersContextValue | null>(null);

/** The other people who have this item open, or none outside a <ViewersProvider>. */
export function useItemViewers(itemId: string): Viewer[] {
  return useContext(ViewersContext)?.viewers.get(itemId) ?? [];
}

/** The plan's presence, or null outside a <ViewersProvider>. */
export const usePlanAwareness = () => useContext(ViewersContext)?.awareness ?? null;
