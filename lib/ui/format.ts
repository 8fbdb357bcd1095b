/**
 * Dates, times, numbers, places and lists for a locale, with `Intl`. Pure: the locale is an
 * argument (lib/ui/i18n.ts passes the interface's), so this runs in Node for the tests.
 */

const cache = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T {
  let v = cache.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The locale to format in: the catalogue's language (`en`, `zh-CN`), in the browser's own regional
 * variant when the two are the same language (`en-GB` dates for a British English browser). A
 * browser whose language has no catalogue reads English, so it gets English formats too: words
 * such as "3 days ago" must be in the language of the text around them.
 */
export function pickLocale(catalogue: string, browserUi: string | undefined): string {
  const ui = browserUi?.replace(/_/g, '-');
  if (ui && primary(ui) === primary(catalogue)) {
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf([ui]).length) return ui;
    } catch {
      // A malformed tag: the catalogue's own.
    }
  }
  return catalogue;
}

export function formatNumber(n: number, locale: string): string {
  return memo(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** A moment (ms since the epoch) as a medium date and a short time, in the reader's time zone. */
export function formatDateTime(ms: number, locale: string): string {
  return memo(
    `dt|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(ms);
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A dataset date — `2022-08-19`, `2019-03` or `2019` — at the precision it was given: "Aug 19,
 * 2022", "Mar 2019", "2019" (en-US); "2022年8月19日", "2019年3月", "2019年" (zh-CN). A calendar
 * date, not a moment: formatted in UTC so no time zone moves it a day. Anything else is shown as
 * written.
 */
export function formatIsoDate(s: string, locale: string): string {
  const m = ISO_DATE.exec(s);
  if (!m) return s;
  const [, y, mo, d] = m;
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return s;
  const opts: Intl.DateTimeFormatOptions = d
    ? { dateStyle: 'medium' }
    : mo
      ? { year: 'numeric', month: 'short' }
      : { year: 'numeric' };
  const precision = d ? 'd' : mo ? 'm' : 'y';
  const f = memo(`iso|${precision}|${locale}`, () => new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' }));
  return f.format(Date.UTC(Number(y), month - 1, day));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Up to this age a moment is told as "3 days ago"; older ones by their date. */
export const RELATIVE_SPAN_MS = 7 * DAY;

/**
 * How long ago `ms` was, in words ("5 minutes ago", "yesterday", "3 days ago"), while it is less
 * than a week and more than a minute ago; undefined otherwise (the caller shows the date, or
 * "just now").
 */
export function formatRelative(ms: number, now: number, locale: string): string | undefined {
  const ago = now - ms;
  if (ago < MINUTE || ago >= RELATIVE_SPAN_MS) return undefined;
  const f = memo(`rel|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  if (ago < HOUR) return f.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return f.format(-Math.floor(ago / HOUR), 'hour');
  // Days by the calendar, so a note from last night reads "yesterday" this morning.
  const days = Math.round((startOfDay(now) - startOfDay(ms)) / DAY);
  return f.format(-Math.max(1, days), 'day');
}

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** A country or region code's name in the locale ("CN" → "China", "中国"); the code when unknown. */
export function regionName(code: string, locale: string): string {
  try {
    return memo(`region|${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** What separates the items of a list in the locale: ", " (en), "、" (zh). */
export function listSeparator(locale: string): string {
  return memo(`sep|${locale}`, () => {
    try {
      const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).formatToParts(['a', 'b', 'c']);
      return parts.find((p) => p.type === 'literal')?.value ?? ', ';
    } catch {
      return ', ';
    }
  });
}
