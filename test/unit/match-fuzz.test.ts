/**
 * Property tests of the matcher (lib/match) over hostile text: random UTF-16 including lone
 * surrogates, combining marks, full-width forms, odd spaces and very long runs, with aliases
 * inserted at random. Plus a table of normalisation cases, on a small index built here and
 * on the bundled dataset.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileDataset } from '../../lib/dataset/compile';
import {
  ALIAS_ACRONYM,
  ALIAS_AMBIGUOUS,
  ALIAS_CASE_SENSITIVE,
  ALIAS_CJK,
  ALIAS_FULL,
  ALIAS_SHORT,
} from '../../lib/dataset/aliases';
import { defaultExpandOptions, loadDataset } from '../../lib/dataset/load';
import { buildIndex, tokenize, type AliasEntry, type EntityInfo } from '../../lib/match/build';
import { foldString } from '../../lib/match/fold';
import { patternTexts, type MatchIndex } from '../../lib/match/index-format';
import { findMentions, resolveMentions } from '../../lib/match/resolve';
import { Scanner, type Candidate } from '../../lib/match/scan';

// ---- A small index, flagged the way lib/dataset/aliases.ts would flag these names.

const ENTITIES: [id: string, aliases: [text: string, flags: number][]][] = [
  [
    'cn-cac',
    [
      ['Cyberspace Administration of China', ALIAS_FULL],
      ['CAC', ALIAS_ACRONYM | ALIAS_CASE_SENSITIVE],
      ['国家网信办', ALIAS_CJK | ALIAS_FULL],
      ['网信办', ALIAS_CJK],
      ['the Cyberspace Administration', ALIAS_SHORT],
    ],
  ],
  ['cn-ccac', [['中央网信办', ALIAS_CJK]]],
  [
    'cn-alibaba',
    [
      ['Alibaba Group', ALIAS_FULL],
      ['Alibaba', 0],
      ['阿里巴巴', ALIAS_CJK | ALIAS_FULL],
    ],
  ],
  [
    'cn-didi',
    [
      ['Didi Global', ALIAS_FULL],
      ['Didi', ALIAS_AMBIGUOUS],
    ],
  ],
  [
    'fr-societe-generale',
    [
      ['Société Générale', ALIAS_FULL],
      ['Societe Generale', 0],
    ],
  ],
  [
    'us-sec',
    [
      ['Securities and Exchange Commission', ALIAS_FULL],
      ['SEC', ALIAS_ACRONYM | ALIAS_CASE_SENSITIVE],
    ],
  ],
  ['de-mercedes-benz', [['Mercedes-Benz', ALIAS_FULL]]],
  ['us-apple', [['Apple', ALIAS_AMBIGUOUS]]],
  ['cn-bank-of-china', [['Bank of China', ALIAS_FULL]]],
  ['us-att', [['AT&T', ALIAS_ACRONYM | ALIAS_CASE_SENSITIVE]]],
  ['vn-sbv', [['Ngân hàng Nhà nước Việt Nam', ALIAS_FULL]]],
];

const SMALL_ALIASES = ENTITIES.flatMap(([, as]) => as.map(([text]) => text));

function smallIndex(): MatchIndex {
  const entities: EntityInfo[] = ENTITIES.map(([id], i) => ({
    id,
    name: ENTITIES[i]![1][0]![0],
    category: 0,
    cues: [],
    related: [],
  }));
  const aliases: AliasEntry[] = ENTITIES.flatMap(([, as], entity) =>
    as.map(([text, flags]) => ({ text, entity, flags })),
  );
  return buildIndex(entities, aliases);
}

const small = new Scanner(smallIndex());

let bundled: Scanner;
beforeAll(() => {
  const opts = defaultExpandOptions();
  bundled = new Scanner(compileDataset(loadDataset().records, opts).index);
});

// ---- Generators.

const units = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((c) => String.fromCharCode(c));

/** One "piece" of hostile text. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: units(0x20, 0x7e), maxLength: 12 }) },
  { weight: 2, arbitrary: units(0, 0xffff) }, // any code unit, lone surrogates included
  { weight: 2, arbitrary: units(0xd800, 0xdfff) }, // lone surrogates
  { weight: 2, arbitrary: units(0x300, 0x36f) }, // combining marks
  { weight: 2, arbitrary: units(0xff01, 0xff5e) }, // full-width ASCII
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ' ',
      '\u00a0',
      '\n',
      '\t',
      '\u00ad',
      '\u200b',
      '\u200d',
      '\u3000',
      '\u2019',
      '\u2013',
      '\u2014',
      '\ufeff',
      '\uffff',
      '\u0000',
      "'s",
      '’s',
      '.',
      ',',
      '的',
      '在',
      '据',
      '国家',
      '😀',
    ),
  },
  { weight: 2, arbitrary: units(0x4e00, 0x4e80) }, // CJK ideographs
  { weight: 3, arbitrary: fc.constantFrom(...SMALL_ALIASES) },
  // Alias fragments and case variants: near-misses that drive the automaton deep.
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...SMALL_ALIASES), fc.nat(), fc.nat(), fc.boolean()).map(([a, x, y, up]) => {
      const s = a.slice(Math.min(x, y) % (a.length + 1), Math.max(x, y) % (a.length + 1));
      return up ? s.toUpperCase() : s.toLowerCase();
    }),
  },
);

const hostileText = fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(''));

/** Very long runs of one unit, or of one alias, or of an alias prefix. */
const longRun = fc
  .tuple(
    fc.oneof(
      units(0, 0xffff),
      fc.constantFrom(
        'a',
        ' ',
        '\u0301',
        '\u00ad',
        '\ud800',
        'Ａ',
        '网',
        'Alibaba ',
        'Cyberspace Administration of ',
        'CAC',
      ),
    ),
    fc.integer({ min: 20_000, max: 100_000 }),
  )
  .map(([u, n]) => u.repeat(Math.ceil(n / u.length)).slice(0, n));

