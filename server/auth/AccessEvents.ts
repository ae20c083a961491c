// Tells the websocket server that what a person may do has changed (deactivated,
// role changed, signed out, password reset), so it re-checks that person's open
// connections at once instead of at their next reconnect.

export type AccessListener = (userId: string) => void;

export class AccessEvents {
  private readonly listeners = new Set<AccessListener>();

  on(event: 'changed', listener: AccessListener): () => void {
    this.listeners.add(listener);
    return () => this.off(event, listener);
  }

  off(_event: 'changed', listener: AccessListener): void {
    this.listeners.delete(listener);
  }

  emit(_event: 'changed', userId: string): void {
    for (const listener of [...this.listeners]) listener(userId);
  }
}
