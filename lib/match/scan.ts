/**
 * One pass over a text with the compiled automaton. Reports every alias occurrence that
 * passes its own checks (word boundaries for Latin aliases, exact case for case-sensitive
 * ones); page-level choices (ambiguity, overlaps) are made by `resolve.ts`.
 *
 * The automaton reads tokens, not characters (see `tokenize` in build.ts): the loop folds each
 * unit and hashes it into the current word; only at a word's end does it look the word up
 * (one hash probe) and take one transition. Punctuation and CJK units are tokens of their
 * own, so CJK names are still found inside running text.
 */
import { ALIAS_CASE_SENSITIVE, ALIAS_CJK } from './flags';
import { MAX_PATTERN } from './build';
import { BREAK, FOLD_LOWER, FOLD_TABLE_SIZE, foldCased, foldLower, isWordUnit, SKIP, SPACE } from './fold';
import type { MatchIndex } from './index-format';

/** A raw match: [start, end) in the scanned text and the index entry that matched. */
export interface Candidate {
  /** Which text (block of the page) the offsets refer to: the caller's number for it. */
  block: number;
  start: number;
  end: number;
  entry: number;
  entity: number;
  flags: number;
}

const RING = 256; // tokens remembered; > MAX_PATTERN, as a pattern has at most one token per unit
if (RING <= MAX_PATTERN) throw new Error('ring buffer too small');

// Word hashes are FNV-1a cut to 30 bits (V8 Smis, like the state words).
const FNV_OFFSET = 0x811c9dc5 & 0x3fffffff;
const FNV_PRIME = 0x01000193;
const HASH_BITS = 0x3fffffff;
const H2 = 0x85ebca6b | 0;

/** Folded unit, plus WORD when it belongs to a word, for every unit below FOLD_TABLE_SIZE. */
const WORD = 0x10000;
const UNIT = new Int32Array(FOLD_TABLE_SIZE);
for (let c = 0; c < FOLD_TABLE_SIZE; c++) UNIT[c] = FOLD_LOWER[c]! | (isWordUnit(FOLD_LOWER[c]!) ? WORD : 0);

/**
 * State words: the offset of a state's record with two facts about the state in the high bits,
 * so the loop reads the output arrays only when it has to.
 */
// Kept below 2^30 so state words stay small integers (V8 Smis) and never cost a deopt.
const HAS_OUT = 1 << 28; // a pattern ends here or on the failure chain
const FAIL_ROOT = 1 << 29; // the failure link is the root
const ID = HAS_OUT - 1;

/** Units before a state record's transition slots: failure word, state id, slot mask. */
const REC = 3;

/** Smallest power of two ≥ 2n (load factor ≤ 0.5), at least `min`. */
function tableSize(n: number, min = 16): number {
  let size = min;
  while (size < 2 * n) size *= 2;
  return size;
}

/**
 * A short text that takes the scan loop through all its branches: names from the index itself
 * (outputs, case checks, spacing checks), unknown and over-long words, and units of every
 * folding class (full-width, curly quotes, dashes, marks, skips, CJK, surrogates, Greek,
 * Vietnamese, the block break).
 */
const WARM_UP_UNITS = [
  ...[0xff21, 0xff42, 0x20, 0x2018, 0x78, 0x2019, 0x20, 0x201c, 0x79, 0x201d, 0x20, 0x61, 0x2013, 0x62, 0x2014],
  ...[0x63, 0xad, 0x64, 0x200b, 0x65, 0x301, 0x20, 0x56fd, 0x5bb6, 0x7f51, 0x4fe1, 0x529e, 0x304b, 0xd55c, 0x20],
  ...[0xd83d, 0xde00, 0xd800, 0x20, 0x3a3, 0x3af, 0x20, 0x56, 0x69, 0x1ec7, 0x74, 0x3000, 0xffff, 0x33, 0x4d, 0x2e],
];

function warmUpText(index: MatchIndex): string {
  const names = [...index.meta.names.slice(0, 12), ...index.meta.casedTexts.slice(0, 12)];
  // From code units, not literals: the bundler would write them out as characters, and Chrome
  // will not load a content script holding a noncharacter such as U+FFFF.
  // (A loop, which the bundler does not fold into a literal.)
  let units = '';
  for (const c of WARM_UP_UNITS) units += String.fromCharCode(c);
  return `${names.join(', ')} (${names.join(') (')}) ${units} ${'x'.repeat(300)} ${names.join(' ').toUpperCase()}`;
}

