import { describe, expect, it } from 'vitest';
import {
  ADATA_FILE,
  aShareName,
  cleanName,
  halfWidth,
  importWorldListed,
  JPX_FILE,
  KRX_FILE,
  type WorldListedConfig,
} from '../../lib/dataset/importers/world-listed';
import type { ImportContext } from '../../lib/dataset/importers/source';
import type { EntityRecord } from '../../lib/dataset/schema';

const HEADER = 'symbol,name,sector,industry,country,city,website,market_cap,isin,delisted';

const FILES: Record<string, string> = {
  'JerBouma__FinanceDatabase/equities/SHH.csv': [
    HEADER,
    '600519.SS,"Kweichow Moutai Co., Ltd.",Consumer Staples,Beverages,China,Renhuai,http://www.moutaichina.com,Mega Cap,CNE0000018R8,False',
    '900901.SS,INESA Intelligent Tech Inc.,Industrials,,China,Shanghai,,Mid Cap,,False',
    '501000.SS,Guojin Flexible Allocation Mixed Fund (LOF),Financials,,China,,,Mid Cap,,False',
    '600000.SS,Gone Bank Co. Ltd.,Financials,Banks,China,Shanghai,,Large Cap,,True',
  ].join('\n'),
  'JerBouma__FinanceDatabase/equities/HKG.csv': [
    HEADER,
    '0700.HK,Tencent Holdings Limited,Communication Services,Media,China,Shenzhen,,Mega Cap,,False',
    '0857.HK,"PetroChina Co., Ltd. Class H",Energy,Oil & Gas,China,Beijing,,Large Cap,,False',
    '0101.HK,Hang Lung Properties Limited,Real Estate,Real Estate,Hong Kong,Central,,Mid Cap,,False',
    '0005.HK,HSBC Holdings plc,Financials,Banks,United Kingdom,London,,Mega Cap,,False',
  ].join('\n'),
  'JerBouma__FinanceDatabase/equities/SHZ.csv': [
    HEADER,
    '601857.SZ,"PetroChina Co., Ltd.",Energy,Oil & Gas,China,Beijing,,Large Cap,CNE1000003W8,False',
  ].join('\n'),
  'JerBouma__FinanceDatabase/equities/KSC.csv': [
    HEADER,
    '005930.KS,"Samsung Electronics Co., Ltd.",Information Technology,Semiconductors,South Korea,Suwon,,Mega Cap,,False',
    '005935.KS,"Samsung Electronics Co., Ltd.",Information Technology,Semiconductors,South Korea,Suwon,,Mega Cap,,False',
    '50F041.KS,POSCO,Materials,Steel,South Korea,Pohang,,Large Cap,,False',
    '000060.KS,Meritz Fire & Marine Insurance Co.,Financials,Insurance,South Korea,Seoul,,Mid Cap,,False',
  ].join('\n'),
  'JerBouma__FinanceDatabase/equities/NSE.csv': [
    HEADER,
    'RELIANCE.NS,Reliance Industries Limited,Energy,Oil & Gas,India,Mumbai,,Mega Cap,,False',
    'TATAMOTORS.NS,Tata Motors Limited,Consumer Discretionary,Automobiles,India,Mumbai,,Large Cap,,False',
  ].join('\n'),
  'JerBouma__FinanceDatabase/equities/BSE.csv': [
    HEADER,
    'TATAMOTORS.BO,Tata Motors Limited,Consumer Discretionary,Automobiles,India,Mumbai,,Large Cap,,False',
  ].join('\n'),
  [ADATA_FILE]: [
    'stock_code,short_name,exchange,list_date',
    '600519,贵州茅台,SH,2001-08-27',
    '601857,中国石油,SZ,2007-11-05',
  ].join('\n'),
  [JPX_FILE]: JSON.stringify([{ コード: '7203', 銘柄名: 'トヨタ自動車' }]),
  [KRX_FILE]: [
    'Code,ISU_CD,Name,Market',
    '005930,KR7005930003,삼성전자,KOSPI',
    '005935,KR7005931001,삼성전자우,KOSPI',
  ].join('\n'),
};

function ctx(files: Record<string, string>): ImportContext {
  return {
    read: (rel) => {
      const t = files[rel];
      if (t === undefined) throw new Error(`no file ${rel}`);
      return t;
    },
    exists: (rel) => rel in files,
    list: () => [],
    isWord: () => false,
    reservedIds: new Set(),
  };
}

