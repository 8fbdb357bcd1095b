/**
 * Builds the Aho–Corasick automaton from aliases. Runs at build time (and in benchmarks);
 * the page only ever loads the result.
 */
import { ALIAS_AMBIGUOUS, ALIAS_CASE_SENSITIVE, ALIAS_CJK } from '../dataset/aliases';
import { foldString } from './fold';
import { INDEX_VERSION, type MatchIndex } from './index-format';

export interface AliasEntry {
  text: string;
  entity: number;
  flags: number;
}

export interface EntityInfo {
  id: string;
  name: string;
  category: number;
  cues: string[];
  related: number[];
}

/** Longest alias in scanned units; the scanner's ring buffer holds this many positions. */
export const MAX_PATTERN = 255;

export function buildIndex(entities: EntityInfo[], aliases: AliasEntry[]): MatchIndex {
  // 1. Group entries by folded pattern text.
  const patternOf = new Map<string, number>();
  const patternTexts: string[] = [];
  const entriesByPattern: AliasEntry[][] = [];
  const casedTexts: string[] = [];
  const casedIndex = new Map<string, number>();
  for (const a of aliases) {
    // An ambiguous Latin alias written with capitals ("Apple", "Shell") only means the entity
    // when the page writes it the same way: "apple pie" never reaches disambiguation.
    let flags = a.flags;
    if (flags & ALIAS_AMBIGUOUS && !(flags & ALIAS_CJK) && /[A-Z]/.test(a.text)) flags |= ALIAS_CASE_SENSITIVE;
    const folded = foldString(a.text);
    if (!folded || folded.length > MAX_PATTERN) continue;
    let p = patternOf.get(folded);
    if (p === undefined) {
      p = patternTexts.length;
      patternOf.set(folded, p);
      patternTexts.push(folded);
      entriesByPattern.push([]);
    }
    entriesByPattern[p]!.push({ ...a, flags });
  }

  // 2. Trie. Edges in one Map keyed by state * 65536 + char.
  const goto = new Map<number, number>();
  const outArr: number[] = [-1];
  const childFirst: number[] = [-1];
  const childNext: number[] = [];
  const childChar: number[] = [];
  let states = 1;
  patternTexts.forEach((text, p) => {
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const key = s * 65536 + c;
      let n = goto.get(key);
      if (n === undefined) {
        n = states++;
        goto.set(key, n);
        outArr.push(-1);
        childFirst.push(-1);
        childChar[n] = c;
        childNext[n] = childFirst[s]!;
        childFirst[s] = n;
      }
      s = n;
    }
    outArr[s] = p;
  });

  // 3. Failure and dictionary links, breadth first.
  const fail = new Int32Array(states);
  const dict = new Int32Array(states);
  const out = Int32Array.from(outArr);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let c = childFirst[0]!; c !== -1; c = childNext[c]!) queue[tail++] = c;
  while (head < tail) {
    const s = queue[head++]!;
    for (let child = childFirst[s]!; child !== -1; child = childNext[child]!) {
      const ch = childChar[child]!;
      let f = fail[s]!;
      let target = goto.get(f * 65536 + ch);
      while (target === undefined && f !== 0) {
        f = fail[f]!;
        target = goto.get(f * 65536 + ch);
      }
      fail[child] = target !== undefined && target !== child ? target : 0;
      const fc = fail[child]!;
      dict[child] = out[fc]! >= 0 ? fc : dict[fc]!;
      queue[tail++] = child;
    }
  }

  // 4. Transitions in compressed-row form: each state's edges together, sorted by char.
  const edgeStart = new Int32Array(states + 1);
  for (const key of goto.keys()) edgeStart[Math.floor(key / 65536) + 1]!++;
  for (let s = 0; s < states; s++) edgeStart[s + 1]! += edgeStart[s]!;
  const edgeChar = new Uint16Array(goto.size);
  const edgeNext = new Int32Array(goto.size);
  const fill = edgeStart.slice(0, states);
  const sortedKeys = [...goto.keys()].sort((a, b) => a - b);
  for (const key of sortedKeys) {
    const s = Math.floor(key / 65536);
    const at = fill[s]!++;
    edgeChar[at] = key % 65536;
    edgeNext[at] = goto.get(key)!;
  }

  // 5. Pattern entries.
  const patLen = new Uint16Array(patternTexts.length);
  const patEntry = new Int32Array(patternTexts.length + 1);
  const flat: AliasEntry[] = [];
  patternTexts.forEach((t, p) => {
    patLen[p] = t.length;
    patEntry[p] = flat.length;
    flat.push(...entriesByPattern[p]!);
  });
  patEntry[patternTexts.length] = flat.length;
  const entEntity = new Int32Array(flat.length);
  const entFlags = new Uint8Array(flat.length);
  const entCased = new Int32Array(flat.length).fill(-1);
  flat.forEach((e, i) => {
    entEntity[i] = e.entity;
    entFlags[i] = e.flags;
    if (e.flags & ALIAS_CASE_SENSITIVE) {
      const cased = foldString(e.text, true);
      let k = casedIndex.get(cased);
      if (k === undefined) {
        k = casedTexts.length;
        casedTexts.push(cased);
        casedIndex.set(cased, k);
      }
      entCased[i] = k;
    }
  });

  return {
    meta: {
      version: INDEX_VERSION,
      ids: entities.map((e) => e.id),
      names: entities.map((e) => e.name),
      // A cue in capitals ("US", "EU") is matched as written ("us" is a pronoun): such cues
      // are kept case-folded only for width and marked with a leading "=".
      cues: entities.map((e) =>
        e.cues.map((c) => (/^[A-Z0-9&.]{2,}$/.test(c) ? `=${foldString(c, true)}` : foldString(c))),
      ),
      related: entities.map((e) => e.related),
      casedTexts,
    },
    entityCategory: Uint8Array.from(entities.map((e) => e.category)),
    fail,
    out,
    dict,
    edgeStart,
    edgeChar,
    edgeNext,
    patLen,
    patEntry,
    entEntity,
    entFlags,
    entCased,
  };
}
