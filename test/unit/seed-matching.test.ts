import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileDataset } from '../../lib/dataset/compile';
import { defaultExpandOptions, loadDataset } from '../../lib/dataset/load';
import { deserializeIndex, serializeIndex } from '../../lib/match/index-format';
import { findMentions } from '../../lib/match/resolve';
import { Scanner } from '../../lib/match/scan';

let scanner: Scanner;
beforeAll(() => {
  const ds = loadDataset();
  const { index } = compileDataset(ds.records, defaultExpandOptions(), ds.curatedIds);
  // Through the serialised form, as the content script loads it.
  scanner = new Scanner(deserializeIndex(serializeIndex(index)));
});

const ids = (text: string) => findMentions(scanner, text).map((m) => `${m.id}:${m.text}`);

const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_6a909c4f30d2f6ea.txt');

describe.skipIf(!existsSync(SEED))('the seed article', () => {
  test('finds all six entities, their short forms, and nothing else', () => {
    const found = ids(readFileSync(SEED, 'utf8'));
    for (const want of [
      'cn-cac:Cyberspace Administration of China',
      'cn-cac:CAC',
      'cn-niu-yibing:Niu Yibing',
      'cn-sun-weimin:Sun Weimin',
      'cn-sun-weimin:Sun',
      'cn-alibaba:Alibaba Group',
      'cn-tencent:Tencent Holdings',
      'cn-didi:Didi Global',
      'cn-didi:Didi',
    ])
      expect(found).toContain(want);
    expect(new Set(found.map((f) => f.split(':')[0]))).toEqual(
      new Set(['cn-cac', 'cn-niu-yibing', 'cn-sun-weimin', 'cn-alibaba', 'cn-tencent', 'cn-didi']),
    );
    expect(found.filter((f) => f === 'cn-cac:CAC')).toHaveLength(4);
  });
});

describe('aliases of the seed entities', () => {
  test.each([
    ['Cyberspace Administration of China (CAC) said', ['cn-cac:Cyberspace Administration of China', 'cn-cac:CAC']],
    ['据国家互联网信息办公室消息', ['cn-cac:国家互联网信息办公室']],
    ['国家网信办发布新规', ['cn-cac:国家网信办']],
    ['网信办表示', ['cn-cac:网信办']],
    ['shares of Alibaba Group Holding Limited rose', ['cn-alibaba:Alibaba Group Holding Limited']],
    ['Alibaba’s cloud unit', ['cn-alibaba:Alibaba']],
    ['阿里巴巴集团和腾讯控股', ['cn-alibaba:阿里巴巴集团', 'cn-tencent:腾讯控股']],
    ['Tencent Holdings Ltd. and Didi Global Inc', ['cn-tencent:Tencent Holdings Ltd', 'cn-didi:Didi Global Inc']],
    ['NIU YIBING SAID', ['cn-niu-yibing:NIU YIBING']], // full names match in any case
    ['Didi\u00a0Global and Didi\nGlobal', ['cn-didi:Didi\u00a0Global', 'cn-didi:Didi\nGlobal']],
  ])('%s', (text, want) => {
    const got = ids(text);
    for (const w of want) expect(got).toContain(w);
  });

  test('an ambiguous alias needs evidence on the page', () => {
    expect(ids('Didi went to the market.')).toEqual([]);
    expect(ids('The CAC met on Monday.')).toEqual([]);
    expect(ids('Didi Global said Didi would comply.')).toEqual(['cn-didi:Didi Global', 'cn-didi:Didi']);
  });

  test('an ambiguous firm listed among firms named outright is that firm; a list of fruit is not', () => {
    const listed = ids('The gatekeepers are Alphabet, Meta Platforms, ByteDance and Booking, the Commission said.');
    expect(listed).toContain('us-bkng:Booking');
    expect(ids('Apple and Microsoft reported results.')).toContain('us-aapl:Apple');
    expect(ids('We bought Apple, Banana and Orange at the market.')).toEqual([]);
    // Once Apple the firm is on the page, a list of fruit still is not.
    expect(ids('Apple and Microsoft rose. A sign read "Apple, Pear and Plum".')).toEqual([
      'us-aapl:Apple',
      'us-msft:Microsoft',
    ]);
    // A person named before the word is not a firm of the list.
    expect(ids('Scott Bessent and Apple pie.')).not.toContain('us-aapl:Apple');
  });

  test('a market move names a listed firm; the same words without one do not', () => {
    expect(ids('Block fell 4% after the company cut its outlook.')).toContain('us-xyz:Block');
    expect(ids('Shares of Target rose on Thursday.')).toContain('us-tgt:Target');
    expect(ids('Apple shares slipped.')).toContain('us-aapl:Apple');
    expect(ids('Apple fell from the tree. Target practice starts at noon.')).toEqual([]);
  });

  test('a short form marks a body when someone tied to it is named beside it', () => {
    expect(ids('Treasury Secretary Scott Bessent said talks would go on.')).toContain('us-treasury:Treasury');
    expect(ids('Treasury yields rose. Scott Bessent said talks would go on.')).not.toContain('us-treasury:Treasury');
    // … and further on, once it has been.
    expect(
      ids('Treasury Secretary Scott Bessent spoke. He said the Treasury would borrow more.').filter(
        (x) => x === 'us-treasury:Treasury',
      ),
    ).toHaveLength(2);
    expect(
      ids('Treasury Secretary Scott Bessent spoke. Treasury yields fell.').filter((x) => x === 'us-treasury:Treasury'),
    ).toHaveLength(1);
  });

  test('a surname marks a person only after the full name', () => {
    expect(ids('Sun said the review would continue.')).toEqual([]);
    expect(ids('Sun Weimin spoke. Sun said the review would continue.')).toEqual([
      'cn-sun-weimin:Sun Weimin',
      'cn-sun-weimin:Sun',
    ]);
  });

  test('acronyms are case-sensitive: "sec." and "Sec." are not the SEC', () => {
    expect(ids('see sec. 4 and Sec. 5 of the act').filter((x) => x.startsWith('us-sec'))).toEqual([]);
  });
});