const SRC = { url: 'https://example.org/{file}', date: '2026-08-16', title: 'FinanceDatabase ({file})' };
const BANDS = ['Mega Cap', 'Large Cap', 'Mid Cap'];
const CFG: WorldListedConfig = {
  markets: [
    {
      file: 'SHH',
      exchange: 'SSE',
      countries: ['China'],
      bands: BANDS,
      suffix: '.SS',
      symbolPattern: '^\\d{6}$',
      nativeNames: 'adata-SH',
    },
    {
      file: 'SHZ',
      exchange: 'SZSE',
      countries: ['China'],
      bands: BANDS,
      suffix: '.SZ',
      symbolPattern: '^\\d{6}$',
      nativeNames: 'adata-SZ',
    },
    {
      file: 'HKG',
      exchange: 'HKEX',
      countries: ['Hong Kong', 'China'],
      bands: BANDS,
      suffix: '.HK',
      symbolPattern: '^\\d{4,5}$',
      bandsWithoutNativeName: ['Mega Cap', 'Large Cap'],
    },
    {
      file: 'KSC',
      exchange: 'KRX',
      countries: ['South Korea'],
      bands: BANDS,
      suffix: '.KS',
      symbolPattern: '^\\d{6}$',
      nativeNames: 'krx',
    },
    { file: 'NSE', exchange: 'NSE', countries: ['India'], bands: BANDS, suffix: '.NS', symbolPattern: '^[A-Z0-9&-]+$' },
    { file: 'BSE', exchange: 'BSE', countries: ['India'], bands: BANDS, suffix: '.BO', symbolPattern: '^[A-Z0-9&-]+$' },
  ],
  countries: { China: 'CN', 'Hong Kong': 'HK', 'South Korea': 'KR', India: 'IN' },
  idPrefix: {},
  excludeNames: ['\\bFund\\b', '\\bLOF\\b'],
  koreanPreferred: '우[A-Z]?$',
  bandWords: { 'Mega Cap': 'mega-cap', 'Large Cap': 'large-cap', 'Mid Cap': 'mid-cap' },
  sameFirm: {},
  sources: {
    JerBouma__FinanceDatabase: SRC,
    '1nchaos__adata': { url: 'https://example.org/adata', date: '2025-08-07', title: 'adata' },
    'umihico__kabu-json-all-stock-list': { url: 'https://example.org/jpx', date: '2026-08-21', title: 'jpx' },
    FinanceData__fdr_krx_data_cache: { url: 'https://example.org/krx', date: '2026-03-22', title: 'krx' },
  },
};

function run(files = FILES, existing: EntityRecord[] = [], curatedIds = new Set<string>()) {
  return importWorldListed(ctx(files), { cfg: CFG, existing, curatedIds });
}
const byId = (records: EntityRecord[], id: string) => records.find((r) => r.id === id);

describe('world-listed importer: names', () => {
  it('drops A-share trading markers and full-width forms, never the name itself', () => {
    expect(aShareName('*ST国华')).toBe('国华');
    expect(aShareName('万  科Ａ')).toBe('万科');
    expect(aShareName('TCL科技')).toBe('TCL科技');
    expect(aShareName('贵州茅台')).toBe('贵州茅台');
    // Delisting-period markers, in front or at the end.
    expect(aShareName('退市锦港')).toBe('锦港');
    expect(aShareName('绿景退')).toBe('绿景');
    expect(halfWidth('ＣＣＮグループ')).toBe('CCNグループ');
  });

  it('drops share-line words from FinanceDatabase names', () => {
    expect(cleanName('ZTO Express (Cayman), Inc. Sponsored ADR Class A')).toBe('ZTO Express (Cayman), Inc.');
    expect(cleanName('Saab AB (publ)')).toBe('Saab AB');
  });
});

