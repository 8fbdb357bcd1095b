/** A reader's note on one entity. Times are milliseconds since the epoch. */
export interface Note {
  id: string;
  entityId: string;
  text: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** Where it was written. */
  pageUrl?: string;
  pageTitle?: string;
  /** The passage selected when the note was written. */
  quote?: string;
  /** Set when deleted; kept for undo until purged. */
  deletedAt?: number;
}
