import { describe, expect, it } from 'vitest';
import {
  ALIAS_ACRONYM,
  ALIAS_AMBIGUOUS,
  ALIAS_CASE_SENSITIVE,
  ALIAS_CJK,
  ALIAS_FULL,
  ALIAS_SHORT,
  expandAliases,
  isCjk,
  isOrdinaryWord,
  looksLikeAcronym,
  surnameOf,
} from '../../lib/dataset/aliases';
import { compileDataset } from '../../lib/dataset/compile';
import { defaultExpandOptions } from '../../lib/dataset/load';
import type { EntityRecord } from '../../lib/dataset/schema';

const opts = defaultExpandOptions();
const isWord = opts.isWord;

function record(over: Partial<EntityRecord> & Pick<EntityRecord, 'name'>): EntityRecord {
  const type = over.type ?? 'firm';
  return {
    id: 'xx-test',
    type,
    jurisdiction: 'US',
    description: 'Made up for a test.',
    ...(type === 'firm' ? { firm: {} } : {}),
    ...(type === 'regulator' ? { regulator: { remit: ['general'] } } : {}),
    ...(type === 'official' ? { official: { roles: [{ title: 'Minister' }] } } : {}),
    sources: ['https://example.org/'],
    asOf: '2024-01-01',
    ...over,
  } as EntityRecord;
}
const flagsOf = (r: EntityRecord, text: string) => expandAliases(r, opts).find((a) => a.text === text)?.flags;

describe('acronym inference', () => {
  it.each([
    ['CAC', true],
    ['SEC', true],
    ['S&P', true],
    ['NASA', true],
    ['FTC', true],
    ['Apple', false],
    ['Didi', false],
    ['eBay', false],
    ['Tencent', false],
    ['Federal Reserve', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeAcronym(text)).toBe(expected);
  });

  // Short camel-case initialisms count too, though fewer than half their letters are capitals.
  it.each([
    ['BaFin', true],
    ['FinCEN', true],
    ['McKinsey', false],
    ['Apple', false],
  ])('camel case: %s → %s', (text, expected) => {
    expect(looksLikeAcronym(text)).toBe(expected);
  });

  it('an inferred acronym is matched case-sensitively; a plain name is not', () => {
    const r = record({ name: 'Cyberspace Administration of China', aliases: ['CAC', 'Alibaba Cloud'] });
    expect(flagsOf(r, 'CAC')! & (ALIAS_ACRONYM | ALIAS_CASE_SENSITIVE)).toBe(ALIAS_ACRONYM | ALIAS_CASE_SENSITIVE);
    expect(flagsOf(r, 'Alibaba Cloud')! & ALIAS_ACRONYM).toBe(0);
    expect(flagsOf(r, 'Alibaba Cloud')! & ALIAS_CASE_SENSITIVE).toBe(0);
  });

  it('a name of ordinary words is matched as written and in capitals, never in lower case', () => {
    const r = record({ name: 'Financial Institutions', aliases: ['Cyberspace Administration'] });
    expect(flagsOf(r, 'Financial Institutions')! & ALIAS_CASE_SENSITIVE).toBe(ALIAS_CASE_SENSITIVE);
    expect(flagsOf(r, 'FINANCIAL INSTITUTIONS')! & ALIAS_CASE_SENSITIVE).toBe(ALIAS_CASE_SENSITIVE);
    expect(flagsOf(r, 'Cyberspace Administration')! & ALIAS_CASE_SENSITIVE).toBe(ALIAS_CASE_SENSITIVE);
    expect(flagsOf(r, 'Financial Institutions')! & ALIAS_AMBIGUOUS).toBe(0);
  });

  it('a long word in capitals is still a word ("TRANSACTION")', () => {
    const r = record({ name: 'TRANSACTION' });
    expect(flagsOf(r, 'TRANSACTION')! & ALIAS_AMBIGUOUS).toBe(ALIAS_AMBIGUOUS);
  });

  it('an explicit flag overrides the inference', () => {
    const r = record({
      name: 'Test',
      aliases: [
        { text: 'Didi', acronym: true },
        { text: 'NIO', acronym: false },
      ],
    });
    expect(flagsOf(r, 'Didi')! & ALIAS_ACRONYM).toBe(ALIAS_ACRONYM);
    expect(flagsOf(r, 'NIO')! & ALIAS_ACRONYM).toBe(0);
  });
});

