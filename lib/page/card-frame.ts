/**
 * The hover card's frame: an extension-origin iframe inside a closed shadow root. The page
 * sees an element but can read nothing of the card (a cross-origin document) nor reach the
 * frame element through our host (closed root). Before creating the frame the content script
 * asks the background for a one-time ticket and hands it, with a private MessagePort, to the
 * frame (target origin: the extension's); the card answers `ready` only once the background has
 * confirmed the ticket. The content script never sends or receives a note: the card fetches
 * notes from the background, and its height does not depend on them.
 */
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { CardToPage, ConnectMessage, PageToCard } from '../card-protocol';

const HOST_TAG = 'dramatis-card-host';
const WIDTH = 380;
/** How long the card may take to load and confirm its ticket before the frame is dropped. */
export const CARD_READY_TIMEOUT_MS = 8000;

function important(el: HTMLElement, styles: Record<string, string>): void {
  for (const [k, v] of Object.entries(styles)) el.style.setProperty(k, v, 'important');
}

export interface CardFrameEvents {
  onPointerEnter(): void;
  onPointerLeave(): void;
  onClose(): void;
  onPin(pinned: boolean): void;
}

export class CardFrame {
  private host: HTMLElement | undefined;
  private frame: HTMLIFrameElement | undefined;
  private port: MessagePort | undefined;
  private ready: Promise<void> | undefined;
  private height = 240;
  private anchor: { getBoundingClientRect(): DOMRect } | undefined;
  visible = false;
  /** Who reacts to the pointer entering or leaving the card, and to its close and pin buttons. */
  events: CardFrameEvents | undefined;

  private readyResolve: (() => void) | undefined;

  constructor(
    private readonly doc: Document,
    private readonly cardUrl: string,
    /** The extension's own origin: the card document's, whatever (dynamic) address loaded it. */
    private readonly cardOrigin: string,
    private readonly signal: AbortSignal,
    /** A one-time ticket from the background for the frame about to be created. */
    private readonly requestTicket: () => Promise<string>,
    /** The frame's accessible name, in the reader's language. */
    private readonly title = 'Dramatis card',
  ) {}

  private ensure(): Promise<void> {
    this.ready ??= this.create().catch((err: unknown) => {
      this.destroy();
      throw err;
    });
    return this.ready;
  }

  private async create(): Promise<void> {
    const ticket = await this.requestTicket();
    if (this.signal.aborted) throw new Error('stopped');
    const doc = this.doc;
    const host = doc.createElement(HOST_TAG);
    important(host, { visibility: 'hidden', height: `${this.height}px` });
    const root = host.attachShadow({ mode: 'closed' });
    // Styles on :host from inside a closed root: `!important` here beats any page rule. Position,
    // size and visibility are set inline on the host instead, so they are not listed here.
    const style = doc.createElement('style');
    style.textContent = `:host { position: fixed !important; display: block !important; box-sizing: border-box !important;
      width: ${WIDTH}px !important; max-width: calc(100vw - 16px) !important; min-height: 0 !important;
      margin: 0 !important; padding: 0 !important; border: 0 !important; background: transparent !important;
      opacity: 1 !important; transform: none !important; filter: none !important; clip-path: none !important;
      z-index: 2147483647 !important; pointer-events: auto !important; overflow: visible !important; }
      iframe { all: initial !important; display: block !important; border: 0 !important; width: 100% !important;
      height: 100% !important; background: transparent !important; color-scheme: normal !important; }`;
    root.append(style);
    const frame = doc.createElement('iframe');
    frame.src = this.cardUrl;
    frame.title = this.title;
    frame.setAttribute('allowtransparency', 'true');
    root.append(frame);
    host.addEventListener('mouseenter', () => this.events?.onPointerEnter(), { signal: this.signal });
    host.addEventListener('mouseleave', () => this.events?.onPointerLeave(), { signal: this.signal });
    this.host = host;
    this.frame = frame;
    const origin = this.cardOrigin;
    const ready = new Promise<void>((resolve, reject) => {
      this.readyResolve = resolve;
      const timer = setTimeout(() => reject(new Error('the card did not confirm its ticket')), CARD_READY_TIMEOUT_MS);
      this.signal.addEventListener('abort', () => clearTimeout(timer));
      let loads = 0;
      frame.addEventListener(
        'load',
        () => {
          // A second load means someone navigated the frame: its channel is gone; start afresh.
          if (++loads > 1) {
            clearTimeout(timer);
            this.destroy();
            reject(new Error('the card frame was navigated'));
            return;
          }
          const channel = new MessageChannel();
          this.port = channel.port1;
          channel.port1.onmessage = (e: MessageEvent<CardToPage>) => {
            if (e.data?.type === 'ready') clearTimeout(timer);
            this.receive(e.data);
          };
          const hello: ConnectMessage = { type: 'dramatis:connect', ticket };
          frame.contentWindow?.postMessage(hello, origin, [channel.port2]);
        },
        { signal: this.signal },
      );
    });
    (doc.documentElement ?? doc.body).append(host);
    await ready;
  }

  private receive(msg: CardToPage): void {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'ready') {
      this.readyResolve?.();
      this.readyResolve = undefined;
    } else if (msg.type === 'size' && typeof msg.height === 'number') {
      this.height = Math.max(80, Math.min(msg.height, Math.floor(this.doc.defaultView!.innerHeight * 0.8)));
      if (this.host) important(this.host, { height: `${this.height}px` });
      void this.position();
    } else if (msg.type === 'close') this.events?.onClose();
    else if (msg.type === 'pin') this.events?.onPin(!!msg.pinned);
  }

  async show(anchor: { getBoundingClientRect(): DOMRect }, message: PageToCard): Promise<void> {
    try {
      await this.ensure();
    } catch {
      return; // no card this time (extension reloading, or the frame was tampered with); the next hover tries again
    }
    this.anchor = anchor;
    this.port?.postMessage(message);
    await this.position();
    if (this.host) important(this.host, { visibility: 'visible' });
    this.visible = true;
    // Opened from the keyboard: focus moves into the card (the frame first, then its dialog).
    if (message.type === 'show' && message.focus) this.frame?.focus();
  }

  hide(): void {
    if (!this.host) return;
    important(this.host, { visibility: 'hidden' });
    this.visible = false;
    this.port?.postMessage({ type: 'hidden' } satisfies PageToCard);
  }

  /** Places the card beside the mention, flipping and shifting at the viewport's edges. */
  async position(): Promise<void> {
    const host = this.host;
    const anchor = this.anchor;
    if (!host || !anchor) return;
    const { x, y } = await computePosition(anchor, host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            important(host, { 'max-height': `${Math.max(120, availableHeight)}px` });
          },
        }),
      ],
    });
    important(host, { left: `${Math.round(x)}px`, top: `${Math.round(y)}px` });
  }

  contains(target: EventTarget | null): boolean {
    return !!target && target === this.host;
  }

  destroy(): void {
    this.port?.close();
    this.port = undefined;
    this.host?.remove();
    this.host = undefined;
    this.frame = undefined;
    this.ready = undefined;
    this.visible = false;
  }
}
