/**
 * Walking and sending: one pass of the page agent over a document: walk the text blocks, send the matcher the blocks
 * that changed since it last saw them (those on screen first), and turn the marks it answers
 * with into StaticRanges. The index and the matching live in the extension's background
 * (lib/background/matcher-service.ts); nothing here knows an entity beyond its id and category.
 * Records `performance.measure('dramatis:scan')` for each pass, with the main-thread time by phase
 * and the matcher's own time apart. The page's scripts can read those entries, so they count only
 * public marks, and a pass run because the reader's own names changed records nothing (`quiet`).
 */
import type { AgentToMatcher, MarksMessage } from '../match-protocol';
import { MARK_FIELDS, PART_CHARS } from '../match-protocol';
import { MatchClient, PortLost, ResendAll } from './match-client';
import { placeMarks, placeMarksSteps, type PageMention } from './marks';
import { walkBlocks, type TextBlock, type WalkOptions } from './text-walker';

const SLICE_MS = 8;
/** A page with more text than this is sent in parts, and the part on screen is marked first. */
const FIRST_PART_CHARS = 32 * 1024;
/** How many times a pass is tried again after the matcher went away mid-pass. */
const RETRIES = 3;

export type Yielder = () => Promise<void>;

export const defaultYield: Yielder = () => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((r) => setTimeout(r, 0));
};

export interface ScanOptions extends WalkOptions {
  signal?: AbortSignal;
  yielder?: Yielder;
  /** On a long page, called with the marks of the part on screen, before the full pass ends. */
  onPartial?: (mentions: PageMention[]) => void;
  /** Record no performance entries (a pass the page did not cause: the reader's names changed). */
  quiet?: boolean;
}

/**
 * The page agent of one document: remembers which blocks the matcher holds (per connection),
 * so a rescan after a change sends only what changed.
 */
export class PageAgent {
  private readonly ids = new WeakMap<Text, number>();
  /**
   * Elements not rendered when the last pass placed its marks (display: none, a frame not laid out
   * yet): their marks were dropped, so the caller watches them and asks for a pass once they show.
   */
  readonly hidden = new Set<Element>();
  private nextId = 1;
  /** Block id → the node strings the matcher last received, on connection `heldGen`. */
  private held = new Map<number, string[]>();
  private heldGen = -1;
  private pass = 0;

  constructor(
    private readonly doc: Document,
    readonly client: MatchClient,
  ) {}

