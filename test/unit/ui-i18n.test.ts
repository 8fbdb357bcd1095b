import { afterEach, describe, expect, test } from 'vitest';
import { parseTags } from '../../lib/notes/search';
import {
  formatDateTime,
  formatIsoDate,
  formatNumber,
  formatRelative,
  listSeparator,
  pickLocale,
  regionName,
} from '../../lib/ui/format';
import {
  formatCount,
  formatDate,
  formatDateRange,
  formatMoment,
  formatWhen,
  jurisdictionName,
  kindOf,
  rich,
  slot,
  t,
  tagsText,
  typeLabel,
  uiLanguage,
  uiLocale,
} from '../../lib/ui/i18n';
import { useBrowserLanguage } from './support/i18n';

afterEach(() => useBrowserLanguage('en-US'));

describe('formats (Intl, locale given)', () => {
  test('the locale: the catalogue language, in the browser regional variant when the language agrees', () => {
    expect(pickLocale('en', 'en-GB')).toBe('en-GB');
    expect(pickLocale('en', 'en_US')).toBe('en-US');
    expect(pickLocale('zh-CN', 'zh-CN')).toBe('zh-CN');
    // Chromium started with --lang=zh-CN but without its own Chinese strings still says en-US.
    expect(pickLocale('zh-CN', 'en-US')).toBe('zh-CN');
    // A German browser reads the English catalogue: English formats, not German ones in English text.
    expect(pickLocale('en', 'de-DE')).toBe('en');
    expect(pickLocale('en', undefined)).toBe('en');
  });

  test('dataset dates at their own precision, never moved a day by the time zone', () => {
    expect(formatIsoDate('2022-08-19', 'en-US')).toBe('Aug 19, 2022');
    expect(formatIsoDate('2022-08-19', 'en-GB')).toBe('19 Aug 2022');
    expect(formatIsoDate('2022-08-19', 'zh-CN')).toBe('2022年8月19日');
    expect(formatIsoDate('2019-03', 'en-US')).toBe('Mar 2019');
    expect(formatIsoDate('2019-03', 'zh-CN')).toBe('2019年3月');
    expect(formatIsoDate('2019', 'en-US')).toBe('2019');
    expect(formatIsoDate('2019', 'zh-CN')).toBe('2019年');
    expect(formatIsoDate('2024-01-01', 'en-US')).toBe('Jan 1, 2024');
    // Not a date: shown as written.
    expect(formatIsoDate('c. 1990', 'en-US')).toBe('c. 1990');
    expect(formatIsoDate('2019-13', 'en-US')).toBe('2019-13');
  });

  test('numbers, moments, regions and list separators follow the locale', () => {
    expect(formatNumber(10000, 'en-US')).toBe('10,000');
    expect(formatNumber(10000, 'zh-CN')).toBe('10,000');
    expect(formatNumber(1234.5, 'de-DE')).toBe('1.234,5');
    const noon = new Date(2026, 0, 5, 12, 30).getTime();
    expect(formatDateTime(noon, 'en-US')).toMatch(/^Jan 5, 2026, 12:30\sPM$/);
    expect(formatDateTime(noon, 'zh-CN')).toBe('2026年1月5日 12:30');
    expect(regionName('CN', 'en')).toBe('China');
    expect(regionName('CN', 'zh-CN')).toBe('中国');
    expect(regionName('EU', 'zh-CN')).toBe('欧盟');
    expect(regionName('XX-not-a-region', 'en')).toBe('XX-not-a-region');
    expect(listSeparator('en')).toBe(', ');
    expect(listSeparator('zh-CN')).toBe('、');
  });

  test('how long ago: minutes, hours, calendar days for a week, then nothing (the date is shown)', () => {
    const now = new Date(2026, 2, 10, 9, 0).getTime();
    const min = 60_000;
    expect(formatRelative(now - 30_000, now, 'en')).toBeUndefined();
    expect(formatRelative(now - 5 * min, now, 'en')).toBe('5 minutes ago');
    expect(formatRelative(now - 5 * min, now, 'zh-CN')).toBe('5分钟前');
    expect(formatRelative(now - 3 * 60 * min, now, 'en')).toBe('3 hours ago');
    // Within a day, in hours; beyond, in calendar days: two nights ago at 22:00 is "2 days ago" at 9:00.
    expect(formatRelative(new Date(2026, 2, 9, 22, 0).getTime(), now, 'en')).toBe('11 hours ago');
    expect(formatRelative(new Date(2026, 2, 8, 22, 0).getTime(), now, 'en')).toBe('2 days ago');
    expect(formatRelative(new Date(2026, 2, 9, 8, 0).getTime(), now, 'en')).toBe('yesterday');
    expect(formatRelative(new Date(2026, 2, 9, 8, 0).getTime(), now, 'zh-CN')).toBe('昨天');
    expect(formatRelative(new Date(2026, 2, 6, 8, 0).getTime(), now, 'zh-CN')).toBe('4天前');
    expect(formatRelative(now - 8 * 24 * 60 * min, now, 'en')).toBeUndefined();
    expect(formatRelative(now + 5 * min, now, 'en')).toBeUndefined();
  });
});

