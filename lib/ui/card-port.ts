/**
 * The card frame's end of its private channel to the content script. Any web page can frame
 * `card.html` and post to it, so a port is accepted only with a ticket the background confirms
 * (`card:claim`; see lib/background/card-sessions.ts). Until then the card renders nothing and
 * sends nothing; a refused port is closed without a word. Listens from the moment the module
 * loads, because the content script hands the port over on the frame's load event.
 */
import type { CardToPage, PageToCard } from '../card-protocol';

type Handler = (m: PageToCard) => void;

export type ClaimTicket = (ticket: string) => Promise<boolean>;

/** At most this many claims in flight: a page posting bogus tickets in a loop gets nowhere fast. */
const MAX_PENDING = 2;

export class CardPort {
  private port: MessagePort | undefined;
  private handler: Handler | undefined;
  private readonly queue: PageToCard[] = [];
  private pending = 0;
  private readonly claimedListeners: (() => void)[] = [];

  constructor(
    win: Window,
    private readonly claim: ClaimTicket,
  ) {
    win.addEventListener('message', (ev: MessageEvent) => void this.onWindowMessage(ev));
  }

  get connected(): boolean {
    return !!this.port;
  }

  private async onWindowMessage(ev: MessageEvent): Promise<void> {
    const data = ev.data as { type?: unknown; ticket?: unknown } | null;
    const port = ev.ports[0];
    if (!port) return;
    if (
      this.port ||
      this.pending >= MAX_PENDING ||
      data?.type !== 'dramatis:connect' ||
      typeof data.ticket !== 'string'
    ) {
      port.close();
      return;
    }
    this.pending++;
    const ok = await this.claim(data.ticket).then(
      (v) => v,
      () => false,
    );
    this.pending--;
    if (!ok || this.port) {
      port.close();
      return;
    }
    this.port = port;
    port.onmessage = (e: MessageEvent<PageToCard>) => {
      if (this.handler) this.handler(e.data);
      else this.queue.push(e.data);
    };
    port.postMessage({ type: 'ready' } satisfies CardToPage);
    for (const l of this.claimedListeners.splice(0)) l();
  }

  /** Runs once the card holds a confirmed port (at once if it already does). */
  onConnected(l: () => void): void {
    if (this.port) l();
    else this.claimedListeners.push(l);
  }

  onMessage(h: Handler): void {
    this.handler = h;
    for (const m of this.queue.splice(0)) h(m);
  }

  post(m: CardToPage): void {
    this.port?.postMessage(m);
  }
}
