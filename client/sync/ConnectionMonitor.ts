import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { ACCESS_CHANGED_EVENT } from '../auth/apiFetch';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Local edits made since the server last confirmed a full sync. */
  pending: boolean;
  /** The plan has content, from the browser's cache or from the server. */
  loaded: boolean;
  /** The server's database refused the last change it was sent (close code 4503). */
  storageFault: boolean;
}

/** The sync server's code for "the database refused this change; nothing of it was kept". */
const STORAGE_FAILURE = 4503;
const FAULT_CLEARS_AFTER_MS = 5000;

/**
 * Turns the provider's socket events and the browser's online/offline events into one
 * small state that components read through useSyncExternalStore. The browser events
 * matter: a socket can stay "open" for up to 30 s after the network is gone, and the
 * page should say at once that edits are not reaching anyone.
 */
export class ConnectionMonitor {
  private state: ConnectionState = { status: 'connecting', pending: false, loaded: false, storageFault: false };
  private listeners = new Set<() => void>();
  private everConnected = false;
  private refused = false;
  private started = false;
  private faultTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly localOrigins: Set<unknown>,
  ) {
    provider.on('status', this.update);
    provider.on('sync', this.onSync);
    provider.on('closed', this.onRefused);
    provider.on('connection-close', this.onClose);
    doc.on('update', this.onUpdate);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  /** Connects (when the browser is online) and from then on follows the network. */
  start() {
    this.started = true;
    if (navigator.onLine) this.provider.connect();
    this.update();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.state;

  markLoaded = () => this.set({ loaded: true });

  destroy() {
    clearTimeout(this.faultTimer);
    this.provider.off('status', this.update);
    this.provider.off('sync', this.onSync);
    this.provider.off('closed', this.onRefused);
    this.provider.off('connection-close', this.onClose);
    this.doc.off('update', this.onUpdate);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.listeners.clear();
  }

  private set(patch: Partial<ConnectionState>) {
    const next = { ...this.state, ...patch };
    const same = (Object.keys(next) as (keyof ConnectionState)[]).every((k) => next[k] === this.state[k]);
    if (same) return;
    this.state = next;
    this.listeners.forEach((l) => l());
  }

  private update = () => {
    const p = this.provider;
    let status: ConnectionStatus;
    if (this.refused) status = 'refused';
    else if (!navigator.onLine) status = 'offline';
    else if (p.wsconnected && p.synced) status = 'connected';
    else status = this.everConnected ? 'reconnecting' : 'connecting';
    this.set({ status });
  };

  private onSync = (synced: boolean) => {
    if (synced) {
      // Sync step 2 from the server has arrived; our own missing updates went out in
      // reply to its step 1, so whatever was made offline is now on its way.
      this.everConnected = true;
      this.set({ pending: false, loaded: true });
      // The server never confirms a stored change; a fault is over once a synced
      // connection has not been refused again for a while.
      if (this.state.storageFault) this.clearFaultSoon();
    }
    this.update();
  };

  private onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider || this.localOrigins.has(origin)) return;
    if (!(this.provider.wsconnected && this.provider.synced)) this.set({ pending: true });
  };

  private onClose = (event: CloseEvent | null) => {
    if (event?.code !== STORAGE_FAILURE) return;
    // The edit stays in this browser; the provider reconnects and sends it again.
    clearTimeout(this.faultTimer);
    this.set({ storageFault: true, pending: true });
  };

  private clearFaultSoon() {
    clearTimeout(this.faultTimer);
    this.faultTimer = setTimeout(() => this.set({ storageFault: false }), FAULT_CLEARS_AFTER_MS);
  }

  private onRefused = () => {
    this.refused = true;
    this.update();
    window.dispatchEvent(new Event(ACCESS_CHANGED_EVENT));
  };

  private onOnline = () => {
    if (this.started) this.provider.connect();
    this.update();
  };

  private onOffline = () => {
    this.provider.disconnect();
    this.update();
  };
}