// ---- Invariants.

function checkCandidates(scanner: Scanner, text: string): Candidate[] {
  const cands = scanner.scan(text);
  const { patEntry } = scanner.index;
  for (const c of cands) {
    expect(Number.isInteger(c.start) && Number.isInteger(c.end)).toBe(true);
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.start).toBeLessThan(c.end);
    expect(c.end).toBeLessThanOrEqual(text.length);
    // The folded span equals the folded pattern of the entry that matched.
    let p = 0;
    while (patEntry[p + 1]! <= c.entry) p++;
    const folded = foldString(text.slice(c.start, c.end));
    expect(patternText(scanner.index, p)).toBe(folded);
  }
  return cands;
}

/** Every pattern's folded text, read back from the trie once per index. */
const patternCache = new WeakMap<MatchIndex, string[]>();
function patternText(index: MatchIndex, p: number): string {
  let texts = patternCache.get(index);
  if (!texts) {
    texts = patternTexts(index);
    patternCache.set(index, texts);
  }
  return texts[p]!;
}

function checkResolved(scanner: Scanner, text: string, cands: Candidate[]): void {
  const mentions = resolveMentions(
    scanner.index,
    cands.map((c) => ({ ...c, block: 0 })),
    (_b, from, to) => text.slice(Math.max(0, from), Math.max(0, to)),
  );
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    expect(m.start).toBeLessThan(m.end);
    if (i > 0) {
      const prev = mentions[i - 1]!;
      expect(prev.block * 1e9 + prev.start).toBeLessThanOrEqual(m.block * 1e9 + m.start); // sorted
      if (prev.block === m.block) expect(prev.end).toBeLessThanOrEqual(m.start); // non-overlapping
    }
  }
}

describe('tokens', () => {
  test.each([
    ['alibaba group', ['alibaba', 'group'], true],
    ['at&t', ['at', '&', 't'], false],
    ['s & p 500', ['s', '&', 'p', '500'], false],
    ['j.p. morgan', ['j', '.', 'p', '.', 'morgan'], false],
    ['国家网信办', ['国', '家', '网', '信', '办'], false],
    ['tcl科技', ['tcl', '科', '技'], false],
    ['ngân hàng', ['ngân', 'hàng'], true],
  ])('%j', (text, tokens, plain) => {
    const t = tokenize(text);
    expect(t.tokens).toEqual(tokens);
    expect(t.plain).toBe(plain);
  });

  test('spacing is kept where a pattern holds punctuation', () => {
    expect(tokenize('s & p 500').gaps).toEqual([0, 1, 1, 1]);
    expect(tokenize('j.p. morgan').gaps).toEqual([0, 0, 0, 0, 1]);
  });

  test('patterns read back from the index are the folded aliases', () => {
    const texts = new Set(patternTexts(smallIndex()));
    for (const a of SMALL_ALIASES) expect(texts).toContain(foldString(a));
  });
});

