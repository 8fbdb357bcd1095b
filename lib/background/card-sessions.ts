/**
 * Who may open a card. `card.html` must be web-accessible (the card is a frame inside the page),
 * so any site can frame it. A framed card therefore shows nothing and answers nothing until it
 * holds a ticket that only our content script can have:
 *
 *   content script ──card:ticket──▶ background        issues a random ticket bound to the tab
 *   content script ──postMessage({ticket}, port)──▶ card frame (extension origin only)
 *   card frame ──card:claim {ticket}──▶ background    checks tab, age, single use; the frame
 *                                                      becomes a claimed card session
 *
 * Notes are served to a frame at `card.html` only while it is a claimed session (tab, frame and,
 * in Chrome, document), so even a card document the page framed itself can read nothing.
 * Pure: the clock and the random source are passed in; the state can be saved and restored
 * (Chrome stops idle service workers; `storage.session` keeps it across restarts).
 */

export const TICKET_TTL_MS = 30_000;
/** Sessions kept per tab (a tab opens one card frame per document; old ones are dropped). */
export const SESSIONS_PER_TAB = 16;

export interface FrameRef {
  tabId: number;
  frameId: number;
  /** Chrome's per-document id; absent in Firefox. */
  documentId?: string;
}

interface Ticket {
  tabId: number;
  frameId: number;
  expires: number;
}

export interface CardSessionState {
  tickets: [string, Ticket][];
  sessions: string[];
}

const key = (f: FrameRef) => `${f.tabId}:${f.frameId}:${f.documentId ?? ''}`;

export class CardSessions {
  private tickets = new Map<string, Ticket>();
  /** Claimed card frames, in claim order. */
  private sessions: string[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly random: () => string = () => crypto.randomUUID(),
  ) {}

  /** A ticket for a content script in this tab and frame to hand to the card frame it creates. */
  issue(from: { tabId: number; frameId: number }): string {
    this.sweep();
    const ticket = `${this.random()}${this.random()}`.replace(/-/g, '');
    this.tickets.set(ticket, { tabId: from.tabId, frameId: from.frameId, expires: this.now() + TICKET_TTL_MS });
    return ticket;
  }

  /** The card frame presents its ticket: valid once, in the tab it was issued for, before it expires. */
  claim(ticket: string, card: FrameRef): boolean {
    this.sweep();
    const t = this.tickets.get(ticket);
    if (!t) return false;
    this.tickets.delete(ticket); // single use, whatever the outcome
    if (t.tabId !== card.tabId) return false;
    const k = key(card);
    this.sessions = this.sessions.filter((s) => s !== k);
    this.sessions.push(k);
    const prefix = `${card.tabId}:`;
    const ofTab = this.sessions.filter((s) => s.startsWith(prefix));
    if (ofTab.length > SESSIONS_PER_TAB) {
      const drop = new Set(ofTab.slice(0, ofTab.length - SESSIONS_PER_TAB));
      this.sessions = this.sessions.filter((s) => !drop.has(s));
    }
    return true;
  }

  isClaimed(card: FrameRef): boolean {
    return this.sessions.includes(key(card));
  }

  /** A tab closed: its tickets and sessions go. */
  forgetTab(tabId: number): void {
    const prefix = `${tabId}:`;
    this.sessions = this.sessions.filter((s) => !s.startsWith(prefix));
    for (const [k, t] of this.tickets) if (t.tabId === tabId) this.tickets.delete(k);
  }

  save(): CardSessionState {
    return { tickets: [...this.tickets], sessions: [...this.sessions] };
  }

  restore(state: unknown): void {
    const s = state as Partial<CardSessionState> | undefined;
    if (!s || !Array.isArray(s.tickets) || !Array.isArray(s.sessions)) return;
    for (const [k, t] of s.tickets)
      if (typeof k === 'string' && t && typeof t.tabId === 'number' && typeof t.expires === 'number')
        this.tickets.set(k, t);
    for (const k of s.sessions) if (typeof k === 'string' && !this.sessions.includes(k)) this.sessions.push(k);
    this.sweep();
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, t] of this.tickets) if (t.expires <= now) this.tickets.delete(k);
  }
}
