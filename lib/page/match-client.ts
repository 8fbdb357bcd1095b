/**
 * The page agent's end of the matching port. Connects on first use; when the port closes (the
 * service worker was stopped, the extension reloaded) the pass in flight fails with `PortLost`
 * and the next request connects again — the agent then sends every block, since the new matcher
 * knows none. Nothing is logged: a page's console never sees our retries.
 */
import type { AgentToMatcher, MarksMessage, MatcherToAgent } from '../match-protocol';

export interface PortLike {
  postMessage(m: AgentToMatcher): void;
  disconnect(): void;
  onMessage: { addListener(l: (m: MatcherToAgent) => void): void };
  onDisconnect: { addListener(l: () => void): void };
}

export class PortLost extends Error {
  constructor() {
    super('the matcher went away');
  }
}

export class ResendAll extends Error {
  constructor() {
    super('the matcher lacks blocks');
  }
}

interface Pending {
  pass: number;
  onPartial: ((m: MarksMessage) => void) | undefined;
  /** Settles when the partial answer has been handled (the rest of the pass waits for it). */
  partialDone: (() => void) | undefined;
  resolve: (m: MarksMessage) => void;
  reject: (e: Error) => void;
}

export class MatchClient {
  private port: PortLike | undefined;
  private pending: Pending | undefined;
  /** Bumped each time a new port is opened: the agent's record of what the matcher holds is per port. */
  generation = 0;

  constructor(private readonly connect: () => PortLike) {}

  private ensure(): PortLike {
    if (this.port) return this.port;
    const port = this.connect(); // throws when the extension context is gone
    this.generation++;
    port.onMessage.addListener((m) => this.receive(m));
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = undefined;
      const p = this.pending;
      this.pending = undefined;
      p?.reject(new PortLost());
    });
    this.port = port;
    return port;
  }

  /** Opens the port if needed and returns its generation (so the caller knows what it holds). */
  open(): number {
    this.ensure();
    return this.generation;
  }

  private receive(m: MatcherToAgent): void {
    const p = this.pending;
    if (!p || !m || typeof m !== 'object' || m.pass !== p.pass) return;
    if (m.type === 'resend') {
      this.pending = undefined;
      p.reject(new ResendAll());
    } else if (m.type === 'marks') {
      if (m.partial) {
        p.onPartial?.(m);
        p.partialDone?.();
        p.partialDone = undefined;
      } else {
        this.pending = undefined;
        p.resolve(m);
      }
    }
  }

  /**
   * Sends a pass's parts (one at a time, calling `between` after each so the page gets its turn)
   * and waits for the final marks (`sent` is called once the last part is out). When the first part asks to be shown, the rest waits until its
   * marks are placed and `between` has let the page draw them: the reader sees the marks on
   * screen before the rest of the page is read. A newer pass supersedes this one: its promise
   * never settles.
   */
  async pass(
    pass: number,
    parts: AgentToMatcher[],
    onPartial: ((m: MarksMessage) => void) | undefined,
    between: () => Promise<void>,
    sent: () => void = () => {},
  ): Promise<MarksMessage> {
    const port = this.ensure();
    let shown: Promise<void> | undefined;
    const result = new Promise<MarksMessage>((resolve, reject) => {
      this.pending = { pass, onPartial, partialDone: undefined, resolve, reject };
    });
    if (parts.length > 1 && parts[0]!.show) {
      const p = this.pending!;
      shown = new Promise<void>((done) => (p.partialDone = done));
    }
    result.catch(() => {});
    for (let i = 0; i < parts.length; i++) {
      if (this.port !== port || this.pending?.pass !== pass) break; // lost or superseded
      if (i === 1 && shown) {
        // The first part's marks, or the end of this pass (lost, superseded), whichever comes first.
        await Promise.race([
          shown,
          result.then(
            () => {},
            () => {},
          ),
        ]);
        if (this.port !== port || this.pending?.pass !== pass) break;
        await between(); // a turn for the page to draw those marks
      }
      try {
        port.postMessage(parts[i]!);
      } catch {
        this.port = undefined;
        const p = this.pending;
        this.pending = undefined;
        p?.reject(new PortLost());
        break;
      }
      if (i < parts.length - 1) await between();
    }
    sent();
    return result;
  }

  close(): void {
    const port = this.port;
    this.port = undefined;
    this.pending = undefined;
    try {
      port?.disconnect();
    } catch {
      // already gone
    }
  }
}
