/**
 * Messages between the content script and the card frame. The content script posts one window
 * message, `{type: 'dramatis:connect', ticket}` with a MessagePort, to the frame (target origin:
 * the extension's); everything after that goes over the port. The card answers only once the
 * background has confirmed the ticket (lib/ui/card-port.ts). Nothing here carries a note, and no
 * message's content or timing depends on the reader's notes: the card reads notes from the
 * background itself, and its size is fixed apart from the entity's public details.
 */
export interface ConnectMessage {
  type: 'dramatis:connect';
  ticket: string;
}

export type PageToCard =
  | {
      type: 'show';
      entityId: string;
      /** Ids of every entity on the page, for "also on this page". */
      pageEntityIds: string[];
      pageUrl: string;
      pageTitle: string;
      /** The text the reader selected, when the card was opened for a selection. */
      quote?: string;
      /** Move keyboard focus into the card (opened from the keyboard). */
      focus?: boolean;
      /** Why this mention was marked (lib/match/rules.ts RULE_IDS index). */
      why?: number;
      /**
       * When the card was asked to open (ms since the epoch, `performance.timeOrigin + now()`): the
       * card measures from it how long it took to show the details (bench/ui-bench.ts reads it in
       * the card's own timeline, which the page cannot read).
       */
      openedAt?: number;
    }
  | { type: 'hidden' };

export type CardToPage =
  { type: 'ready' } | { type: 'size'; height: number } | { type: 'close' } | { type: 'pin'; pinned: boolean };
