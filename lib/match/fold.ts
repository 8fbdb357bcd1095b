/**
 * Length-preserving text folding: one UTF-16 code unit in, one out, so a match on folded text
 * has the same offsets in the original. Folds case, full-width forms, curly quotes, dash
 * variants, every kind of space and Latin diacritics. Two results are special:
 * - `SKIP` (0): the unit carries nothing for matching (combining marks, soft hyphens,
 *   zero-width characters); the scanner steps over it.
 * - `BREAK` (0xffff): a hard boundary no name crosses (the scanner puts it between blocks).
 */
export const SKIP = 0;
export const BREAK = 0xffff;
export const SPACE = 0x20;

const TABLE_SIZE = 0x530; // Latin, Latin-1, Latin Extended, IPA, combining marks, Greek, Cyrillic

/** Latin Extended Additional (Vietnamese and other letters with stacked diacritics). */
const EXT_START = 0x1e00;
const EXT_END = 0x1f00;

function foldByDecomposition(c: number): { lower: number; cased: number } {
  const ch = String.fromCharCode(c);
  // Strip diacritics: the first unit of the canonical decomposition is the base letter.
  const base = ch.normalize('NFD');
  const b = base.length > 1 && base.charCodeAt(0) < 0x250 ? base.charCodeAt(0) : c;
  const l = String.fromCharCode(b).toLowerCase();
  return { cased: b, lower: l.length === 1 ? l.charCodeAt(0) : b };
}

function buildExtTables(): { lower: Uint16Array; cased: Uint16Array } {
  const lower = new Uint16Array(EXT_END - EXT_START);
  const cased = new Uint16Array(EXT_END - EXT_START);
  for (let c = EXT_START; c < EXT_END; c++) {
    const f = foldByDecomposition(c);
    lower[c - EXT_START] = f.lower;
    cased[c - EXT_START] = f.cased;
  }
  return { lower, cased };
}

function buildTables(): { lower: Uint16Array; cased: Uint16Array } {
  const lower = new Uint16Array(TABLE_SIZE);
  const cased = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    // Strip diacritics: the first unit of the canonical decomposition is the base letter.
    const base = ch.normalize('NFD');
    const b = base.length > 1 && base.charCodeAt(0) < 0x250 ? base.charCodeAt(0) : c;
    cased[c] = b;
    const l = String.fromCharCode(b).toLowerCase();
    lower[c] = l.length === 1 ? l.charCodeAt(0) : b;
  }
  for (let c = 0x300; c < 0x370; c++) lower[c] = cased[c] = SKIP; // combining diacritical marks
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0]) lower[c] = cased[c] = SPACE;
  lower[0xad] = cased[0xad] = SKIP; // soft hyphen
  lower[0x00] = cased[0x00] = SKIP;
  // Letters whose decomposition is not a base + mark but that readers treat as one.
  const extra: [number, string][] = [
    [0xd8, 'o'],
    [0xf8, 'o'],
    [0x141, 'l'],
    [0x142, 'l'],
    [0xd0, 'd'],
    [0xf0, 'd'],
    [0x110, 'd'],
    [0x111, 'd'],
  ];
  for (const [c, to] of extra) {
    lower[c] = to.charCodeAt(0);
    cased[c] = c === 0xd8 ? 0x4f : c === 0x141 ? 0x4c : c === 0xd0 || c === 0x110 ? 0x44 : to.charCodeAt(0);
  }
  return { lower, cased };
}

const { lower: LOWER, cased: CASED } = buildTables();
/** The case-insensitive fold of units below `FOLD_TABLE_SIZE`, for hot loops that inline it. */
export const FOLD_LOWER: Uint16Array = LOWER;
export const FOLD_TABLE_SIZE = TABLE_SIZE;
const { lower: EXT_LOWER, cased: EXT_CASED } = buildExtTables();

function foldSpecial(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII
  if (c >= 0x2000 && c <= 0x200a) return SPACE;
  if (c >= 0x200b && c <= 0x200d) return SKIP; // zero-width space / joiners
  switch (c) {
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return SPACE;
    case 0x2060:
    case 0xfeff:
      return SKIP;
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
    case 0x02bc:
      return 0x27; // '
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x2033:
      return 0x22; // "
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xfe58:
    case 0xfe63:
      return 0x2d; // -
    case 0x3001:
      return 0x2c; // ideographic comma
    case 0x3002:
      return 0x2e; // ideographic full stop
  }
  if (c >= 0xfe20 && c <= 0xfe2f) return SKIP; // combining half marks
  if (c >= 0x1ab0 && c <= 0x1aff) return SKIP;
  if (c >= 0x1dc0 && c <= 0x1dff) return SKIP;
  if (c >= 0x20d0 && c <= 0x20ff) return SKIP;
  return c;
}

/** Case-insensitive fold of one code unit. */
export function foldLower(c: number): number {
  if (c < TABLE_SIZE) return LOWER[c]!;
  if (c >= EXT_START && c < EXT_END) return EXT_LOWER[c - EXT_START]!;
  const f = foldSpecial(c);
  return f >= 0x41 && f <= 0x5a ? f | 0x20 : f;
}

/** Fold that keeps letter case (for case-sensitive aliases). */
export function foldCased(c: number): number {
  if (c < TABLE_SIZE) return CASED[c]!;
  if (c >= EXT_START && c < EXT_END) return EXT_CASED[c - EXT_START]!;
  return foldSpecial(c);
}

// The native decoder is some 25 times faster than String.fromCharCode(...units). It writes a
// lone surrogate as U+FFFD (one unit for one, so offsets hold); no name holds one anyway.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

function unitsToString(codes: Uint16Array, n: number): string {
  return n ? UTF16.decode(codes.subarray(0, n)) : '';
}

/** Folds a string for compiling: lower-cased, skips dropped, runs of spaces collapsed, trimmed. */
export function foldString(s: string, cased = false): string {
  const codes = new Uint16Array(s.length);
  let n = 0;
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = cased ? foldCased(c) : c < TABLE_SIZE ? LOWER[c]! : foldLower(c);
    if (f === SKIP) continue;
    if (f === SPACE) {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    codes[n++] = f;
  }
  if (n && codes[n - 1] === SPACE) n--;
  return unitsToString(codes, n);
}

const WORD_CACHE = new Uint8Array(0x10000); // 0 unknown, 1 word char, 2 not
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

/** Whether a code unit joins a Latin-script word (letters, digits, marks; not CJK). */
export function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  // Ideographs, kana and hangul do not join Latin words: "在CAC的" holds the word "CAC"; nor do
  // astral characters (emoji, rare ideographs), which arrive as surrogate halves.
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)) return false;
  let k = WORD_CACHE[c]!;
  if (k === 0) {
    k = WORD_RE.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_CACHE[c] = k;
  }
  return k === 1;
}
