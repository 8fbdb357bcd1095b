/**
 * The one matcher of the browser: the index is loaded once (an ArrayBuffer from the package) and
 * kept for the worker's life; each frame's page agent holds a port, and each port a PageMatcher
 * with that page's blocks. Work from many frames is queued fairly: one slice of one frame's pass
 * at a time, round robin, so a huge page in one tab does not hold up a short article in another.
 * A new pass of a frame replaces its queued one; a port that closes (tab closed, navigated)
 * cancels its work. No extension APIs here: the background entrypoint hands in ports.
 */
import { deserializeIndex, type MatchIndex } from '../match/index-format';
import { PageMatcher, runSteps, type BlockMention, type Steps } from '../match/page-matcher';
import { Scanner } from '../match/scan';
import type { MarksMessage, MatcherToAgent, PassMessage } from '../match-protocol';
import { matchRequestSchema } from '../messages';

export interface MatchPort {
  postMessage(m: MatcherToAgent): void;
  onMessage: { addListener(l: (m: unknown) => void): void };
  onDisconnect: { addListener(l: () => void): void };
}

/** Longest run of matching work before other frames (and the worker's event loop) get a turn. */
export const SLICE_MS = 10;

interface Job {
  steps: Steps<BlockMention[]>;
  done: (marks: BlockMention[]) => void;
  busy: number;
}

interface Session {
  matcher: PageMatcher | undefined;
  /** The pass being received, its parts so far. */
  pass: number;
  /** Ids of the blocks sent in this pass's first part that asked to be shown. */
  shown: Set<number> | undefined;
  job: Job | undefined;
  closed: boolean;
}

/** What `MatcherService.measure` reports (times in ms). */
export interface MatcherMeasure {
  /** The index: reading its bytes (the package fetch; 0 when handed in), views, the Scanner's tables. */
  readMs: number;
  deserializeMs: number;
  scannerMs: number;
  /** UTF-16 units in the texts. */
  units: number;
  /** Per run: the Scanner over every text, and a whole PageMatcher pass (each text a block). */
  scanMs: number[];
  passMs: number[];
  candidates: number;
  mentions: number;
}

export class MatcherService {
  private loaded: Promise<{ index: MatchIndex; scanner: Scanner }> | undefined;
  private readonly ring: Session[] = [];
  private running = false;
  /** Frames with a live port (for tests and diagnostics). */
  sessions = 0;

