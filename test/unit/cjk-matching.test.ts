/**
 * Chinese, Japanese and Korean pages: each kind of failure the real-news set showed, as a table
 * of sentences written for this test (never copied from a page), on the real dataset. A row
 * says which entities must be marked and which must not, and, where it matters, the span.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { cjkSurnameOf } from '../../lib/dataset/aliases';
import { compileDataset } from '../../lib/dataset/compile';
import type { EntityRecord } from '../../lib/dataset/schema';
import { defaultExpandOptions, loadDataset } from '../../lib/dataset/load';
import { buildIndex } from '../../lib/match/build';
import { ALIAS_CJK, ALIAS_FULL } from '../../lib/match/flags';
import { CATEGORIES, deserializeIndex, serializeIndex } from '../../lib/match/index-format';
import { PageMatcher, runSteps } from '../../lib/match/page-matcher';
import { findMentions } from '../../lib/match/resolve';
import { RULE_IDS } from '../../lib/match/rules';
import { Scanner } from '../../lib/match/scan';

let scanner: Scanner;
beforeAll(() => {
  const ds = loadDataset();
  const { index } = compileDataset(ds.records, defaultExpandOptions(), ds.curatedIds);
  scanner = new Scanner(deserializeIndex(serializeIndex(index)));
});

const ids = (text: string) => findMentions(scanner, text).map((m) => m.id);
const spans = (text: string) => findMentions(scanner, text).map((m) => `${m.id}:${m.text}`);
const rule = (text: string, id: string) => {
  const m = findMentions(scanner, text).find((x) => x.id === id);
  return m ? RULE_IDS[m.rule] : undefined;
};

interface Row {
  text: string;
  has?: string[];
  not?: string[];
}

function check(rows: Row[]) {
  for (const { text, has = [], not = [] } of rows) {
    const found = ids(text);
    for (const id of has) expect(found, `${id} in ${text}`).toContain(id);
    for (const id of not) expect(found, `${id} not in ${text}`).not.toContain(id);
  }
}

describe('vetoes on CJK pages', () => {
  test('a local office or offices at several levels are not the national body', () => {
    check([
      { text: '两家平台被省级网信办约谈。', not: ['cn-cac'] },
      { text: '該省的省級網信辦通報了處理結果。', not: ['cn-cac'] },
      { text: '省市两级网信办联合开展检查。', not: ['cn-cac'] },
      { text: '国家网信办今天通报了处理结果。', has: ['cn-cac'] },
    ]);
  });

  test('a product, app or account named after a platform is not the firm', () => {
    check([
      { text: '监管部门约谈了网易财经栏目负责人。', not: ['cn-netease'] },
      { text: '部分淘宝直播间存在虚假宣传。', not: ['cn-taobao'] },
      { text: '下架了“爱奇艺”等三款应用程序。', not: ['cn-iqiyi'] },
      { text: '本市日报微博发布了通知。', not: ['cn-weibo'] },
      { text: '监管部门对网易处以罚款。', has: ['cn-netease'] },
      { text: '监管部门约谈了淘宝和微博。', has: ['cn-taobao', 'cn-weibo'] },
    ]);
  });

  test("a body's building is not the body", () => {
    check([
      { text: '記者は日銀本店の前で待った。', not: ['jp-boj'] },
      { text: '日銀は金利を据え置いた。', has: ['jp-boj'] },
    ]);
  });
});

describe('a short name two bodies in two places share', () => {
  test('证监会 is the CSRC unless the page places the Hong Kong SFC', () => {
    check([
      { text: '一家香港持牌公司因内部监控缺失，遭证监会谴责并罚款港币200万元。', has: ['hk-sfc'], not: ['cn-csrc'] },
      { text: '中国证监会对一家上市公司作出行政处罚。', has: ['cn-csrc'], not: ['hk-sfc'] },
      { text: '证监会发布了新的信息披露规则。', has: ['cn-csrc'], not: ['hk-sfc'] },
      { text: '證監會今日譴責一家持牌法團。', has: ['hk-sfc'], not: ['cn-csrc'] },
    ]);
    expect(rule('一家香港持牌公司因内部监控缺失，遭证监会谴责并罚款港币200万元。', 'hk-sfc')).toBe('context-cue');
  });

  test('a list item is placed by the lines around it', () => {
    const blocks = ['香港监管通报', '一、某持牌公司被罚款港币100万元。', '二、证监会终身禁止一名前职员重投业界。'];
    const pm = new PageMatcher(scanner);
    pm.update(
      blocks.map((_, i) => i),
      blocks.map((text, id) => ({ id, text })),
    );
    const found = runSteps(pm.match()).map((m) => scanner.index.meta.ids[m.entity]);
    expect(found).toContain('hk-sfc');
    expect(found).not.toContain('cn-csrc');
  });

  test('a longer name of the usual owner on the page keeps the short one its own', () => {
    check([
      {
        text: '中国证券监督管理委员会表示，香港投资者也受保护。证监会将加强监管。',
        has: ['cn-csrc'],
        not: ['hk-sfc'],
      },
    ]);
  });
});

describe('family names with a title in Japanese, Chinese and Korean text', () => {
  test('a family name with a title after it, of someone tied to the page', () => {
    check([
      { text: '日本銀行の植田総裁は講演で物価に触れた。', has: ['jp-boj', 'jp-kazuo-ueda'] },
      { text: '日銀は会合を開いた。黒田前日銀総裁の時代とは違う。', has: ['jp-haruhiko-kuroda'] },
      { text: '日本の高市政権は経済対策をまとめた。', has: ['jp-sanae-takaichi'] },
      // No title and nothing tying the name in: a family name alone is not enough.
      { text: '植田さんの家は駅の近くにある。', not: ['jp-kazuo-ueda'] },
      { text: '黒田の作品展が開かれた。', not: ['jp-haruhiko-kuroda'] },
    ]);
    expect(rule('日本銀行の植田総裁は講演で物価に触れた。', 'jp-kazuo-ueda')).toBe('title-after-name');
  });

  test('the mark covers the name, not the title after it', () => {
    expect(spans('日本銀行の植田総裁は講演で物価に触れた。')).toContain('jp-kazuo-ueda:植田');
    expect(spans('日銀は会合を開いた。黒田前日銀総裁の時代とは違う。')).toEqual(
      expect.arrayContaining(['jp-haruhiko-kuroda:黒田', 'jp-boj:日銀']),
    );
  });
});

describe('Japanese family names from native names', () => {
  const official = (text: string, lang = 'ja') =>
    ({
      id: 'x',
      type: 'official',
      name: 'X Y',
      jurisdiction: 'JP',
      nativeNames: [{ text, lang }],
    }) as unknown as EntityRecord;
  test.each([
    ['黒田東彦', '黒田'], // four kanji: two and two
    ['片山さつき', '片山'], // kanji, then a given name in kana
    ['山田 花子', '山田'], // written with a space
    ['林芳正', undefined], // three kanji: one and two, or two and one
    ['氷見野良三', undefined],
  ])('%s → %s', (text, want) => expect(cjkSurnameOf(official(text))).toBe(want));
  test('only Japanese names of officials', () => {
    expect(cjkSurnameOf(official('王小明一', 'zh-Hans'))).toBeUndefined();
    expect(cjkSurnameOf({ ...official('黒田東彦'), type: 'firm' } as EntityRecord)).toBeUndefined();
  });
});

describe('Korean names of one or two syllables are ordinary words too', () => {
  test('a firm whose name is a word needs evidence: a list of firms, its shares', () => {
    check([
      { text: '이번 검사의 대상은 중소 금융사다.', not: ['kr-daesang'] },
      { text: '감독 대상에서 제외된 은행도 있다.', not: ['kr-daesang'] },
      { text: '농심, 오뚜기, 대상 등 식품업체가 가격을 올렸다.', has: ['kr-daesang', 'kr-otoki', 'kr-nongshim'] },
      { text: '오뚜기와 대상이 나란히 가격을 올렸다.', has: ['kr-daesang'] },
      { text: '대상 주가가 이틀째 올랐다.', has: ['kr-daesang'] },
    ]);
  });

  test('a person whose name is a word needs a title and a page that ties them in', () => {
    check([
      { text: '국회 정무위원회에서 진영 의원이 질의했다.', has: ['kr-chin-young'] },
      { text: '보수 진영의 결집이 빨라졌다.', not: ['kr-chin-young'] },
    ]);
  });

  test("bodies' two-syllable short forms stay names", () => {
    check([{ text: '한은은 기준금리를 동결했다.', has: ['kr-bok'] }]);
  });
});

describe('a Korean name glued after a country name', () => {
  // The dataset has no Korean names for foreign bodies yet: a small index of its own.
  const small = () => {
    const entities = [
      { id: 'x-securities', name: 'Securities Body', category: CATEGORIES.indexOf('regulator'), cues: [], related: [] },
      { id: 'x-bank', name: 'Central Bank', category: CATEGORIES.indexOf('regulator'), cues: [], related: [] },
    ];
    const aliases = [
      { text: '증감회', entity: 0, flags: ALIAS_CJK | ALIAS_FULL },
      { text: '인민은행', entity: 1, flags: ALIAS_CJK | ALIAS_FULL },
    ];
    return new Scanner(deserializeIndex(serializeIndex(buildIndex(entities, aliases))));
  };
  const smallIds = (text: string) => findMentions(small(), text).map((m) => `${m.id}:${m.text}`);

  test.each([
    ['중국증감회는 과징금을 부과했다.', ['x-securities:증감회']],
    ['증감회와 중국인민은행이 함께 발표했다.', ['x-securities:증감회', 'x-bank:인민은행']],
    ['미국증감회라는 말은 없다.', ['x-securities:증감회']],
    // Glued after anything else it is part of a longer word.
    ['지방증감회가 열렸다.', []],
    ['농협인민은행이라는 곳은 없다.', []],
  ])('%s', (text, want) => expect(smallIds(text)).toEqual(want));
});

describe('a short form the page defines in brackets', () => {
  const small = () => {
    const regulator = CATEGORIES.indexOf('regulator');
    const entities = [
      { id: 'x-tribunal', name: 'Tribunal', category: regulator, cues: [], related: [] },
      { id: 'x-market', name: 'Market Body', category: regulator, cues: [], related: [] },
    ];
    const aliases = [
      { text: '市场行为审裁处', entity: 0, flags: ALIAS_CJK | ALIAS_FULL },
      { text: '국가시장감독관리총국', entity: 1, flags: ALIAS_CJK | ALIAS_FULL },
    ];
    return new Scanner(deserializeIndex(serializeIndex(buildIndex(entities, aliases))));
  };
  const marks = (text: string) => findMentions(small(), text).map((m) => `${m.id}:${m.text}:${RULE_IDS[m.rule]}`);

  test.each([
    [
      '市场行为审裁处（“审裁处”）作出裁定。审裁处还指出了问题。',
      ['x-tribunal:市场行为审裁处:named', 'x-tribunal:审裁处:defined-acronym', 'x-tribunal:审裁处:defined-acronym'],
    ],
    [
      '국가시장감독관리총국(이하 ‘시감총국’)이 출범했다. 시감총국은 조사를 시작했다.',
      ['x-market:국가시장감독관리총국:named', 'x-market:시감총국:defined-acronym', 'x-market:시감총국:defined-acronym'],
    ],
    // Not a short form of the name (its characters are not the name's, in order).
    ['市场行为审裁处（“该机构”）作出裁定。该机构还指出了问题。', ['x-tribunal:市场行为审裁处:named']],
    // Glued after another Korean word, it is part of that word.
    [
      '국가시장감독관리총국(이하 ‘시감총국’) 출범. 지방시감총국도 있다.',
      ['x-market:국가시장감독관리총국:named', 'x-market:시감총국:defined-acronym'],
    ],
  ])('%s', (text, want) => expect(marks(text)).toEqual(want));
});