describe('the interface in the browser language', () => {
  test('English by default: words, labels, plurals and formats', () => {
    useBrowserLanguage('en-US');
    expect(uiLanguage()).toBe('en');
    expect(uiLocale()).toBe('en-US');
    expect(typeLabel('regulator')).toBe('Regulator');
    expect(typeLabel('firm')).toBe('Firm');
    expect(typeLabel('official')).toBe('Official');
    expect(jurisdictionName('CN')).toBe('China');
    expect(jurisdictionName('EU')).toBe('European Union');
    expect(jurisdictionName('INT')).toBe('International');
    expect(kindOf({ type: 'firm', jurisdiction: 'US' })).toBe('Firm · United States');
    expect(t('list.count', 1, [formatCount(1)])).toBe('1 note');
    expect(t('list.count', 10000, [formatCount(10000)])).toBe('10,000 notes');
    expect(t('list.filteredCount', 10000, [formatCount(10000)], { shown: formatCount(1) })).toBe('1 of 10,000 notes');
    expect(t('popup.mentions', 1, [formatCount(1)])).toBe('1 mention');
    expect(t('popup.mentions', 3, [formatCount(3)])).toBe('3 mentions');
    expect(t('notes.newLabel', { name: 'Apple' })).toBe('New note on Apple');
    expect(formatDate('2022-08-19')).toBe('Aug 19, 2022');
    expect(formatDateRange('2019-03', '2023')).toBe('Mar 2019 – 2023');
    expect(formatDateRange('2019-03')).toBe('since Mar 2019');
    expect(formatDateRange(undefined, '2023')).toBe('until 2023');
    expect(formatDateRange()).toBe('');
    const now = Date.now();
    expect(formatWhen(now - 1000, now)).toBe('just now');
    expect(formatWhen(now + 2000, now)).toBe('just now'); // saved as the page rendered
    expect(formatWhen(now + 3 * 86_400_000, now)).toBe(formatMoment(now + 3 * 86_400_000)); // another clock
    expect(formatWhen(now - 2 * 3_600_000, now)).toBe('2 hours ago');
  });

  test('a British English browser keeps the English words with British dates', () => {
    useBrowserLanguage('en-GB');
    expect(uiLocale()).toBe('en-GB');
    expect(formatDate('2022-08-19')).toBe('19 Aug 2022');
    expect(typeLabel('official')).toBe('Official');
  });

  test('Simplified Chinese for a zh-CN browser', () => {
    useBrowserLanguage('zh-CN');
    expect(uiLanguage()).toBe('zh-CN');
    expect(uiLocale()).toBe('zh-CN');
    expect(typeLabel('regulator')).toBe('监管机构');
    expect(typeLabel('firm')).toBe('公司');
    expect(typeLabel('official')).toBe('官员');
    expect(jurisdictionName('CN')).toBe('中国');
    expect(jurisdictionName('US')).toBe('美国');
    expect(jurisdictionName('EU')).toBe('欧盟');
    expect(jurisdictionName('INT')).toBe('国际');
    expect(kindOf({ type: 'regulator', jurisdiction: 'CN' })).toBe('监管机构 · 中国');
    expect(t('list.count', 10000, [formatCount(10000)])).toBe('10,000 条笔记');
    expect(t('list.filteredCount', 10000, [formatCount(10000)], { shown: formatCount(1) })).toBe(
      '1 条，共 10,000 条笔记',
    );
    expect(t('popup.mentions', 3, [formatCount(3)])).toBe('提及 3 次');
    expect(t('notes.newLabel', { name: 'Apple' })).toBe('关于 Apple 的新笔记');
    expect(formatDate('2022-08-19')).toBe('2022年8月19日');
    expect(formatDateRange('2019-03', '2023')).toBe('2019年3月 至 2023年');
    expect(formatDateRange('2019-03')).toBe('自 2019年3月 起');
    const now = Date.now();
    expect(formatWhen(now - 1000, now)).toBe('刚刚');
    expect(formatWhen(now - 2 * 3_600_000, now)).toBe('2小时前');
    // Entity data stays as it is: only the words around it change.
    expect(t('card.label', { name: 'Cyberspace Administration of China' })).toBe(
      'Dramatis：Cyberspace Administration of China',
    );
  });

  test('tags are shown for editing with the language separator, which they are parsed back from', () => {
    useBrowserLanguage('zh-CN');
    expect(tagsText(['数据', 'follow-up'])).toBe('数据、follow-up');
    expect(parseTags(tagsText(['数据', 'follow-up']))).toEqual(['数据', 'follow-up']);
    expect(parseTags('数据，跟进, data')).toEqual(['数据', '跟进', 'data']);
    useBrowserLanguage('en-US');
    expect(tagsText(['data', 'follow-up'])).toBe('data, follow-up');
    expect(parseTags(tagsText(['data', 'follow-up']))).toEqual(['data', 'follow-up']);
  });

  test('a message with an element inside it keeps the translation word order', () => {
    const parts = (text: string) =>
      (rich(text, { link: 'LINK' }) as { props: { children: unknown } }[]).map((p) => p.props.children);
    useBrowserLanguage('en-US');
    expect(parts(t('list.empty', { link: slot('link') }))).toEqual([
      'No notes yet. Hover a marked name on a page, or ',
      'LINK',
      '.',
    ]);
    useBrowserLanguage('zh-CN');
    expect(parts(t('list.empty', { link: slot('link') }))).toEqual([
      '还没有笔记。将鼠标停在网页上标出的名称上，或',
      'LINK',
      '。',
    ]);
  });
});