  constructor(
    private readonly loadIndex: () => Promise<ArrayBuffer | Uint8Array>,
    private readonly now: () => number = () => performance.now(),
    private readonly pause: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0)),
  ) {}

  /** Whether a pass is being worked on now (tests stop the worker at such a moment). */
  get working(): boolean {
    return this.running;
  }

  /** The index and scanner, loaded on first use and kept. */
  ready(): Promise<{ index: MatchIndex; scanner: Scanner }> {
    this.loaded ??= this.loadIndex().then((buf) => {
      const index = deserializeIndex(buf instanceof Uint8Array ? buf : new Uint8Array(buf));
      return { index, scanner: new Scanner(index) };
    });
    this.loaded.catch(() => (this.loaded = undefined)); // a failed load is tried again next time
    return this.loaded;
  }

  /**
   * For the benchmark only (bench/browser-bench.ts calls it on the worker's `dramatisMatcher`):
   * loads an index afresh (`indexBytes`, or the bundled one from the package), then `runs` times
   * scans `texts` and runs a PageMatcher pass over them, all at once, without slicing. Holds
   * nothing afterwards and does not touch the service's own index or frames.
   */
  async measure(texts: string[], indexBytes?: ArrayBuffer, runs = 5): Promise<MatcherMeasure> {
    const t0 = this.now();
    const raw = indexBytes ?? (await this.loadIndex());
    const t1 = this.now();
    const index = deserializeIndex(raw instanceof Uint8Array ? raw : new Uint8Array(raw));
    const t2 = this.now();
    const scanner = new Scanner(index);
    const t3 = this.now();
    const out: MatcherMeasure = {
      readMs: t1 - t0,
      deserializeMs: t2 - t1,
      scannerMs: t3 - t2,
      units: 0,
      scanMs: [],
      passMs: [],
      candidates: 0,
      mentions: 0,
    };
    for (const t of texts) out.units += t.length;
    for (let r = 0; r < runs; r++) {
      let s = this.now();
      out.candidates = 0;
      for (const t of texts) out.candidates += scanner.scan(t).length;
      out.scanMs.push(this.now() - s);
      s = this.now();
      const page = new PageMatcher(scanner);
      page.update(
        texts.map((_, id) => id),
        texts.map((text, id) => ({ id, text })),
      );
      out.mentions = runSteps(page.match()).length;
      out.passMs.push(this.now() - s);
    }
    return out;
  }

  connect(port: MatchPort): void {
    const session: Session = { matcher: undefined, pass: 0, shown: undefined, job: undefined, closed: false };
    this.sessions++;
    port.onDisconnect.addListener(() => {
      session.closed = true;
      session.job = undefined;
      session.matcher = undefined;
      this.sessions--;
    });
    // Messages of one port are handled in order, each after the previous one's set-up.
    let chain = Promise.resolve();
    port.onMessage.addListener((raw) => {
      chain = chain.then(() => this.receive(session, port, raw)).catch(() => {});
    });
  }

  private async receive(session: Session, port: MatchPort, raw: unknown): Promise<void> {
    const parsed = matchRequestSchema.safeParse(raw);
    if (!parsed.success || session.closed) return; // a malformed message is dropped, never thrown
    const msg = parsed.data as PassMessage;
    const { scanner, index } = await this.ready();
    if (session.closed) return;
    session.matcher ??= new PageMatcher(scanner);
    const m = session.matcher;
    if (msg.order) {
      session.pass = msg.pass;
      session.shown = undefined;
      m.update(msg.order, msg.blocks);
    } else {
      if (msg.pass !== session.pass) return; // a part of a pass already replaced
      m.add(msg.blocks);
    }
    if (msg.show) session.shown = new Set([...(session.shown ?? []), ...msg.blocks.map((b) => b.id)]);
    if (!msg.last && !msg.show) return;
    const pass = msg.pass;
    if (msg.last && m.missing().length) {
      port.postMessage({ type: 'resend', pass });
      return;
    }
    const partial = !msg.last;
    this.enqueue(session, m.match(partial ? session.shown : undefined), (marks, busy) => {
      if (session.closed || session.pass !== pass) return;
      port.postMessage(encodeMarks(index, pass, partial, marks, busy));
    });
  }

  private enqueue(session: Session, steps: Steps<BlockMention[]>, done: (m: BlockMention[], busy: number) => void) {
    const job: Job = { steps, busy: 0, done: (marks) => done(marks, job.busy) };
    session.job = job; // replaces a queued pass of the same frame
    if (!this.ring.includes(session)) this.ring.push(session);
    if (!this.running) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.ring.length) {
        const session = this.ring.shift()!;
        const job = session.job;
        if (!job || session.closed) continue;
        const t0 = this.now();
        let finished: BlockMention[] | undefined;
        for (;;) {
          const r = job.steps.next();
          if (r.done) {
            finished = r.value;
            break;
          }
          if (this.now() - t0 >= SLICE_MS) break;
        }
        job.busy += this.now() - t0;
        if (finished) {
          if (session.job === job) session.job = undefined;
          job.done(finished);
        } else if (session.job === job) this.ring.push(session);
        else if (session.job) this.ring.push(session); // replaced meanwhile: the new job waits its turn
        await this.pause();
      }
    } finally {
      this.running = false;
    }
  }
}

export function encodeMarks(
  index: MatchIndex,
  pass: number,
  partial: boolean,
  found: readonly BlockMention[],
  workerMs: number,
): MarksMessage {
  const entities: Record<number, [string, number]> = {};
  const marks: number[] = [];
  for (const f of found) {
    marks.push(f.block, f.start, f.end, f.entity, f.rule);
    entities[f.entity] ??= [index.meta.ids[f.entity]!, index.entityCategory[f.entity]!];
  }
  return { type: 'marks', pass, partial, entities, marks, workerMs: Math.round(workerMs * 10) / 10 };
}
