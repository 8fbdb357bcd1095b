import { describe, expect, it } from 'vitest';
import { companyAliases, isDistinctive, stripLegalSuffix } from '../../lib/dataset/legal-forms';
import suffixes from '../../lib/dataset/legal-suffixes.generated.json';

describe('stripLegalSuffix', () => {
  it.each([
    ['Apple Inc.', 'Apple'],
    ['The Home Depot, Inc.', 'The Home Depot'],
    ['Alibaba Group Holding Limited', 'Alibaba Group Holding'],
    ['Tencent Holdings Ltd.', 'Tencent Holdings'],
    ['Foo Co., Ltd.', 'Foo'],
    ['Merck & Co.', 'Merck'],
    ['Deere & Company', 'Deere'],
    ['Aon plc', 'Aon'],
    ['Siemens AG', 'Siemens'],
    ['Nestlé S.A.', 'Nestlé'],
    ['ASML Holding N.V.', 'ASML Holding'],
    ['Robert Bosch GmbH', 'Robert Bosch'],
    ['Toyota Motor Corporation', 'Toyota Motor'],
    ['Sony K.K.', 'Sony'],
    ['阿里巴巴集团控股有限公司', '阿里巴巴集团控股'],
    ['比亚迪股份有限公司', '比亚迪'],
    ['腾讯科技（深圳）有限公司', '腾讯科技（深圳）'],
    ['北京字节跳动科技有限责任公司', '北京字节跳动科技'],
    ['トヨタ自動車株式会社', 'トヨタ自動車'],
    ['Coca-Cola Company (The)', 'The Coca-Cola'],
    // generic remainders keep their form
    ['Southern Company', 'Southern Company'],
    ['News Corp', 'News Corp'],
    ['Inc.', 'Inc.'],
    ['Microsoft', 'Microsoft'],
    ['Mas', 'Mas'],
  ])('%s → %s', (input, out) => expect(stripLegalSuffix(input)).toBe(out));
});

describe('companyAliases', () => {
  it.each<[string, string[]]>([
    ['Alibaba Group Holding Limited', ['Alibaba Group Holding', 'Alibaba Group', 'Alibaba']],
    ['The Home Depot, Inc.', ['The Home Depot', 'Home Depot']],
    ['Apple Inc.', ['Apple']],
    ['Coca-Cola Company (The)', ['Coca-Cola']],
    ['TKO Group Holdings', ['TKO Group', 'TKO']],
    ['American International Group', []],
    ['Public Service Enterprise Group', []],
    ['HSBC Holdings plc', ['HSBC Holdings', 'HSBC']],
    ['阿里巴巴集团控股有限公司', ['阿里巴巴集团控股', '阿里巴巴集团', '阿里巴巴']],
  ])('%s', (input, out) => expect(companyAliases(input)).toEqual(out));

  it('never returns the input or a one-letter name', () => {
    for (const n of ['X Corp.', 'A Inc.', 'Group Holdings Limited'])
      for (const a of companyAliases(n)) {
        expect(a).not.toBe(n);
        expect(a.replace(/[^\p{L}\p{N}]/gu, '').length).toBeGreaterThanOrEqual(2);
      }
  });
});

describe('isDistinctive', () => {
  it.each([
    ['Alibaba', true],
    ['American International', false],
    ['Financial', false],
    ['X', false],
  ])('%s → %s', (s, v) => expect(isDistinctive(s as string)).toBe(v));
});

describe('legal-suffixes.generated.json', () => {
  it('holds the common Latin and CJK forms from ISO 20275', () => {
    for (const f of [
      'Inc.',
      'Corp.',
      'Corporation',
      'Ltd',
      'Limited',
      'plc',
      'AG',
      'SE',
      'S.A.',
      'N.V.',
      'GmbH',
      'Co.',
      'LLC',
    ])
      expect(suffixes.latin).toContain(f);
    for (const f of ['有限公司', '股份有限公司', '株式会社']) expect(suffixes.cjk).toContain(f);
  });
  it('leaves out short codes and ordinary words that end real names', () => {
    for (const f of ['II', 'HK', 'OK', 'Trust', 'Partnership', 'Gemeinde', 'Bank'])
      expect(suffixes.latin).not.toContain(f);
  });
});
