/**
 * Builds the Aho–Corasick automaton from aliases. Runs at build time (and in benchmarks);
 * the page only ever loads the result.
 */
import { ALIAS_AMBIGUOUS, ALIAS_CASE_SENSITIVE, ALIAS_CJK } from '../dataset/aliases';
import { foldString, isWordUnit } from './fold';
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
  // For each state: one pattern it is a prefix of, and its depth (to read its text back).
  const reprPattern: number[] = [0];
  const depthOf: number[] = [0];
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
        reprPattern[n] = p;
        depthOf[n] = i + 1;
      }
      s = n;
    }
    outArr[s] = p;
  });

  // 3. Failure links, breadth first (in trie ids).
  const fail = new Int32Array(states);
  const failWord = new Int32Array(states);
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

  // 3b. Word-aware failure links. A Latin alias only matches from a word start, so a suffix
  // that begins inside a word ("inistration" of "administration") can never start an accepted
  // Latin match; the scanner's failure links skip such suffixes (CJK and punctuation-led
  // suffixes are kept), and it does not enter the automaton from the root mid-word.
  for (let t = 1; t < states; t++) {
    let f = fail[t]!;
    const text = patternTexts[reprPattern[t]!]!;
    while (f !== 0) {
      const k = depthOf[t]! - depthOf[f]!; // where the suffix starts in t's text
      if (!(isWordUnit(text.charCodeAt(k - 1)) && isWordUnit(text.charCodeAt(k)))) break;
      f = fail[f]!;
    }
    failWord[t] = f;
  }

  // 4. Renumber states breadth first with each state's children consecutive and sorted by
  // char. Then the edge to state n is edge n - 1: no target array is stored, only each
  // state's first edge and each edge's char.
  const kids: number[][] = Array.from({ length: states }, () => []);
  for (let s = 0; s < states; s++) {
    for (let c = childFirst[s]!; c !== -1; c = childNext[c]!) kids[s]!.push(c);
    kids[s]!.sort((a, b) => childChar[a]! - childChar[b]!);
  }
  const order = new Int32Array(states); // new id → trie id
  const newId = new Int32Array(states); // trie id → new id
  let filled = 1;
  for (let i = 0; i < filled; i++) {
    for (const k of kids[order[i]!]!) {
      newId[k] = filled;
      order[filled++] = k;
    }
  }
  const edgeStart = new Int32Array(states + 1);
  const edgeChar = new Uint16Array(Math.max(0, states - 1));
  let cursor = 0;
  for (let n = 0; n < states; n++) {
    edgeStart[n] = cursor;
    cursor += kids[order[n]!]!.length;
  }
  edgeStart[states] = cursor;
  for (let n = 1; n < states; n++) edgeChar[n - 1] = childChar[order[n]!]!;
  const failNew = new Int32Array(states);
  // outLink: the nearest state on the failure chain, itself included, where a pattern ends (0: none).
  const outLink = new Int32Array(states);
  for (let t = 0; t < states; t++) {
    failNew[newId[t]!] = newId[failWord[t]!]!;
    outLink[newId[t]!] = out[t]! >= 0 ? newId[t]! : dict[t]! ? newId[dict[t]!]! : 0;
  }
  // Patterns are numbered by the state they end at, so a pattern is found by binary search.
  const ends: [number, number][] = []; // [new state id, old pattern id]
  for (let t = 0; t < states; t++) if (out[t]! >= 0) ends.push([newId[t]!, out[t]!]);
  ends.sort((a, b) => a[0] - b[0]);
  const outStates = Int32Array.from(ends.map((e) => e[0]));

  // 5. Pattern entries, in the new pattern order.
  const patLen = new Uint16Array(ends.length);
  const patEntry = new Int32Array(ends.length + 1);
  const flat: AliasEntry[] = [];
  ends.forEach(([, old], p) => {
    patLen[p] = patternTexts[old]!.length;
    patEntry[p] = flat.length;
    flat.push(...entriesByPattern[old]!);
  });
  patEntry[ends.length] = flat.length;
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
    fail: failNew,
    outLink,
    outStates,
    edgeStart,
    edgeChar,
    patLen,
    patEntry,
    entEntity,
    entFlags,
    entCased,
  };
}
