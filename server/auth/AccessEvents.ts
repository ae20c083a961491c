// Tells the websocket server that what a person may do has changed (deactivated,
// role changed, signed out, password reset), so it re-checks that person's open
// connections at once instead of at their next reconnect. With several processes the
// news is relayed to the others (through Redis), whose connections follow it too.

export type AccessListener = (userId: string) => void;

/** The way to the other processes: what is published here reaches their subscribers, not this one's. */
export interface AccessRelay {
  publish(userId: string): void;
  subscribe(listener: AccessListener): () => void;
}

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
    this.notify(userId);
    this.relay?.publish(userId);
  }

  /** Passes every change to the other processes, and theirs to this one's listeners. */
  relayThrough(relay: AccessRelay): () => void {
    this.relay = relay;
    const stop = relay.subscribe((userId) => this.notify(userId));
    return () => {
      stop();
      this.relay = null;
    };
  }

  private relay: AccessRelay | null = null;

  private notify(userId: string): void {
    for (const listener of [...this.listeners]) listener(userId);
  }
}