describe('dictionary-word ambiguity (real word list)', () => {
  it.each(['Apple', 'Target', 'Shell', 'Visa', 'Block', 'Meta', 'Amazon', 'Oracle', 'Sun'])(
    '"%s" is ambiguous',
    (w) => {
      expect(isOrdinaryWord(w, isWord)).toBe(true);
      expect(flagsOf(record({ name: `${w} Test Holdings`, aliases: [w] }), w)! & ALIAS_AMBIGUOUS).toBe(ALIAS_AMBIGUOUS);
    },
  );

  it.each(['Alibaba', 'Tencent', 'SEC', 'eBay', '3M', 'General Motors', '阿里巴巴'])('"%s" is not', (w) => {
    expect(isOrdinaryWord(w, isWord)).toBe(false);
    expect(flagsOf(record({ name: 'Some Test Holdings', aliases: [w] }), w)! & ALIAS_AMBIGUOUS).toBe(0);
  });

  it('a canonical name that is a dictionary word is ambiguous too, but still the full name', () => {
    const f = flagsOf(record({ name: 'Apple' }), 'Apple')!;
    expect(f & ALIAS_AMBIGUOUS).toBe(ALIAS_AMBIGUOUS);
    expect(f & ALIAS_FULL).toBe(ALIAS_FULL);
  });

  it('"ambiguous": false on a listed alias overrides the word list', () => {
    const r = record({ name: 'Shell plc', aliases: [{ text: 'Shell', ambiguous: false }] });
    expect(flagsOf(r, 'Shell')! & ALIAS_AMBIGUOUS).toBe(0);
  });
});

describe('CJK', () => {
  it.each([
    ['国家互联网信息办公室', true],
    ['網信辦', true],
    ['トヨタ自動車', true],
    ['삼성전자', true],
    ['CAC', false],
    ['Société Générale', false],
  ])('%s → %s', (text, expected) => {
    expect(isCjk(text)).toBe(expected);
  });

  it('a native name is flagged CJK and full, never an acronym or ambiguous', () => {
    const r = record({
      name: 'Cyberspace Administration of China',
      nativeNames: [{ text: '国家互联网信息办公室', lang: 'zh-Hans' }],
      aliases: ['网信办'],
    });
    const native = flagsOf(r, '国家互联网信息办公室')!;
    expect(native & (ALIAS_CJK | ALIAS_FULL)).toBe(ALIAS_CJK | ALIAS_FULL);
    expect(native & (ALIAS_ACRONYM | ALIAS_AMBIGUOUS)).toBe(0);
    const alias = flagsOf(r, '网信办')!;
    expect(alias & ALIAS_CJK).toBe(ALIAS_CJK);
    expect(alias & ALIAS_FULL).toBe(0);
  });
});

describe('"the X" article stripping', () => {
  it('adds the name without its article, as an alias that is not the full name', () => {
    const r = record({ name: 'The Carlyle Group' });
    const texts = expandAliases(r, opts).map((a) => a.text);
    expect(texts).toEqual(['The Carlyle Group', 'Carlyle Group']);
    expect(flagsOf(r, 'The Carlyle Group')! & ALIAS_FULL).toBe(ALIAS_FULL);
    expect(flagsOf(r, 'Carlyle Group')! & ALIAS_FULL).toBe(0);
  });

  it('strips a lower-case article from a listed alias too', () => {
    const r = record({ type: 'regulator', name: 'Federal Reserve Board', aliases: ['the Federal Reserve'] });
    expect(expandAliases(r, opts).map((a) => a.text)).toContain('Federal Reserve');
  });

  it('leaves short references such as "the Commission" alone', () => {
    const r = record({
      type: 'regulator',
      name: 'European Commission',
      aliases: [{ text: 'the Commission', short: true }],
    });
    const texts = expandAliases(r, opts).map((a) => a.text);
    expect(texts).toContain('the Commission');
    expect(texts).not.toContain('Commission');
  });

  it('does not duplicate an alias that is already listed without its article', () => {
    const r = record({ name: 'The Vanguard Group', aliases: ['Vanguard Group'] });
    expect(expandAliases(r, opts).filter((a) => a.text === 'Vanguard Group')).toHaveLength(1);
  });
});