describe('world-listed importer', () => {
  it('makes firm records with native names joined by exchange code', () => {
    const { records } = run();
    const moutai = byId(records, 'cn-kweichow-moutai')!;
    expect(moutai.name).toBe('Kweichow Moutai');
    expect(moutai.nativeNames).toEqual([{ text: '贵州茅台', lang: 'zh-Hans' }]);
    expect(moutai.firm).toMatchObject({
      legalName: 'Kweichow Moutai Co., Ltd.',
      tickers: [{ symbol: '600519', exchange: 'SSE' }],
      headquarters: 'Renhuai, China',
    });
    expect(moutai.ids?.isin).toEqual(['CNE0000018R8']);
    expect(moutai.jurisdiction).toBe('CN');
    expect(moutai.asOf).toBe('2026-08-16');
    expect(moutai.description).toContain('SSE (600519)');
    const samsung = byId(records, 'kr-samsung-electronics')!;
    expect(samsung.nativeNames).toEqual([{ text: '삼성전자', lang: 'ko' }]);
    expect(samsung.ids?.isin).toEqual(['KR7005930003']);
    expect(samsung.firm?.tickers).toEqual([{ symbol: '005930', exchange: 'KRX' }]);
  });

  it('joins two lines of one company by ISIN or name and keeps both tickers', () => {
    const { records } = run();
    const petro = records.filter((r) => r.name === 'PetroChina');
    expect(petro).toHaveLength(1);
    expect(petro[0]!.firm?.tickers).toEqual([
      { symbol: '601857', exchange: 'SZSE' },
      { symbol: '0857', exchange: 'HKEX' },
    ]);
    const tata = byId(records, 'in-tata-motors')!;
    expect(tata.firm?.tickers).toEqual([
      { symbol: 'TATAMOTORS', exchange: 'NSE' },
      { symbol: 'TATAMOTORS', exchange: 'BSE' },
    ]);
  });

  it('leaves out funds, delisted rows, other countries, preferred lines and unnamed mid caps', () => {
    const { records, skipped } = run();
    const names = records.map((r) => r.name);
    expect(names).not.toContain('Guojin Flexible Allocation Mixed Fund (LOF)');
    expect(names.join()).not.toMatch(/Gone Bank|HSBC|Hang Lung/);
    expect(records.filter((r) => r.jurisdiction === 'KR')).toHaveLength(1);
    expect(skipped).toContain(
      'JerBouma__FinanceDatabase/equities/HKG.csv row 4: Hang Lung Properties Limited (Mid Cap) has no native-script name, left out',
    );
    // A code the exchange's own list no longer has is named with its file and row.
    expect(skipped.some((s) => s.startsWith('JerBouma__FinanceDatabase/equities/KSC.csv row 5: 000060'))).toBe(true);
    expect(skipped).toContain(
      'JerBouma__FinanceDatabase/equities/KSC.csv row 4: symbol "50F041.KS" is not a KRX share code',
    );
  });

  it('gives a firm already curated its curated id', () => {
    const curated: EntityRecord = {
      id: 'cn-tencent',
      type: 'firm',
      name: 'Tencent Holdings',
      jurisdiction: 'CN',
      description: 'Chinese internet group.',
      firm: { tickers: [{ symbol: '0700', exchange: 'HKEX' }] },
      sources: ['https://example.org/'],
      asOf: '2026-01-01',
    };
    const { records } = run(FILES, [curated], new Set(['cn-tencent']));
    expect(records.filter((r) => /tencent/i.test(r.name)).map((r) => r.id)).toEqual(['cn-tencent']);
  });

  it('keeps a small firm only with a long enough native name, and makes KOSPI firms FinanceDatabase lacks', () => {
    const files = {
      ...FILES,
      'JerBouma__FinanceDatabase/equities/SHH.csv': [
        FILES['JerBouma__FinanceDatabase/equities/SHH.csv'],
        '600169.SS,Taiyuan Heavy Industry Co. Ltd.,Industrials,Machinery,China,Taiyuan,,Small Cap,,False',
        '600872.SS,Spring Everyday Co. Ltd.,Industrials,Machinery,China,Beijing,,Small Cap,,False',
      ].join('\n'),
      [ADATA_FILE]: [FILES[ADATA_FILE], '600169,太原重工,SH,1998-09-04', '600872,春天,SH,2000-01-01'].join('\n'),
      [KRX_FILE]: [
        FILES[KRX_FILE],
        '024110,KR7024110009,기업은행,KOSPI',
        '030190,KR7030190003,NICE평가정보,KOSPI',
        '034310,KR7034310003,NICE,KOSPI',
        '001040,KR7001040005,CJ,KOSPI',
        '091990,KR7091990002,셀트리온헬스케어,KOSDAQ',
      ].join('\n'),
    };
    const markets = CFG.markets.map((m) =>
      m.file === 'SHH'
        ? { ...m, bands: [...BANDS, 'Small Cap'], nativeMinLength: { 'Small Cap': 4 } }
        : m.file === 'KSC'
          ? { ...m, exchangeListOnly: { segments: ['KOSPI'], minLength: 4 } }
          : m,
    );
    const { records, skipped } = importWorldListed(ctx(files), { cfg: { ...CFG, markets } });
    expect(byId(records, 'cn-taiyuan-heavy-industry')?.nativeNames).toEqual([{ text: '太原重工', lang: 'zh-Hans' }]);
    expect(records.some((r) => r.name.startsWith('Spring Everyday'))).toBe(false);
    expect(skipped.some((s) => s.includes('600872') && s.includes('short native name 春天'))).toBe(true);
    const ibk = byId(records, 'kr-krx-024110')!;
    expect(ibk).toMatchObject({
      name: '기업은행',
      nativeNames: [{ text: '기업은행', lang: 'ko' }],
      ids: { isin: ['KR7024110009'] },
    });
    expect(ibk.firm?.tickers).toEqual([{ symbol: '024110', exchange: 'KRX' }]);
    // Only the exchange's list is cited: FinanceDatabase has no row for it.
    expect(ibk.sources).toEqual([{ url: 'https://example.org/krx', date: '2026-03-22', title: 'krx' }]);
    expect(byId(records, 'kr-krx-030190')?.name).toBe('NICE평가정보');
    // Too short, Latin letters only, or another segment: left out.
    expect(records.map((r) => r.id)).not.toContain('kr-krx-034310');
    expect(records.map((r) => r.id)).not.toContain('kr-krx-001040');
    expect(records.map((r) => r.id)).not.toContain('kr-krx-091990');
  });

  it('names a malformed row with its file and row', () => {
    const files = { ...FILES, 'JerBouma__FinanceDatabase/equities/NSE.csv': `${HEADER}\nBAD.NS,Bad Row,Energy\n` };
    expect(() => run(files)).toThrow('JerBouma__FinanceDatabase/equities/NSE.csv: row 2: expected 10 fields, found 3');
  });
});