test('storage failures reach the reader in the interface language', async () => {
  const { describeStorageError } = await import('../../lib/notes/errors');
  const words = () => ({
    storageFull: t('errors.storageFull'),
    newerDatabase: t('errors.newerDatabase'),
    databaseClosed: (detail: string) => t('errors.databaseClosed', { detail }),
  });
  const quota = new DOMException('quota', 'QuotaExceededError');
  const blocked = Object.assign(new Error('blocked'), { name: 'OpenFailedError' });
  useBrowserLanguage('zh-CN');
  expect(describeStorageError(quota, words())).toMatch(/^存储空间已满/);
  expect(describeStorageError(blocked, words())).toContain('无法打开笔记数据库（blocked）');
  useBrowserLanguage('en-US');
  expect(describeStorageError(quota, words())).toBe(describeStorageError(quota));
});

test('why a name was marked: every rule in both languages, the English words those of the rules table', async () => {
  const { RULE_IDS, RULE_TEXT } = await import('../../lib/match/rules');
  const { whyMarked } = await import('../../lib/ui/i18n');
  useBrowserLanguage('en-US');
  for (const id of RULE_IDS) expect(whyMarked(id), id).toBe(RULE_TEXT[id]);
  expect(t('why.summary')).toBe('Why is this marked?');
  useBrowserLanguage('zh-CN');
  const zh = RULE_IDS.map((id) => whyMarked(id));
  for (const text of zh) expect(text).toMatch(/\p{Script=Han}/u);
  expect(new Set(zh).size).toBe(RULE_IDS.length);
  expect(t('why.summary')).toBe('为什么标出它？');
});