describe('surnames', () => {
  const official = (
    name: string,
    jurisdiction: string,
    nativeNames?: EntityRecord['nativeNames'],
    aliases?: EntityRecord['aliases'],
  ) => record({ type: 'official', name, jurisdiction, nativeNames, aliases });

  it.each([
    ['Gary Gensler', 'US', 'Gensler', undefined],
    ['Robert F. Kennedy Jr.', 'US', 'Kennedy', undefined],
    ['Sun Weimin', 'CN', 'Sun', [{ text: '孙伟民', lang: 'zh-Hans' }]],
    ['Niu Yibing', 'CN', 'Niu', undefined],
    ['Lee Eok-won', 'KR', 'Lee', [{ text: '이억원', lang: 'ko' }]],
    ['Ryosei Akazawa', 'JP', 'Akazawa', [{ text: '赤沢亮正', lang: 'ja' }]],
    // Hong Kong: the native name decides; an English given name needs the record's own short alias.
    ['John Lee', 'HK', 'Lee', undefined],
    ['John Lee', 'HK', 'John', [{ text: '李家超', lang: 'zh-Hant' }]],
  ] as const)('%s (%s) → %s', (name, jurisdiction, expected, nativeNames) => {
    expect(surnameOf(official(name, jurisdiction, nativeNames ? [...nativeNames] : undefined))).toBe(expected);
  });

  it('only officials with at least two name tokens get a surname', () => {
    expect(surnameOf(record({ name: 'Gary Gensler' }))).toBeUndefined();
    expect(surnameOf(official('Madonna', 'US'))).toBeUndefined();
    expect(surnameOf(official('习近平', 'CN'))).toBeUndefined();
  });

  const compiledCased = (r: EntityRecord) => compileDataset([r], opts).index.meta.casedTexts;

  it('compiles the guessed surname as a short, case-sensitive alias', () => {
    const { aliasCount } = compileDataset([official('Gary Gensler', 'US')], opts);
    expect(aliasCount).toBe(2);
    expect(compiledCased(official('Gary Gensler', 'US'))).toContain('Gensler');
  });

  it('a record listing its own short surname alias overrides the guess', () => {
    // Family-name-first would guess "Audrey" for Taiwan; the record says "Tang".
    const guessed = official('Audrey Tang', 'TW', [{ text: '唐鳳', lang: 'zh-Hant' }]);
    expect(surnameOf(guessed)).toBe('Audrey');
    expect(compiledCased(guessed)).toContain('Audrey');
    const own = official(
      'Audrey Tang',
      'TW',
      [{ text: '唐鳳', lang: 'zh-Hant' }],
      [{ text: 'Tang', short: true, caseSensitive: true }],
    );
    const cased = compiledCased(own);
    expect(cased).toContain('Tang');
    expect(cased).not.toContain('Audrey');
    expect(flagsOf(own, 'Tang')! & ALIAS_SHORT).toBe(ALIAS_SHORT);
  });

  it('a surname that is a dictionary word ("Sun") is also ambiguous; "Gensler" is not', () => {
    const surnameFlags = (r: EntityRecord, text: string) => {
      const { index } = compileDataset([r], opts);
      const k = [...index.entCased].findIndex((c) => c >= 0 && index.meta.casedTexts[c] === text);
      expect(k, `no case-sensitive entry "${text}"`).toBeGreaterThanOrEqual(0);
      return index.entFlags[k]!;
    };
    const sun = surnameFlags(official('Sun Weimin', 'CN'), 'Sun');
    expect(sun & (ALIAS_SHORT | ALIAS_AMBIGUOUS)).toBe(ALIAS_SHORT | ALIAS_AMBIGUOUS);
    const gensler = surnameFlags(official('Gary Gensler', 'US'), 'Gensler');
    expect(gensler & ALIAS_SHORT).toBe(ALIAS_SHORT);
    expect(gensler & ALIAS_AMBIGUOUS).toBe(0);
  });
});
