/** The undo history an editor hands its Ctrl+Z to: the person's history across the whole plan. */
export interface EditorHistory {
  undo(): boolean;
  redo(): boolean;
  /** Counts the editor binding's transactions as this person's. */
  trackOrigin(origin: unknown): void;
}
