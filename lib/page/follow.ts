/**
 * Following changes: one MutationObserver (the document's body and each open shadow root read),
 * its records batched into a debounced rescan with a bounded wait, so a page that never stops
 * changing is rescanned periodically, never continuously. Our own UI lives outside <body> and
 * highlights change no DOM, so nothing we do triggers it.
 */
export const RESCAN_DEBOUNCE_MS = 300;
/** Under a stream of mutations, a rescan still happens at least this often, and no more. */
export const RESCAN_MAX_WAIT_MS = 2000;

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export class ChangeFollower {
  private readonly observer: MutationObserver;
  private readonly roots: Node[] = [];
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private firstPending = 0;
  private on = false;

  constructor(
    private readonly onChange: () => void,
    /** False once the extension is gone: then mutations are ignored. */
    isValid: () => boolean = () => true,
  ) {
    this.observer = new MutationObserver(() => {
      if (!this.on || !isValid()) return;
      const now = performance.now();
      if (!this.debounce) this.firstPending = now;
      clearTimeout(this.debounce);
      const wait = Math.max(0, Math.min(RESCAN_DEBOUNCE_MS, RESCAN_MAX_WAIT_MS - (now - this.firstPending)));
      this.debounce = setTimeout(() => {
        this.debounce = undefined;
        this.onChange();
      }, wait);
    });
  }

  /** Also follows this root (an open shadow root met while walking). */
  add(root: Node): void {
    if (this.roots.includes(root)) return;
    this.roots.push(root);
    if (this.on) this.observer.observe(root, OBSERVE);
  }

  start(): void {
    if (this.on) return;
    this.on = true;
    for (const r of this.roots) this.observer.observe(r, OBSERVE);
  }

  stop(): void {
    this.on = false;
    this.observer.disconnect();
    clearTimeout(this.debounce);
    this.debounce = undefined;
  }
}
