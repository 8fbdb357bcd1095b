import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../../lib/dataset/schema';
import { datasetStats, monthsBefore, nameScript, scriptOf, staleReport } from '../../lib/dataset/stats';

const rec = (id: string, extra: Partial<EntityRecord>): EntityRecord =>
  ({
    id,
    type: 'official',
    name: id,
    jurisdiction: 'US',
    description: 'x',
    official: { roles: [{ title: 'Minister', start: '2020-01-01' }] },
    sources: ['https://example.org/'],
    asOf: '2026-01-01',
    ...extra,
  }) as EntityRecord;

describe('dataset stats', () => {
  it('tells the script of a native name from its tag', () => {
    expect(['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-CN', 'ja', 'ko', 'ko-Hang', 'de', 'zh'].map(scriptOf)).toEqual([
      'Hans',
      'Hant',
      'Hant',
      'Hans',
      'Jpan',
      'Kore',
      'Kore',
      'other',
      'other',
    ]);
  });
  it('tells the script of a name from its characters, Han by the tag or Hani', () => {
    const of = (text: string, lang: string) => nameScript({ text, lang });
    expect(of('王伟', 'zh')).toBe('Hani'); // a bare zh tag: simplified or traditional is not said
    expect(of('王伟', 'zh-Hans')).toBe('Hans');
    expect(of('鄭麗君', 'zh-TW')).toBe('Hant');
    expect(of('山本太郎', 'ja')).toBe('Jpan');
    expect(of('ヤクルト本社', 'zh')).toBe('Jpan'); // kana, whatever the tag
    expect(of('이상배', 'zh')).toBe('Kore');
    expect(of('Deutsche Bank', 'de')).toBe('other');
    expect(of('Toyota', 'ja')).toBe('other'); // Latin letters under a ja tag
  });
  it('counts former officials, Wikidata ids, native names by script and CJK coverage', () => {
    const s = datasetStats(
      [
        rec('cn-a', { jurisdiction: 'CN', nativeNames: [{ text: '甲', lang: 'zh-Hans' }], ids: { wikidata: 'Q1' } }),
        rec('cn-e', { jurisdiction: 'CN', nativeNames: [{ text: '乙', lang: 'zh' }] }),
        rec('jp-b', { jurisdiction: 'JP', official: { roles: [{ title: 'Minister', start: '2019', end: '2021' }] } }),
        rec('us-c', { official: { roles: [{ title: 'Senator', start: '2021-01-03', end: '2027-01-03' }] } }),
        rec('de-d', {
          type: 'firm',
          official: undefined,
          firm: {},
          jurisdiction: 'DE',
          nativeNames: [{ text: 'D AG', lang: 'de' }],
        }),
      ],
      { isWord: () => false },
      '2026-12-04',
    );
    expect(s).toMatchObject({
      entities: 5,
      firms: 1,
      officials: 4,
      formerOfficials: 1, // jp-b; us-c's term runs to 2027
      withWikidata: 1,
      withNativeName: { all: 3, Hans: 1, Hant: 0, Hani: 1, Jpan: 0, Kore: 0, other: 1 },
      cjkEntities: 3,
      cjkWithNativeName: 2,
    });
  });
});

describe('dataset:stale', () => {
  it('counts months back', () => {
    expect(monthsBefore('2026-12-04', 12)).toBe('2025-12-04');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
  });
  it('lists open roles whose sources are old, and records behind their newest source', () => {
    const r = staleReport(
      [
        rec('old', { asOf: '2024-05-01' }),
        rec('fresh', { asOf: '2026-06-01' }),
        rec('ended', { asOf: '2020-01-01', official: { roles: [{ title: 'Minister', end: '2021' }] } }),
        rec('behind', { asOf: '2026-01-01', sources: [{ url: 'https://example.org/', date: '2026-06-15' }] }),
      ],
      '2026-12-04',
    );
    expect(r.openRoles).toEqual([{ id: 'old', title: 'Minister', newestSource: '2024-05-01' }]);
    expect(r.behindSources).toEqual([{ id: 'behind', asOf: '2026-01-01', newestSource: '2026-06-15' }]);
  });
});