  async scan(root: Node, opts: ScanOptions = {}): Promise<PageMention[]> {
    const pass = ++this.pass;
    const startMark = `dramatis:scan:start:${pass}`;
    if (!opts.quiet) performance.mark(startMark);
    const yielder = opts.yielder ?? defaultYield;
    const busy = { walk: 0, send: 0, place: 0 };
    let phase: keyof typeof busy = 'walk';
    let sliceStart = performance.now();
    // Idle: yielded to the page, or waiting for the matcher's answer; not the pass's own work.
    let idle = false;
    const account = (next: keyof typeof busy) => {
      const now = performance.now();
      if (!idle) busy[phase] += now - sliceStart;
      sliceStart = now;
      phase = next;
    };
    const resume = () => {
      idle = false;
      sliceStart = performance.now();
    };
    const pause = async (wait: Yielder = yielder) => {
      account(phase);
      idle = true;
      await wait();
      resume();
    };
    const due = () => performance.now() - sliceStart > SLICE_MS;

    const walk = walkBlocks(root, opts);
    let blocks: TextBlock[];
    for (;;) {
      const r = walk.next();
      if (r.done) {
        blocks = r.value;
        break;
      }
      if (due()) await pause();
      if (opts.signal?.aborted) return [];
    }
    account('send');
    const ids = blocks.map((b) => {
      const first = b.nodes[0]!;
      let id = this.ids.get(first);
      if (id === undefined) this.ids.set(first, (id = this.nextId++));
      return id;
    });
    const byId = new Map<number, TextBlock>();
    blocks.forEach((b, k) => byId.set(ids[k]!, b));

    let workerMs = 0;
    let marks: MarksMessage | undefined;
    for (let attempt = 0; attempt <= RETRIES && !marks; attempt++) {
      if (opts.signal?.aborted) return [];
      let gen: number;
      try {
        gen = this.client.open();
      } catch {
        return []; // the extension is gone (reloaded or updated): this copy stops quietly
      }
      if (gen !== this.heldGen) {
        this.held = new Map();
        this.heldGen = gen;
      }
      const parts = this.parts(pass, blocks, ids, this.firstOnScreen(blocks));
      let drawn = true;
      const frame = () =>
        new Promise<void>((r) => (this.doc.defaultView ?? globalThis).requestAnimationFrame(() => setTimeout(r, 0)));
      try {
        marks = await this.client.pass(
          pass,
          parts,
          opts.onPartial
            ? (m) => {
                if (opts.signal?.aborted) return;
                const [was, wasIdle] = [phase, idle];
                account('place');
                idle = false;
                workerMs += m.workerMs;
                opts.onPartial!(placeMarks(m, byId, this.doc));
                // (m.marks: the public ones only.)
                if (!opts.quiet)
                  performance.mark('dramatis:partial', { detail: { mentions: m.marks.length / MARK_FIELDS } });
                drawn = false;
                account(was);
                idle = wasIdle;
              }
            : undefined,
          // After the marks on screen are shown, wait for a frame to be drawn with them.
          () => (drawn ? pause() : ((drawn = true), pause(frame))),
          () => {
            account(phase);
            idle = true;
          },
        );
        resume();
      } catch (err) {
        resume();
        if (err instanceof ResendAll) this.held = new Map();
        else if (!(err instanceof PortLost)) throw err;
        await pause(() => new Promise((r) => setTimeout(r, 50 * (attempt + 1))));
      }
    }
    if (!marks || opts.signal?.aborted || pass !== this.pass) return [];
    workerMs += marks.workerMs;
    // The matcher now holds these blocks' texts.
    const kept = new Map<number, string[]>();
    blocks.forEach((b, k) => kept.set(ids[k]!, b.parts));
    this.held = kept;
    account('place');
    // In steps: on a page with thousands of marks, placing them all at once is a long task.
    this.hidden.clear();
    const steps = placeMarksSteps(marks, byId, this.doc, this.hidden);
    let step = steps.next();
    while (!step.done) {
      if (due()) {
        await pause();
        if (opts.signal?.aborted || pass !== this.pass) return [];
      }
      step = steps.next();
    }
    const out = step.value;
    account(phase);
    const ms = (x: number) => Math.round(x * 10) / 10;
    if (opts.quiet) return out;
    performance.measure('dramatis:scan', {
      start: startMark,
      detail: {
        // Public marks only: how many private ones a page holds is the reader's business.
        mentions: marks.private ? out.filter((m) => !m.private).length : out.length,
        blocks: blocks.length,
        busyMs: ms(busy.walk + busy.send + busy.place),
        busy: { walk: ms(busy.walk), send: ms(busy.send), place: ms(busy.place) },
        workerMs: ms(workerMs),
      },
    });
    performance.clearMarks(startMark);
    return out;
  }

  /** The pass's messages: changed blocks, those on screen first, in parts of bounded size. */
  private parts(pass: number, blocks: TextBlock[], ids: number[], first: number): AgentToMatcher[] {
    const changed: number[] = [];
    for (let k = 0; k < blocks.length; k++) {
      const prev = this.held.get(ids[k]!);
      const parts = blocks[k]!.parts;
      if (!prev || prev.length !== parts.length || prev.some((p, i) => p !== parts[i])) changed.push(k);
    }
    // On-screen blocks first, then the rest of the page after them, then what comes before.
    const rank = (k: number) => (k >= first ? k - first : blocks.length + k);
    changed.sort((a, b) => rank(a) - rank(b));
    let total = 0;
    for (const k of changed) total += blocks[k]!.length;
    const messages: AgentToMatcher[] = [];
    let cur: { id: number; text: string }[] = [];
    let size = 0;
    const limit = () => (messages.length === 0 && total > PART_CHARS ? FIRST_PART_CHARS : PART_CHARS);
    for (const k of changed) {
      const b = blocks[k]!;
      if (cur.length && size + b.length > limit()) {
        messages.push({ type: 'pass', pass, blocks: cur, last: false });
        cur = [];
        size = 0;
      }
      cur.push({ id: ids[k]!, text: b.parts.length === 1 ? b.parts[0]! : b.parts.join('') });
      size += b.length;
    }
    messages.push({ type: 'pass', pass, blocks: cur, last: true });
    messages[0]!.order = ids;
    if (messages.length > 1) messages[0]!.show = true;
    return messages;
  }

  /** The first block whose text reaches the viewport (blocks are in document order). */
  private firstOnScreen(blocks: TextBlock[]): number {
    const bottomOf = (b: TextBlock) => b.nodes[0]?.parentElement?.getBoundingClientRect().bottom ?? 0;
    if (blocks.length < 8 || !this.doc.defaultView) return 0;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bottomOf(blocks[mid + 1]!) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
