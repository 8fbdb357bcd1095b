/**
 * The compiled matching index: an Aho–Corasick automaton over folded alias text plus the
 * little the page needs to resolve ambiguity (entity ids, categories, cues, relations).
 * Serialised as one ArrayBuffer: a 4-byte header length, a JSON header, then typed arrays
 * aligned to 4 bytes. Loading is a few typed-array views over that buffer, no parsing of
 * the automaton itself. Pure: no DOM, no extension APIs.
 */

export const INDEX_VERSION = 6;

/** Entity categories, in the order of the public highlight names. */
export const CATEGORIES = ['regulator', 'firm', 'official', 'custom'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface IndexMeta {
  version: number;
  /** Entity ids by entity index. */
  ids: string[];
  /** Canonical names by entity index (for labels without loading the full dataset). */
  names: string[];
  /** Folded lower-case cue words by entity index. */
  cues: string[][];
  /** Related entity indices by entity index (both directions). */
  related: number[][];
  /** Case-kept folded alias texts referenced by `entCased`. */
  casedTexts: string[];
  /** Entities (officials) the press names by surname alone ("Macron said"). */
  bySurname: number[];
  /** Common given names (folded, lower case), from the officials in the dataset: "Michael Dell" is a person. */
  givenNames: string[];
  /** Jurisdiction code by entity index (ISO 3166-1 alpha-2, EU, INT). */
  jurisdictions: string[];
}

export interface MatchIndex {
  meta: IndexMeta;
  /** Category index per entity. */
  entityCategory: Uint8Array;
  /** Token texts (see `tokenize` in build.ts): token t is tokChars[tokStart[t] .. tokStart[t+1]-1]. */
  tokStart: Int32Array;
  tokChars: Uint16Array;
  /** Failure links over tokens. */
  fail: Int32Array;
  /** Nearest state on the failure chain, the state itself included, where a pattern ends; 0 for none. */
  outLink: Int32Array;
  /** The states where patterns end, ascending: pattern p ends at outStates[p]. */
  outStates: Int32Array;
  /**
   * Transitions of state s are edges edgeStart[s] .. edgeStart[s+1]-1, sorted by token; states
   * are numbered so that edge e leads to state e + 1.
   */
  edgeStart: Int32Array;
  edgeTok: Int32Array;
  /** Tokens in each pattern. */
  patTok: Uint8Array;
  /**
   * For a pattern holding a non-word token: where its spacing starts in `gapBits` (one byte per
   * token, 1 when a space comes before it); -1 when there is nothing to check.
   */
  patGap: Int32Array;
  gapBits: Uint8Array;
  /** Entries of pattern p are patEntry[p] .. patEntry[p+1]-1. */
  patEntry: Int32Array;
  entEntity: Int32Array;
  entFlags: Uint8Array;
  /** Index into meta.casedTexts for case-sensitive entries, else -1. */
  entCased: Int32Array;
}

type ArrayName = Exclude<keyof MatchIndex, 'meta'>;
const ARRAYS: [ArrayName, 'i32' | 'u16' | 'u8'][] = [
  ['entityCategory', 'u8'],
  ['tokStart', 'i32'],
  ['tokChars', 'u16'],
  ['fail', 'i32'],
  ['outLink', 'i32'],
  ['outStates', 'i32'],
  ['edgeStart', 'i32'],
  ['edgeTok', 'i32'],
  ['patTok', 'u8'],
  ['patGap', 'i32'],
  ['gapBits', 'u8'],
  ['patEntry', 'i32'],
  ['entEntity', 'i32'],
  ['entFlags', 'u8'],
  ['entCased', 'i32'],
];

export function serializeIndex(index: MatchIndex): Uint8Array {
  const layout: { name: ArrayName; type: string; offset: number; length: number }[] = [];
  let offset = 0;
  for (const [name, type] of ARRAYS) {
    const arr = index[name];
    layout.push({ name, type, offset, length: arr.length });
    offset += Math.ceil(arr.byteLength / 4) * 4;
  }
  const header = new TextEncoder().encode(JSON.stringify({ meta: index.meta, layout }));
  const headerPadded = Math.ceil((4 + header.length) / 4) * 4;
  const buf = new Uint8Array(headerPadded + offset);
  new DataView(buf.buffer).setUint32(0, header.length, true);
  buf.set(header, 4);
  for (const l of layout) {
    const arr = index[l.name];
    buf.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), headerPadded + l.offset);
  }
  return buf;
}

export function deserializeIndex(bytes: Uint8Array): MatchIndex {
  // Copy to an aligned buffer of our own so typed-array views are valid.
  const buf = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const headerLen = new DataView(buf.buffer, buf.byteOffset, 4).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(4, 4 + headerLen))) as {
    meta: IndexMeta;
    layout: { name: ArrayName; type: 'i32' | 'u16' | 'u8'; offset: number; length: number }[];
  };
  if (header.meta.version !== INDEX_VERSION)
    throw new Error(`match index version ${header.meta.version}, expected ${INDEX_VERSION}`);
  const base = buf.byteOffset + Math.ceil((4 + headerLen) / 4) * 4;
  const out: Partial<MatchIndex> = { meta: header.meta };
  for (const l of header.layout) {
    const at = base + l.offset;
    const view =
      l.type === 'i32'
        ? new Int32Array(buf.buffer, at, l.length)
        : l.type === 'u16'
          ? new Uint16Array(buf.buffer, at, l.length)
          : new Uint8Array(buf.buffer, at, l.length);
    (out as Record<string, unknown>)[l.name] = view;
  }
  return out as MatchIndex;
}

/** Every pattern's folded text, read back from the trie (for tests and diagnostics). */
export function patternTexts(index: MatchIndex): string[] {
  const { edgeStart, edgeTok, tokStart, tokChars, outStates, patGap, gapBits } = index;
  const states = index.fail.length;
  const parent = new Int32Array(states).fill(-1);
  const tok = new Int32Array(states);
  for (let s = 0; s < states; s++)
    for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) {
      parent[e + 1] = s;
      tok[e + 1] = edgeTok[e]!;
    }
  const word = (t: number) => String.fromCharCode(...tokChars.subarray(tokStart[t]!, tokStart[t + 1]!));
  return Array.from(outStates, (end, p) => {
    const toks: string[] = [];
    for (let x = end; x > 0; x = parent[x]!) toks.unshift(word(tok[x]!));
    const g = patGap[p]!;
    // Without recorded spacing every token is a word, one space apart.
    return g < 0 ? toks.join(' ') : toks.map((t, k) => (k && gapBits[g + k] ? ' ' : '') + t).join('');
  });
}

export function base64ToBytes(b64: string): Uint8Array {
  const from = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (from) return from(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
