/**
 * One pass over a text with the compiled automaton. Reports every alias occurrence that
 * passes its own checks (word boundaries for Latin aliases, exact case for case-sensitive
 * ones); page-level choices (ambiguity, overlaps) are made by `resolve.ts`.
 */
import { ALIAS_CASE_SENSITIVE, ALIAS_CJK } from '../dataset/aliases';
import { MAX_PATTERN } from './build';
import { FOLD_LOWER, FOLD_TABLE_SIZE, foldCased, foldLower, isWordUnit, SKIP, SPACE } from './fold';
import type { MatchIndex } from './index-format';

/** A raw match: [start, end) in the scanned text and the index entry that matched. */
export interface Candidate {
  start: number;
  end: number;
  entry: number;
  entity: number;
  flags: number;
}

const RING = 256; // > MAX_PATTERN
if (RING <= MAX_PATTERN) throw new Error('ring buffer too small');

/** The pattern ending at state `s` (which must be in the ascending `outStates`). */
function patternAt(outStates: Int32Array, s: number): number {
  let lo = 0;
  let hi = outStates.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (outStates[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = isWordUnit(c) ? 1 : 0;

export class Scanner {
  private readonly root: Int32Array;
  /** Whether any entry of a pattern is a CJK alias (matches inside words are possible). */
  private readonly patCjk: Uint8Array;
  private readonly ring = new Int32Array(RING);

  constructor(readonly index: MatchIndex) {
    // Most characters are read at the root: give it a direct table.
    this.root = new Int32Array(65536);
    const { edgeStart, edgeChar } = index;
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) this.root[edgeChar[e]!] = e + 1;
    this.patCjk = new Uint8Array(index.patLen.length);
    for (let p = 0; p < index.patLen.length; p++)
      for (let e = index.patEntry[p]!; e < index.patEntry[p + 1]!; e++)
        if (index.entFlags[e]! & ALIAS_CJK) this.patCjk[p] = 1;
  }

  /** Scans `text`, appending candidates to `out` (and returning it). */
  scan(text: string, out: Candidate[] = []): Candidate[] {
    // The hot loop: everything in locals, the transition inlined (see docs/ARCHITECTURE.md).
    const { fail, outLink, outStates, patLen, patEntry, entEntity, entFlags, edgeStart, edgeChar } = this.index;
    const root = this.root;
    const patCjk = this.patCjk;
    const ring = this.ring;
    const LOWER = FOLD_LOWER;
    let state = 0;
    let fed = 0;
    let prevSpace = true;
    let prevWord = false;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const f = c < FOLD_TABLE_SIZE ? LOWER[c]! : foldLower(c);
      if (f === SKIP) continue;
      if (f === SPACE) {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      ring[fed & (RING - 1)] = i;
      fed++;
      const word = f < 0x80 ? ASCII_WORD[f] === 1 : isWordUnit(c);
      // Inside a word nothing can start (Latin aliases start at word starts): at the root, read
      // on without touching the automaton. This is where most text is skipped.
      const midWord = word && prevWord;
      prevWord = word;
      if (state === 0 && midWord) continue;
      let nx = 0;
      for (;;) {
        if (state === 0) {
          nx = midWord ? 0 : root[f]!;
          break;
        }
        let lo = edgeStart[state]!;
        let hi = edgeStart[state + 1]!;
        if (hi - lo <= 8) {
          for (; lo < hi; lo++)
            if (edgeChar[lo] === f) {
              nx = lo + 1;
              break;
            }
        } else {
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            const m = edgeChar[mid]!;
            if (m === f) {
              nx = mid + 1;
              break;
            }
            if (m < f) lo = mid + 1;
            else hi = mid;
          }
        }
        if (nx !== 0) break;
        state = fail[state]!;
      }
      state = nx;
      let o = outLink[state]!;
      if (o === 0) continue;
      // A match ending inside a word can only be a CJK alias: skip the others without looking.
      const endsMidWord = i + 1 < n && word && isWordUnit(text.charCodeAt(i + 1));
      while (o > 0) {
        const p = patternAt(outStates, o);
        const len = patLen[p]!;
        if (len <= fed && (!endsMidWord || patCjk[p])) {
          const start = ring[(fed - len) & (RING - 1)]!;
          const end = i + 1;
          for (let e = patEntry[p]!, stop = patEntry[p + 1]!; e < stop; e++) {
            const flags = entFlags[e]!;
            if (this.accept(text, start, end, e, flags))
              out.push({ start, end, entry: e, entity: entEntity[e]!, flags });
          }
        }
        o = outLink[fail[o]!]!;
      }
    }
    return out;
  }

  private accept(text: string, start: number, end: number, entry: number, flags: number): boolean {
    if (!(flags & ALIAS_CJK)) {
      // Word boundaries, where the alias itself begins or ends with a word character.
      if (start > 0 && isWordUnit(text.charCodeAt(start)) && isWordUnit(text.charCodeAt(start - 1))) return false;
      if (end < text.length && isWordUnit(text.charCodeAt(end - 1)) && isWordUnit(text.charCodeAt(end))) return false;
    }
    if (flags & ALIAS_CASE_SENSITIVE) {
      const want = this.index.meta.casedTexts[this.index.entCased[entry]!];
      if (want === undefined) return false;
      let k = 0;
      let prevSpace = true;
      for (let i = start; i < end; i++) {
        const f = foldCased(text.charCodeAt(i));
        if (f === SKIP) continue;
        if (f === SPACE) {
          if (prevSpace) continue;
          prevSpace = true;
        } else prevSpace = false;
        if (want.charCodeAt(k++) !== f) return false;
      }
      return k === want.length;
    }
    return true;
  }
}