export class Scanner {
  /** Single-unit tokens: unit → token id + 1 (0: no such token). */
  private readonly charTok = new Int32Array(65536);
  /** Longer words: open-addressed quadruples (word hash, token id + 1, first unit, length). */
  private readonly vocab: Int32Array;
  private readonly maxWord: number;
  /** Transitions from the root, by token (state words). */
  private readonly rootNext: Int32Array;
  /** State records (see the constructor); a state word is its record's offset plus flags. */
  private readonly rec: Int32Array;
  /** The first pattern ending at each state (patterns are ordered by state), or -1. */
  private readonly statePat: Int32Array;
  private readonly tokRing = new Int32Array(RING);
  private readonly gapRing = new Uint8Array(RING);
  private readonly word = new Uint16Array(MAX_PATTERN + 1);

  constructor(readonly index: MatchIndex) {
    const { tokStart, tokChars, edgeStart, edgeTok, outStates } = index;
    const tokens = tokStart.length - 1;
    let longWords = 0;
    let maxWord = 1;
    for (let t = 0; t < tokens; t++) {
      const len = tokStart[t + 1]! - tokStart[t]!;
      if (len === 1) this.charTok[tokChars[tokStart[t]!]!] = t + 1;
      else longWords++;
      if (len > maxWord) maxWord = len;
    }
    this.maxWord = Math.min(maxWord, MAX_PATTERN);
    const vsize = tableSize(longWords);
    const vocab = (this.vocab = new Int32Array(4 * vsize));
    for (let t = 0; t < tokens; t++) {
      const from = tokStart[t]!;
      const to = tokStart[t + 1]!;
      if (to - from === 1) continue;
      let h = FNV_OFFSET;
      for (let k = from; k < to; k++) h = Math.imul(h ^ tokChars[k]!, FNV_PRIME) & HASH_BITS;
      let slot = (h ^ (h >>> 16)) & (vsize - 1);
      while (vocab[4 * slot + 1] !== 0) slot = (slot + 1) & (vsize - 1);
      vocab[4 * slot] = h;
      vocab[4 * slot + 1] = t + 1;
      vocab[4 * slot + 2] = from;
      vocab[4 * slot + 3] = to - from;
    }

    // One record per state, everything the loop needs about it in one place: its failure
    // link (a state word), its id, and its own small hash table of transitions (token → state
    // word; sized to a power of two at most half full, so a probe always ends).
    const { fail, outLink } = index;
    const states = edgeStart.length - 1;
    const recAt = new Int32Array(states);
    let size = 1; // offset 0 would read as the root
    for (let s = 1; s < states; s++) {
      recAt[s] = size;
      const d = edgeStart[s + 1]! - edgeStart[s]!;
      size += REC + (d ? 2 * tableSize(d, 2) : 0);
    }
    if (size > ID) throw new Error(`match index too large (${size} record units)`);
    const word = (s: number) =>
      s === 0 ? 0 : recAt[s]! | (outLink[s] ? HAS_OUT : 0) | (fail[s] === 0 ? FAIL_ROOT : 0);
    const rec = new Int32Array(Math.max(size, 1));
    for (let s = 1; s < states; s++) {
      const at = recAt[s]!;
      const d = edgeStart[s + 1]! - edgeStart[s]!;
      rec[at] = word(fail[s]!);
      rec[at + 1] = s;
      if (!d) {
        rec[at + 2] = -1;
        continue;
      }
      const mask = tableSize(d, 2) - 1;
      rec[at + 2] = mask;
      rec.fill(-1, at + REC, at + REC + 2 * (mask + 1));
      for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) {
        const tok = edgeTok[e]!;
        let k = (Math.imul(tok, H2) >>> 16) & mask;
        while (rec[at + REC + 2 * k] !== -1) k = (k + 1) & mask;
        rec[at + REC + 2 * k] = tok;
        rec[at + REC + 2 * k + 1] = word(e + 1);
      }
    }
    this.rec = rec;
    this.rootNext = new Int32Array(tokens);
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) this.rootNext[edgeTok[e]!] = word(e + 1);
    this.statePat = new Int32Array(states).fill(-1);
    for (let p = outStates.length - 1; p >= 0; p--) this.statePat[outStates[p]!] = p;
    // Run every path of the loop once on a short text, so the JIT's first optimised version of
    // it already knows all of them and is not thrown away halfway through the first page.
    this.scan(warmUpText(index));
  }

  /** Scans `text`, appending candidates to `out` (and returning it), numbered `block`. */
  scan(text: string, out: Candidate[] = [], block = 0): Candidate[] {
    // The hot loop: everything in locals, lookups inlined (see docs/ARCHITECTURE.md).
    const { fail, outLink, outStates, patTok, patGap, gapBits, patEntry, entEntity, entFlags, tokChars } = this.index;
    const { charTok, vocab, maxWord, rootNext, rec, statePat, tokRing, gapRing, word } = this;
    const vmask = (vocab.length >> 2) - 1;
    const patterns = outStates.length;
    const units = UNIT;
    let state = 0;
    let tokCount = 0;
    let space = false; // a space since the last token
    let wlen = 0; // units in the word being read
    let wStart = 0;
    let wEnd = 0;
    let wGap = false;
    let h = FNV_OFFSET;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      let f = BREAK; // the end of the text ends the last word
      if (i < n) {
        const c = text.charCodeAt(i);
        let u: number;
        if (c < FOLD_TABLE_SIZE) u = units[c]!;
        else {
          u = foldLower(c);
          if (isWordUnit(u)) u |= WORD;
        }
        f = u & 0xffff;
        if (f === SKIP) continue;
        if (u & WORD) {
          if (wlen === 0) {
            wStart = i;
            wGap = space;
            h = FNV_OFFSET;
          }
          if (wlen <= MAX_PATTERN) word[wlen] = f;
          wlen++;
          h = Math.imul(h ^ f, FNV_PRIME) & HASH_BITS;
          wEnd = i + 1;
          continue;
        }
      }
      // A unit outside words: first the token of the word it ends, if any, then its own.
      for (let pass = wlen ? 0 : 1; pass < 2; pass++) {
        let tok = -1;
        let ts: number;
        let te: number;
        let gap: boolean;
        if (pass === 0) {
          if (wlen === 1) tok = charTok[word[0]!]! - 1;
          else if (wlen <= maxWord) {
            for (let slot = 4 * ((h ^ (h >>> 16)) & vmask); ; slot = (slot + 4) & (4 * vmask)) {
              const v = vocab[slot + 1]!;
              if (v === 0) break;
              if (vocab[slot] !== h || vocab[slot + 3] !== wlen) continue;
              const from = vocab[slot + 2]!;
              let k = 0;
              while (k < wlen && tokChars[from + k] === word[k]) k++;
              if (k === wlen) {
                tok = v - 1;
                break;
              }
            }
          }
          ts = wStart;
          te = wEnd;
          gap = wGap;
          wlen = 0;
          space = false;
        } else {
          if (f === SPACE) {
            space = true;
            break;
          }
          if (i === n) break;
          tok = charTok[f]! - 1;
          ts = i;
          te = i + 1;
          gap = space;
          space = false;
        }
        const at = tokCount & (RING - 1);
        tokRing[at] = ts;
        gapRing[at] = gap ? 1 : 0;
        tokCount++;
        if (tok < 0) {
          state = 0; // a token no name holds: nothing continues through it
          continue;
        }
        let nx = 0;
        for (;;) {
          if (state === 0) {
            nx = rootNext[tok]!;
            break;
          }
          const at = state & ID;
          const mask = rec[at + 2]!;
          if (mask >= 0) {
            for (let k = (Math.imul(tok, H2) >>> 16) & mask; ; k = (k + 1) & mask) {
              const t = rec[at + REC + 2 * k]!;
              if (t === tok) {
                nx = rec[at + REC + 2 * k + 1]!;
                break;
              }
              if (t === -1) break;
            }
            if (nx !== 0) break;
          }
          state = state & FAIL_ROOT ? 0 : rec[at]!;
        }
        state = nx;
        if (!(state & HAS_OUT)) continue;
        for (let o = outLink[rec[(state & ID) + 1]!]!; o > 0; o = outLink[fail[o]!]!) {
          for (let p = statePat[o]!; p < patterns && outStates[p] === o; p++) {
            const k = patTok[p]!;
            if (k > tokCount || k > RING) continue;
            const g = patGap[p]!;
            if (g >= 0) {
              // Spacing around punctuation must be as in the name: "S&P", not "S & P".
              let j = 1;
              while (j < k && gapRing[(tokCount - k + j) & (RING - 1)] === gapBits[g + j]) j++;
              if (j < k) continue;
            }
            const start = tokRing[(tokCount - k) & (RING - 1)]!;
            for (let e = patEntry[p]!, stop = patEntry[p + 1]!; e < stop; e++) {
              const flags = entFlags[e]!;
              if (this.accept(text, start, te, e, flags))
                out.push({ block, start, end: te, entry: e, entity: entEntity[e]!, flags });
            }
          }
        }
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
