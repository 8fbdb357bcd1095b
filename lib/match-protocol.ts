/**
 * The page agent ↔ matcher stream: one `runtime.connect` port per frame (name `MATCH_PORT`).
 * The page agent sends the text of blocks that changed since the matcher last saw them, with the
 * page's block order; the matcher answers with marks. Types only (the content script carries no
 * validator library); the background validates every message with `matchRequestSchema`
 * (lib/messages.ts) and drops what does not fit.
 *
 *   agent ──pass {pass, order, blocks, last, show}──▶ matcher   (a long page: several parts)
 *   agent ◀──marks {pass, partial, entities, marks, private}── matcher   (partial: for the first part)
 *     marks: block id, start, end, entity index, rule — five numbers a mark
 *   agent ◀──resend {pass}── matcher                           (it lacks blocks: send them all)
 *   agent ◀──rescan── matcher               (the reader's own names changed: run a pass again)
 *
 * A port that closes (the service worker stopped, the extension reloaded) loses nothing but
 * time: the agent connects again and sends every block.
 */

export const MATCH_PORT = 'dramatis:match';

/** Most text in one message (UTF-16 units): the agent splits larger passes into parts. */
export const PART_CHARS = 256 * 1024;
/** Numbers per mark in `MarksMessage.marks`. */
export const MARK_FIELDS = 5;

export interface PassMessage {
  type: 'pass';
  /** Increases with each pass of this frame. */
  pass: number;
  /** Every block id in document order; on the first part of a pass only. */
  order?: number[];
  /** Blocks whose text the matcher has not seen in this state. */
  blocks: { id: number; text: string }[];
  /** The last part of the pass: the matcher resolves the whole page and answers. */
  last: boolean;
  /** Answer with marks for the blocks sent so far (the part of a long page on screen). */
  show?: boolean;
}

export type AgentToMatcher = PassMessage;

export interface MarksMessage {
  type: 'marks';
  pass: number;
  partial: boolean;
  /** Entities the marks refer to: index → [entity id, category index]. */
  entities: Record<number, [string, number]>;
  /** Flat quintuples: block id, start, end, entity index, rule (lib/match/rules.ts RULE_IDS). */
  marks: number[];
  /**
   * The same for marks found only through the reader's own names: drawn privately (never in
   * `CSS.highlights`, which page scripts can read).
   */
  private?: number[];
  /** Time the matcher spent on this answer (its own slices, ms). */
  workerMs: number;
}

export interface ResendMessage {
  type: 'resend';
  pass: number;
}

/** The reader's own names changed: the agent runs a pass (it sends nothing new unless the page changed). */
export interface RescanMessage {
  type: 'rescan';
}

export type MatcherToAgent = MarksMessage | ResendMessage | RescanMessage;