describe('matcher properties (small index)', () => {
  test('scan never throws; candidates are in range and match their folded pattern; mentions are sorted and disjoint', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const cands = checkCandidates(small, text);
        checkResolved(small, text, cands);
      }),
      { numRuns: 2000 },
    );
  });

  test('very long runs (20k–100k units)', () => {
    fc.assert(
      fc.property(longRun, hostileText, (run, tail) => {
        const text = run + tail;
        const cands = checkCandidates(small, text);
        checkResolved(small, text, cands);
      }),
      { numRuns: 25 },
    );
  });

  test('an unambiguous alias between spaces is always found, at its offsets', () => {
    const unambiguous = ['Cyberspace Administration of China', 'Alibaba Group', 'Didi Global', 'Bank of China'];
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...unambiguous), hostileText, (before, alias, after) => {
        const text = `${before} ${alias} ${after}`;
        const start = before.length + 1;
        const found = findMentions(small, text);
        expect(found.some((m) => m.start === start && m.end === start + alias.length)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('an unambiguous alias between any non-word neighbours (punctuation, CJK, emoji) is always found', () => {
    const sep = fc.constantFrom(' ', '(', ')', '.', ',', '"', '“', '”', '—', '的', '。', '😀', '\u{20000}', '\n');
    const unambiguous = ['Cyberspace Administration of China', 'Alibaba Group', 'Didi Global', 'Bank of China'];
    fc.assert(
      fc.property(sep, fc.constantFrom(...unambiguous), sep, (l, alias, r) => {
        const text = `Reports say${l}${alias}${r}today`;
        const start = 'Reports say'.length + l.length;
        const found = findMentions(small, text);
        expect(found.some((m) => m.start === start && m.end === start + alias.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('matcher properties (bundled dataset)', () => {
  test('invariants hold and "Cyberspace Administration of China" is always found', () => {
    const alias = 'Cyberspace Administration of China';
    fc.assert(
      fc.property(hostileText, hostileText, (before, after) => {
        const text = `${before} ${alias} ${after}`;
        const cands = checkCandidates(bundled, text);
        checkResolved(bundled, text, cands);
        const start = before.length + 1;
        const found = findMentions(bundled, text);
        expect(found.some((m) => m.id === 'cn-cac' && m.start === start && m.end === start + alias.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// ---- Normalisation table. Each row: text, the alias as the dataset writes it, and the span
// expected to match it (null: must not match). Checked at the scanner level (raw candidates,
// before ambiguity is resolved), so it holds for ambiguous aliases such as "CAC" too.

const TABLE: [name: string, text: string, alias: string, span: string | null][] = [
  ['full-width acronym', '据报道，ＣＡＣ表示', 'CAC', 'ＣＡＣ'],
  ['curly apostrophe possessive', 'Alibaba’s shares fell', 'Alibaba', 'Alibaba'],
  ['straight apostrophe possessive', "Alibaba's shares fell", 'Alibaba', 'Alibaba'],
  [
    'possessive after a long name',
    'the Cyberspace Administration of China’s rules',
    'Cyberspace Administration of China',
    'Cyberspace Administration of China',
  ],
  ['NBSP inside a name', 'shares of Didi\u00a0Global fell', 'Didi Global', 'Didi\u00a0Global'],
  ['line break inside a name', 'shares of Didi\nGlobal fell', 'Didi Global', 'Didi\nGlobal'],
  ['CRLF and indentation inside a name', 'shares of Didi\r\n   Global fell', 'Didi Global', 'Didi\r\n   Global'],
  ['soft hyphen inside a name', 'Ali\u00adbaba said', 'Alibaba', 'Ali\u00adbaba'],
  ['diacritics in the text', 'Société Générale said', 'Société Générale', 'Société Générale'],
  ['no diacritics in the text', 'Societe Generale said', 'Société Générale', 'Societe Generale'],
  [
    'decomposed diacritics',
    'Socie\u0301te\u0301 Ge\u0301ne\u0301rale said',
    'Société Générale',
    'Socie\u0301te\u0301 Ge\u0301ne\u0301rale',
  ],
  ['en dash for hyphen', 'Mercedes–Benz cars', 'Mercedes-Benz', 'Mercedes–Benz'],
  ['non-breaking hyphen', 'Mercedes\u2011Benz cars', 'Mercedes-Benz', 'Mercedes\u2011Benz'],
  ['acronym as written', 'the SEC said', 'SEC', 'SEC'],
  ['acronym lower case is a word', 'one sec. later', 'SEC', null],
  ['acronym title case is a word', 'Sec. Blinken said', 'SEC', null],
  ['acronym inside a word', 'SECOND quarter', 'SEC', null],
  ['CJK name inside running Chinese', '据国家网信办消息', '国家网信办', '国家网信办'],
  ['Latin acronym inside Chinese', '在CAC的要求下', 'CAC', 'CAC'],
  ['upper-case name', 'ALIBABA GROUP SAID', 'Alibaba Group', 'ALIBABA GROUP'],
  ['full-width name', 'Ａｌｉｂａｂａ Group', 'Alibaba Group', 'Ａｌｉｂａｂａ Group'],
  ['ideographic space inside a name', 'Didi\u3000Global', 'Didi Global', 'Didi\u3000Global'],
  ['zero-width space inside a name', 'Didi\u200b Global', 'Didi Global', 'Didi\u200b Global'],
  ['name inside a longer word', 'Alibabas and Alibabaland', 'Alibaba', null],
  ['ampersand acronym', 'AT&T said', 'AT&T', 'AT&T'],
  ['spacing around punctuation as in the name', 'AT & T said', 'AT&T', null],
  ['a zero-width space does not split a word', 'Alibaba\u200bland', 'Alibaba', null],
  ['emoji right after a name', 'Alibaba Group😀 shares', 'Alibaba Group', 'Alibaba Group'],
  ['astral ideograph right after a Latin acronym', '在CAC\u{20000}的', 'CAC', 'CAC'],
  [
    'Vietnamese name as written',
    'Ngân hàng Nhà nước Việt Nam cho biết',
    'Ngân hàng Nhà nước Việt Nam',
    'Ngân hàng Nhà nước Việt Nam',
  ],
  [
    'Vietnamese name decomposed (NFD)',
    'Ngân hàng Nhà nước Việt Nam'.normalize('NFD'),
    'Ngân hàng Nhà nước Việt Nam',
    'Ngân hàng Nhà nước Việt Nam'.normalize('NFD'),
  ],
  [
    'Vietnamese name in capitals',
    'NGÂN HÀNG NHÀ NƯỚC VIỆT NAM',
    'Ngân hàng Nhà nước Việt Nam',
    'NGÂN HÀNG NHÀ NƯỚC VIỆT NAM',
  ],
  [
    'Vietnamese name without diacritics',
    'Ngan hang Nha nuoc Viet Nam',
    'Ngân hàng Nhà nước Việt Nam',
    'Ngan hang Nha nuoc Viet Nam',
  ],
];

describe.each([
  ['small index', () => small],
  ['bundled dataset', () => bundled],
])('normalisation (%s)', (_name, scanner) => {
  test.each(TABLE)('%s: %j', (_case, text, alias, span) => {
    const sc = scanner();
    // The entities the alias itself names, written plainly.
    const want = new Set(
      sc
        .scan(alias)
        .filter((c) => c.start === 0 && c.end === alias.length)
        .map((c) => c.entity),
    );
    expect(want.size).toBeGreaterThan(0);
    const hits = sc
      .scan(text)
      .filter((c) => want.has(c.entity))
      .map((c) => text.slice(c.start, c.end));
    if (span === null) expect(hits.filter((h) => foldString(h) === foldString(alias))).toEqual([]);
    else expect(hits).toContain(span);
  });

  test('leftmost-longest: "Alibaba Group" over "Alibaba"', () => {
    const found = findMentions(scanner(), 'Yesterday Alibaba Group said');
    expect(found.map((m) => m.text)).toEqual(['Alibaba Group']);
  });

  test('longest CJK name: 国家网信办 over 网信办, 中央网信办 not confused', () => {
    expect(findMentions(scanner(), '据国家网信办消息').map((m) => [m.text, m.id])).toEqual([['国家网信办', 'cn-cac']]);
    expect(findMentions(scanner(), '中央网信办').map((m) => m.text)).toEqual(['中央网信办']);
  });
});
