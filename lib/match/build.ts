/**
 * Builds the Aho–Corasick automaton from aliases. Runs at build time (and in benchmarks);
 * the page only ever loads the result.
 */
import { ALIAS_AMBIGUOUS, ALIAS_CASE_SENSITIVE, ALIAS_CJK } from './flags';
import { foldString, isWordUnit, SPACE } from './fold';
import { CATEGORIES, INDEX_VERSION, type MatchIndex } from './index-format';

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
  /** The press names this official by surname alone. */
  knownBySurname?: boolean;
  jurisdiction?: string;
}

/** One or two hangul syllables and nothing else. */
const SHORT_HANGUL = /^[\uac00-\ud7af]{1,2}$/;
const FIRM = CATEGORIES.indexOf('firm');
const OFFICIAL = CATEGORIES.indexOf('official');

/** Longest alias in folded units (so in tokens too); the scanner's ring buffer holds this many tokens. */
export const MAX_PATTERN = 255;

/**
 * Splits folded pattern text (lower-cased, single spaces, no skipped units) into the tokens
 * the scanner reads: runs of word units, and every other unit but the space on its own.
 * `gaps[k]` is 1 when a space comes before token k. `plain` when every token is a word: then
 * the gaps need no check (two words in a row are always separated by spaces alone).
 */
export function tokenize(folded: string): { tokens: string[]; gaps: number[]; plain: boolean } {
  const tokens: string[] = [];
  const gaps: number[] = [];
  let plain = true;
  let word = '';
  let space = false;
  const flush = () => {
    if (!word) return;
    tokens.push(word);
    gaps.push(space ? 1 : 0);
    word = '';
    space = false;
  };
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (isWordUnit(c)) {
      word += folded[i];
      continue;
    }
    flush();
    if (c === SPACE) {
      space = true;
      continue;
    }
    tokens.push(folded[i]!);
    gaps.push(space ? 1 : 0);
    plain = false;
    space = false;
  }
  flush();
  if (gaps.length) gaps[0] = 0;
  return { tokens, gaps, plain };
}

