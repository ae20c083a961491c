import type * as Y from 'yjs';
import type { RoundView } from '../../shared/rounds/RoundView';

/**
 * Where an export finds its content. The running server and the command line each
 * supply one (the server from its live documents, the command line from the database),
 * so that export code needs neither the sync internals nor SQL.
 */
export interface ExportSources {
  /** The plan's live document, or null when there is no such plan. */
  planDoc(planId: string): Y.Doc | null | Promise<Y.Doc | null>;
  /** The plan's discussion document, when comments exist. */
  discussionDoc?(planId: string): Y.Doc | null | Promise<Y.Doc | null>;
  /** The plan's consultation rounds, whole and up to date, when rounds exist. */
  rounds?(planId: string): RoundView[] | Promise<RoundView[]>;
  /** A stored snapshot of the plan, when snapshots exist. */
  snapshot?(planId: string, snapshotId: string): StoredSnapshot | null | Promise<StoredSnapshot | null>;
}

export interface StoredSnapshot {
  planState: Uint8Array;
  discussionState: Uint8Array | null;
  /** Milliseconds since 1970, the server's time of the snapshot. */
  createdAt: number;
  /** What the header names it by, e.g. its meeting "Strategimöte 1". */
  label: string;
  /** The rounds it kept; absent for a snapshot stored before rounds were kept. */
  rounds?: RoundView[];
}
