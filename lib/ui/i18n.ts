/**
 * The interface's words and formats. Messages live in one catalogue per language (`locales/en.yml`,
 * `locales/zh_CN.yml`), built by @wxt-dev/i18n into `_locales/<lang>/messages.json`; `t` reads them
 * through `browser.i18n.getMessage`, so the browser's language picks the catalogue (English when
 * there is none for it). Keys and placeholders are typed from en.yml: a missing key, or a missing
 * `{name}`, fails `tsc`; test/unit/i18n-catalogues.test.ts checks the other catalogue matches.
 */
import { i18n } from '#i18n';
import { Fragment, h, type ComponentChildren } from 'preact';
import type { EntityType } from '../dataset/schema';
import type { RuleId } from '../match/rules';
import {
  formatAgo as formatAgoIn,
  formatDateTime,
  formatDay as formatDayIn,
  formatIsoDate,
  formatNumber,
  formatRelative,
  listSeparator as formatListSeparator,
  pickLocale,
  regionName,
} from './format';

export const t = i18n.t;

let picked: { catalogue: string; browser: string; locale: string } | undefined;

/** The locale dates and numbers are formatted for (see `pickLocale`). */
export function uiLocale(): string {
  const catalogue = t('locale');
  const browser = t('@@ui_locale');
  if (picked?.catalogue !== catalogue || picked.browser !== browser)
    picked = { catalogue, browser, locale: pickLocale(catalogue, browser) };
  return picked.locale;
}

/** The language of the interface's text, for `lang` attributes: `en` or `zh-CN`. */
export function uiLanguage(): string {
  return t('locale');
}

/** Marks a page with the interface's language and direction, and gives it its title. */
export function applyDocumentLocale(doc: Document, title?: string): void {
  doc.documentElement.lang = uiLanguage();
  doc.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  if (title) doc.title = title;
}

const TYPE_LABEL: Record<EntityType | 'other', () => string> = {
  other: () => t('type.other'),
  regulator: () => t('type.regulator'),
  firm: () => t('type.firm'),
  official: () => t('type.official'),
};

/** "Regulator" / "监管机构", "Firm" / "公司", "Official" / "官员". */
export function typeLabel(type: EntityType | 'other'): string {
  return TYPE_LABEL[type]();
}

const WHY: Record<RuleId, () => string> = {
  named: () => t('why.named'),
  'named-on-page': () => t('why.namedOnPage'),
  'most-recent-named': () => t('why.mostRecentNamed'),
  'beside-tied': () => t('why.besideTied'),
  'related-on-page': () => t('why.relatedOnPage'),
  'listed-with-named': () => t('why.listedWithNamed'),
  'market-move': () => t('why.marketMove'),
  'context-cue': () => t('why.contextCue'),
  'known-by-surname': () => t('why.knownBySurname'),
  'best-known-namesake': () => t('why.bestKnownNamesake'),
  'accepted-on-page': () => t('why.acceptedOnPage'),
  'after-tied': () => t('why.afterTied'),
  'defined-acronym': () => t('why.definedAcronym'),
  'ticker-context': () => t('why.tickerContext'),
  'descriptive-reference': () => t('why.descriptiveReference'),
  'short-reference': () => t('why.shortReference'),
  'title-after-name': () => t('why.titleAfterName'),
};

/** Why the card's name was marked, in the interface's language (a new rule needs its words here). */
export function whyMarked(rule: RuleId): string {
  return WHY[rule]();
}

/** A jurisdiction code's name in the interface's language: "CN" → "China" / "中国", "EU", "INT". */
export function jurisdictionName(code: string): string {
  if (code === 'INT') return t('jurisdiction.INT');
  return regionName(code, uiLocale());
}

/** "Regulator · China": what a search result or a chosen entity is. */
export function kindOf(e: { type: EntityType | 'other'; jurisdiction?: string }): string {
  return e.jurisdiction ? `${typeLabel(e.type)} · ${jurisdictionName(e.jurisdiction)}` : typeLabel(e.type);
}

export function formatCount(n: number): string {
  return formatNumber(n, uiLocale());
}

/** A moment, as a date and time. */
export function formatMoment(ms: number): string {
  return formatDateTime(ms, uiLocale());
}

/** A moment's day, as a date alone. */
export function formatDay(ms: number): string {
  return formatDayIn(ms, uiLocale());
}

/** A dataset date (`2022-08-19`, `2019-03`, `2019`) at its own precision. */
export function formatDate(iso: string): string {
  return formatIsoDate(iso, uiLocale());
}

/** When something happened: "just now", "5 minutes ago", "yesterday", or its date and time. */
export function formatWhen(ms: number, now: number): string {
  // A few seconds "in the future" are clocks a tick apart (a note saved as the page renders).
  if (Math.abs(now - ms) < 60_000) return t('common.justNow');
  return formatRelative(ms, now, uiLocale()) ?? formatDateTime(ms, uiLocale());
}

/** How long ago, however long: "just now", "3 days ago", "2 months ago" (where names were seen). */
export function formatAgo(ms: number, now = Date.now()): string {
  return formatAgoIn(ms, now, uiLocale()) ?? t('common.justNow');
}

/** A role's or a term's dates: "Mar 2019 – 2023", "since Mar 2019", "until 2023"; '' when none. */
export function formatDateRange(start?: string, end?: string | null): string {
  if (start && end) return t('entity.dateRange', { start: formatDate(start), end: formatDate(end) });
  if (start) return t('entity.since', { start: formatDate(start) });
  if (end) return t('entity.until', { end: formatDate(end) });
  return '';
}

/** What separates the items of a list in the interface's language: ", " or "、". */
export function listSeparator(): string {
  return formatListSeparator(uiLocale());
}

/** Items joined as the language lists them ("a, b" / "a、b"). */
export function joinList(items: readonly string[]): string {
  return items.join(listSeparator());
}

/** Tags as the editor shows them: joined by the language's list separator, which `parseTags` splits on. */
export function tagsText(tags: readonly string[]): string {
  return joinList(tags);
}

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** A stand-in for an element inside a message: `t('add.from', { source: slot('source') })`. */
export function slot(name: string): string {
  return `${OPEN}${name}${CLOSE}`;
}

/**
 * A message with elements in it (a link inside a sentence): the `slot`s in `text` replaced by the
 * nodes of the same name, so translations may put them wherever their grammar wants.
 */
export function rich(text: string, nodes: Record<string, ComponentChildren>): ComponentChildren {
  const parts = text.split(new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`));
  return parts.map((part, i) => h(Fragment, { key: i }, i % 2 ? nodes[part] : part));
}