export function buildIndex(entities: EntityInfo[], aliases: AliasEntry[], givenNames: string[] = []): MatchIndex {
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
    // A firm's or a person's Korean name of one or two syllables is mostly an ordinary word too
    // (대상 "target", 동양 "the Orient", 진영 "a camp"): like an ambiguous alias, it needs evidence.
    // Bodies' two-syllable short forms (국회, 한은) are names and stay as they are.
    const category = entities[a.entity]?.category;
    if (SHORT_HANGUL.test(a.text) && (category === FIRM || category === OFFICIAL)) flags |= ALIAS_AMBIGUOUS;
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

  // 2. Tokens. The automaton reads words, not characters: a token is a run of word units
  // (a Latin-script word) or any other single unit that is not a space (punctuation, each
  // ideograph, kana or hangul syllable). Spaces only separate tokens; where a pattern holds a
  // non-word token, which of its tokens follow a space is kept to be checked on a match.
  const tokenIds = new Map<string, number>();
  const tokenTexts: string[] = [];
  const patTokens: number[][] = [];
  const patGaps: (number[] | undefined)[] = [];
  for (const text of patternTexts) {
    const { tokens, gaps, plain } = tokenize(text);
    patTokens.push(
      tokens.map((t) => {
        let id = tokenIds.get(t);
        if (id === undefined) {
          id = tokenTexts.length;
          tokenIds.set(t, id);
          tokenTexts.push(t);
        }
        return id;
      }),
    );
    patGaps.push(plain ? undefined : gaps);
  }

  // 3. Trie over token ids. Edges in one Map keyed by state * 2^21 + token.
  const TOK = 2 ** 21;
  if (tokenTexts.length >= TOK) throw new Error(`too many distinct tokens (${tokenTexts.length})`);
  const goto = new Map<number, number>();
  const endsAt: number[] = []; // pattern → trie state
  const childFirst: number[] = [-1];
  const childNext: number[] = [];
  const childTok: number[] = [];
  const terminal: boolean[] = [false];
  let states = 1;
  patTokens.forEach((toks) => {
    let s = 0;
    for (const t of toks) {
      const key = s * TOK + t;
      let n = goto.get(key);
      if (n === undefined) {
        n = states++;
        goto.set(key, n);
        childFirst.push(-1);
        terminal.push(false);
        childTok[n] = t;
        childNext[n] = childFirst[s]!;
        childFirst[s] = n;
      }
      s = n;
    }
    terminal[s] = true;
    endsAt.push(s);
  });

  // 4. Failure links, breadth first (in trie ids). Every token boundary is a place where a
  // name may start, so these are the textbook links over tokens.
  const fail = new Int32Array(states);
  const dict = new Int32Array(states);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let c = childFirst[0]!; c !== -1; c = childNext[c]!) queue[tail++] = c;
  while (head < tail) {
    const s = queue[head++]!;
    for (let child = childFirst[s]!; child !== -1; child = childNext[child]!) {
      const t = childTok[child]!;
      let f = fail[s]!;
      let target = goto.get(f * TOK + t);
      while (target === undefined && f !== 0) {
        f = fail[f]!;
        target = goto.get(f * TOK + t);
      }
      fail[child] = target !== undefined && target !== child ? target : 0;
      const fc = fail[child]!;
      dict[child] = terminal[fc] ? fc : dict[fc]!;
      queue[tail++] = child;
    }
  }

  // 5. Renumber states breadth first with each state's children consecutive and sorted by
  // token. Then the edge to state n is edge n - 1: no target array is stored, only each
  // state's first edge and each edge's token.
  const kids: number[][] = Array.from({ length: states }, () => []);
  for (let s = 0; s < states; s++) {
    for (let c = childFirst[s]!; c !== -1; c = childNext[c]!) kids[s]!.push(c);
    kids[s]!.sort((a, b) => childTok[a]! - childTok[b]!);
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
  const edgeTok = new Int32Array(Math.max(0, states - 1));
  let cursor = 0;
  for (let n = 0; n < states; n++) {
    edgeStart[n] = cursor;
    cursor += kids[order[n]!]!.length;
  }
  edgeStart[states] = cursor;
  for (let n = 1; n < states; n++) edgeTok[n - 1] = childTok[order[n]!]!;
  const failNew = new Int32Array(states);
  // outLink: the nearest state on the failure chain, itself included, where a pattern ends (0: none).
  const outLink = new Int32Array(states);
  for (let t = 0; t < states; t++) {
    failNew[newId[t]!] = newId[fail[t]!]!;
    outLink[newId[t]!] = terminal[t] ? newId[t]! : dict[t]! ? newId[dict[t]!]! : 0;
  }
  // Patterns are numbered by the state they end at (two patterns may end at one state when
  // they differ only in spacing around punctuation: "s&p" and "s & p").
  const ends = patternTexts.map((_, old) => [newId[endsAt[old]!]!, old] as const);
  ends.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const outStates = Int32Array.from(ends.map((e) => e[0]));

  // 6. Per pattern: token count, spacing to check, entries; in the new pattern order.
  const patTok = new Uint8Array(ends.length);
  const patGap = new Int32Array(ends.length).fill(-1);
  const gapBits: number[] = [];
  const patEntry = new Int32Array(ends.length + 1);
  const flat: AliasEntry[] = [];
  ends.forEach(([, old], p) => {
    patTok[p] = patTokens[old]!.length;
    const gaps = patGaps[old];
    if (gaps) {
      patGap[p] = gapBits.length;
      gapBits.push(...gaps);
    }
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
  const tokStart = new Int32Array(tokenTexts.length + 1);
  const tokChars = new Uint16Array(tokenTexts.reduce((n, t) => n + t.length, 0));
  tokenTexts.forEach((t, i) => {
    const at = tokStart[i]!;
    for (let k = 0; k < t.length; k++) tokChars[at + k] = t.charCodeAt(k);
    tokStart[i + 1] = at + t.length;
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
      bySurname: entities.flatMap((e, i) => (e.knownBySurname ? [i] : [])),
      givenNames: [...new Set(givenNames.map((g) => foldString(g)))].sort(),
      jurisdictions: entities.map((e) => e.jurisdiction ?? ''),
    },
    entityCategory: Uint8Array.from(entities.map((e) => e.category)),
    tokStart,
    tokChars,
    fail: failNew,
    outLink,
    outStates,
    edgeStart,
    edgeTok,
    patTok,
    patGap,
    gapBits: Uint8Array.from(gapBits),
    patEntry,
    entEntity,
    entFlags,
    entCased,
  };
}
