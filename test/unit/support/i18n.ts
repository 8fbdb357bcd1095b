/**
 * Stands in for WXT's generated `#i18n` module in unit tests (vitest.config.ts aliases it): the real
 * `createI18n` of @wxt-dev/i18n over a `browser.i18n.getMessage` that reads the catalogues as the
 * build writes them (locales/*.yml → messages.json) and substitutes `$1`… as Chrome does. Tests
 * pick the browser's language with `useBrowserLanguage`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import type { GeneratedI18nStructure } from '../../../.wxt/i18n/structure';

export const LOCALES_DIR = join(import.meta.dirname, '..', '..', '..', 'locales');

/** A catalogue as the browser receives it: messages.json, by lower-cased name (Chrome ignores case). */
export function chromeMessages(file: string): Map<string, string> {
  const parsed = parseMessagesText(readFileSync(join(LOCALES_DIR, file), 'utf8'), 'YAML');
  const json = generateChromeMessages(parsed) as Record<string, { message: string }>;
  return new Map(Object.entries(json).map(([k, v]) => [k.toLowerCase(), v.message]));
}

const catalogues = { en: chromeMessages('en.yml'), zh_CN: chromeMessages('zh_CN.yml') };
let active: Map<string, string> = catalogues.en;
let browserUi = 'en_US';

/** The browser's language, and the catalogue the browser would pick for it (English by default). */
export function useBrowserLanguage(lang: string): void {
  browserUi = lang.replace('-', '_');
  active = /^zh[-_]CN$/i.test(lang) || /^zh$/i.test(lang) ? catalogues.zh_CN : catalogues.en;
}

function getMessage(name: string, substitutions?: string | string[]): string {
  if (name === '@@ui_locale') return browserUi;
  if (name === '@@bidi_dir') return 'ltr';
  const message = active.get(name.toLowerCase()) ?? catalogues.en.get(name.toLowerCase());
  if (message === undefined) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

const g = globalThis as { chrome?: Record<string, unknown> };
g.chrome = { ...(g.chrome ?? {}), i18n: { getMessage, getUILanguage: () => browserUi.replace('_', '-') } };

const { createI18n } = await import('@wxt-dev/i18n');
export const i18n = createI18n<GeneratedI18nStructure>();
