/**
 * What the matcher knows of one page (one frame's document): its text blocks in document order,
 * each block's raw candidates, cached until its text changes. The page agent sends only the
 * blocks that changed; every pass resolves over the whole page, since the page-level decisions
 * (a full name earlier, a defined acronym, a related body) look across blocks. Pure: runs in the
 * extension's background, in Node tests and in the bench alike.
 */
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
}

interface Block {
  text: string;
  /** Candidates with block = 0, filled when the block is scanned. */
  cands: Candidate[] | undefined;
}

/** Pieces of work a pass is cut into; the caller runs them, yielding in between as it likes. */
export type Steps<T> = Generator<void, T>;

export class PageMatcher {
  private readonly blocks = new Map<number, Block>();
  private order: number[] = [];

  constructor(private readonly scanner: Scanner) {}

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
      this.blocks.set(b.id, { text: b.text, cands: undefined });
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
      this.blocks.set(b.id, { text: b.text, cands: undefined });
    }
  }

  /**
   * Scans what is not scanned yet, then resolves over the blocks held (those in `only`, when
   * given: the first part of a long page). Yields after each block scanned and inside the
   * resolver, so a caller can share its time with other pages.
   */
  *match(only?: ReadonlySet<number>): Steps<BlockMention[]> {
    const ids = this.order.filter((id) => this.blocks.has(id) && (!only || only.has(id)));
    let scanned = 0;
    for (const id of ids) {
      const b = this.blocks.get(id)!;
      if (b.cands) continue;
      b.cands = this.scanner.scan(b.text, [], 0);
      scanned += b.text.length;
      if (scanned > 16_384) {
        scanned = 0;
        yield;
      }
    }
    // Positions in page order for the resolver (it compares blocks by number).
    const cands: Candidate[] = [];
    const texts: string[] = [];
    ids.forEach((id, pos) => {
      const b = this.blocks.get(id)!;
      texts.push(b.text);
      for (const c of b.cands!) cands.push({ ...c, block: pos });
    });
    const mentions: Mention[] = yield* resolveSteps(
      this.scanner.index,
      cands,
      (block, from, to) => texts[block]!.slice(Math.max(0, from), Math.max(0, to)),
      texts.length,
    );
    return mentions.map((m) => ({ ...m, block: ids[m.block]! }));
  }
}

/** Runs steps to the end at once (tests, Node callers). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
