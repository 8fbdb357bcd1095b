/**
 * What the matcher knows of one page (one frame's document): its text blocks in document order,
 * each block's raw candidates, cached until its text changes. The page agent sends only the
 * blocks that changed; every pass resolves over the whole page, since the page-level decisions
 * (a full name earlier, a defined acronym, a related body) look across blocks. Pure: runs in the
 * extension's background, in Node tests and in the bench alike.
 */
import { scanCustom, type CustomLayer } from './custom-layer';
import { resolveSteps, type Mention } from './resolve';
import type { Candidate, Scanner } from './scan';

export interface BlockText {
  /** The page agent's id for the block, stable while the block lives. */
  id: number;
  text: string;
}

export interface BlockMention {
  /** Block id (not position). */
  block: number;
  start: number;
  end: number;
  entity: number;
  evidence: number;
  /** The rule that decided (lib/match/rules.ts RULE_IDS). */
  rule: number;
  /**
   * Found only through the reader's own names (a name of theirs, or one they added to a bundled
   * entity): the page must not learn of it, so it is drawn where page scripts cannot look.
   */
  private?: true;
}

interface Block {
  text: string;
  /** Candidates with block = 0, filled when the block is scanned. */
  cands: Candidate[] | undefined;
  /** The reader's names found in it, and the layer version they were found with. */
  custom: Candidate[] | undefined;
  customVersion: number;
}

/** Pieces of work a pass is cut into; the caller runs them, yielding in between as it likes. */
export type Steps<T> = Generator<void, T>;

export class PageMatcher {
  private readonly blocks = new Map<number, Block>();
  private order: number[] = [];

  constructor(
    private readonly scanner: Scanner,
    /** The reader's own names, as they are now (read on every pass). */
    private readonly layer: () => CustomLayer | undefined = () => undefined,
  ) {}

  /** Block texts held (for tests and memory accounting). */
  get size(): number {
    let chars = 0;
    for (const b of this.blocks.values()) chars += b.text.length;
    return chars;
  }

  /**
   * Sets the page's blocks in document order, with the text of new or changed ones. Blocks not
   * in `order` are forgotten. Returns the ids in `order` whose text the matcher does not have.
   */
  update(order: readonly number[], changed: readonly BlockText[]): number[] {
    for (const b of changed) {
      const old = this.blocks.get(b.id);
      if (old && old.text === b.text) continue;
      this.blocks.set(b.id, { text: b.text, cands: undefined, custom: undefined, customVersion: -1 });
    }
    if (order !== this.order) {
      const keep = new Set(order);
      for (const id of this.blocks.keys()) if (!keep.has(id)) this.blocks.delete(id);
      this.order = [...order];
    }
    return this.missing();
  }

  /** Ids in the page's order whose text the matcher does not have. */
  missing(): number[] {
    return this.order.filter((id) => !this.blocks.has(id));
  }

  /** Adds or replaces blocks without changing the order (the rest of a pass sent in parts). */
  add(changed: readonly BlockText[]): void {
    for (const b of changed) {
      const old = this.blocks.get(b.id);
      if (old && old.text === b.text) continue;
      this.blocks.set(b.id, { text: b.text, cands: undefined, custom: undefined, customVersion: -1 });
    }
  }

  /**
   * Scans what is not scanned yet, then resolves over the blocks held (those in `only`, when
   * given: the first part of a long page). Yields after each block scanned and inside the
   * resolver, so a caller can share its time with other pages.
   *
   * With the reader's own names on the page, it resolves twice: once over the bundled names
   * alone, exactly as for a reader without them (those marks are public), and once over both;
   * what only the second finds is marked `private`.
   */
  *match(only?: ReadonlySet<number>): Steps<BlockMention[]> {
    const ids = this.order.filter((id) => this.blocks.has(id) && (!only || only.has(id)));
    const layer = this.layer();
    const reader = layer?.scanner ? layer : undefined;
    let scanned = 0;
    for (const id of ids) {
      const b = this.blocks.get(id)!;
      if (!b.cands) {
        b.cands = this.scanner.scan(b.text, [], 0);
        scanned += b.text.length;
      }
      if (reader && b.customVersion !== reader.version) {
        b.custom = scanCustom(reader, b.text);
        b.customVersion = reader.version;
        scanned += b.text.length >> 3; // a small automaton: cheaper than the bundled one
      }
      if (scanned > 16_384) {
        scanned = 0;
        yield;
      }
    }
    // Positions in page order for the resolver (it compares blocks by number).
    const cands: Candidate[] = [];
    const custom: Candidate[] = [];
    const texts: string[] = [];
    ids.forEach((id, pos) => {
      const b = this.blocks.get(id)!;
      texts.push(b.text);
      for (const c of b.cands!) cands.push({ ...c, block: pos });
      if (reader) for (const c of b.custom!) custom.push({ ...c, block: pos });
    });
    const slice = (block: number, from: number, to: number) => texts[block]!.slice(Math.max(0, from), Math.max(0, to));
    const pub: Mention[] = yield* resolveSteps(this.scanner.index, cands, slice, texts.length);
    if (!reader || !custom.length) return pub.map((m) => ({ ...m, block: ids[m.block]! }));
    const all: Mention[] = yield* resolveSteps(reader.view, [...cands, ...custom], slice, texts.length);
    const key = (m: Mention) => `${m.block}:${m.start}:${m.end}:${m.entity}`;
    const shown = new Set(pub.map(key));
    const mine: (Mention & { private?: true })[] = all
      .filter((m) => !shown.has(key(m)))
      .map((m) => ({ ...m, private: true }));
    return [...pub, ...mine]
      .sort((a, b) => a.block - b.block || a.start - b.start || a.end - b.end)
      .map((m) => ({ ...m, block: ids[m.block]! }));
  }
}

/** Runs steps to the end at once (tests, Node callers). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
