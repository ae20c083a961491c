import { USER_COLORS } from '../presence/localUser';

export interface Viewer {
  key: string;
  name: string;
  color: string;
}

/** Which item each other person has open, from presence states ({ user, viewing }). */
export function readViewers(states: Map<number, Record<string, unknown>>, localClientId: number): Map<string, Viewer[]> {
  const byItem = new Map<string, Viewer[]>();
  states.forEach((state, clientId) => {
    if (clientId === localClientId || typeof state?.viewing !== 'string') return;
    const user = state.user as { id?: unknown; name?: unknown; color?: unknown } | undefined;
    if (!user || typeof user.name !== 'string') return;
    // Presence is written by other clients: names are shown as text, colours only from our own set.
    const viewer: Viewer = {
      key: typeof user.id === 'string' ? user.id : `${clientId}`,
      name: user.name.slice(0, 60),
      color: typeof user.color === 'string' && USER_COLORS.includes(user.color) ? user.color : '#4a5568',
    };
    const list = byItem.get(state.viewing) ?? [];
    // One person with the card open in two tabs is shown once.
    if (!list.some((v) => v.key === viewer.key)) list.push(viewer);
    byItem.set(state.viewing, list);
  });
  byItem.forEach((list) => list.sort((a, b) => a.name.localeCompare(b.name, 'sv')));
  return byItem;
}

/** A stable text form, so a caret moving (which changes presence too) re-renders no card. */
export const viewersKey = (viewers: Map<string, Viewer[]>) =>
  JSON.stringify([...viewers].sort(([a], [b]) => (a < b ? -1 : 1)));
