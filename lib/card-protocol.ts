/**
 * Messages between the content script and the card frame, over their private MessageChannel.
 * Nothing here carries a note: the card reads notes from the background itself.
 */
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
    }
  | { type: 'hidden' };

export type CardToPage = { type: 'size'; height: number } | { type: 'close' } | { type: 'pin'; pinned: boolean };
