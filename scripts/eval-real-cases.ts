/**
 * The real-news evaluation set (`test/fixtures/real/cases.json`, rules in `docs/EVAL.md`):
 * case records, the local cache of excerpts, the page built from an excerpt, occurrence
 * counting, and how a label finds its dataset entity. Used by `scripts/eval.ts`,
 * `scripts/eval-cache.ts` and `scripts/eval-label.ts`.
 *
 * The excerpts are other people's writing: only their length and sha256 are committed. The
 * text lives in `$DRAMATIS_EVAL_CACHE` or `~/.cache/dramatis/eval-real/<case id>.txt`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EntityRecord } from '../lib/dataset/schema';

export const ROOT_DIR = join(import.meta.dirname, '..');
export const CASES_FILE = join(ROOT_DIR, 'test', 'fixtures', 'real', 'cases.json');

export type EntityType = 'regulator' | 'firm' | 'official';

export interface RealLabel {
  /** The mention exactly as it stands in the excerpt (whitespace collapsed). */
  text: string;
  /** 1-based index among whole-word occurrences of `text` in the page text. */
  occurrence: number;
  type: EntityType;
  /** Canonical English name of the entity. */
  name: string;
  /** ISO 3166-1 alpha-2, EU or INT. */
  jurisdiction: string;
  /** Dataset id, when the entity was in the dataset when labelled. */
  entity?: string;
  /** Wikidata item, only when read from a source. */
  wikidata?: string;
}

export interface RealCase {
  id: string;
  /** The query run on the search tool's `pages` corpus that returned the excerpt. */
  query: string;
  corpus: 'pages';
  /** The address the search result gave for the excerpt. */
  url: string;
  lang: string;
  kind: 'on-topic' | 'off-topic';
  jurisdictions: string[];
  /** Length of the excerpt in UTF-16 code units (JavaScript string length). */
  length: number;
  sha256: string;
  labels: RealLabel[];
}

export interface CasesFile {
  note: string;
  cases: RealCase[];
}

export function cacheDir(): string {
  return process.env.DRAMATIS_EVAL_CACHE ?? join(homedir(), '.cache', 'dramatis', 'eval-real');
}

export const cachePath = (id: string) => join(cacheDir(), `${id}.txt`);

export function loadCases(): RealCase[] {
  return (JSON.parse(readFileSync(CASES_FILE, 'utf8')) as CasesFile).cases;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export type CacheState = { status: 'ok'; text: string } | { status: 'missing' } | { status: 'changed'; why: string };

/** The cached excerpt of a case, if present and unchanged. */
export function readCached(c: Pick<RealCase, 'id' | 'length' | 'sha256'>): CacheState {
  const path = cachePath(c.id);
  if (!existsSync(path)) return { status: 'missing' };
  const text = readFileSync(path, 'utf8');
  if (text.length !== c.length) return { status: 'changed', why: `length ${text.length}, expected ${c.length}` };
  const digest = sha256(text);
  if (digest !== c.sha256)
    return { status: 'changed', why: `sha256 ${digest.slice(0, 12)}…, expected ${c.sha256.slice(0, 12)}…` };
  return { status: 'ok', text };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const HTML_LANG: Record<string, string> = { zh: 'zh', ja: 'ja', ko: 'ko', en: 'en' };

/**
 * The page shown to the extension: the first non-empty line is the title (and an `<h1>`),
 * every further non-empty line a paragraph.
 */
export function excerptHtml(text: string, lang: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const [title = '', ...rest] = lines;
  return `<!doctype html><html lang="${HTML_LANG[lang] ?? lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:760px;margin:32px auto;padding:0 16px}</style></head>
<body><article><h1>${escapeHtml(title)}</h1>
${rest.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></body></html>`;
}

/** The visible text of that page as the eval reads it: whitespace runs collapsed to one space. */
export const flatText = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A letter or digit of a script with word boundaries (ideographs, kana and hangul have none). */
export function isWordChar(c: string | undefined): boolean {
  return (
    !!c &&
    /[\p{L}\p{N}]/u.test(c) &&
    !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(c)
  );
}

/** Start offsets of whole-word occurrences of `needle` in `flat` (same rule as the eval's page reader). */
export function occurrencesOf(flat: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = flat.indexOf(needle); at !== -1; at = flat.indexOf(needle, at + 1)) {
    const wordStart = isWordChar(needle[0]) && isWordChar(flat[at - 1]);
    const wordEnd = isWordChar(needle[needle.length - 1]) && isWordChar(flat[at + needle.length]);
    if (!wordStart && !wordEnd) out.push(at);
  }
  return out;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export interface Resolver {
  /** The dataset record a label stands for, if the dataset has it today. */
  resolve(l: Pick<RealLabel, 'type' | 'name' | 'entity' | 'wikidata'>): EntityRecord | undefined;
}

/**
 * A label finds its entity by `entity` id, else by `wikidata` id, else by its exact `name`
 * (or an alias or native name equal to it) among records of the label's type. A name that
 * several records of that type share resolves to none.
 */
export function makeResolver(records: EntityRecord[]): Resolver {
  const byId = new Map(records.map((r) => [r.id, r]));
  const byWikidata = new Map<string, EntityRecord>();
  const byName = new Map<string, EntityRecord[]>();
  const add = (key: string, r: EntityRecord) => {
    const k = `${r.type}\u0000${norm(key)}`;
    const list = byName.get(k) ?? [];
    if (!list.includes(r)) list.push(r);
    byName.set(k, list);
  };
  for (const r of records) {
    const wd = (r as { ids?: { wikidata?: string } }).ids?.wikidata;
    if (wd) byWikidata.set(wd, r);
    add(r.name, r);
  }
  // Aliases only where no record has that exact name (a name beats an alias).
  const aliasIndex = new Map<string, EntityRecord[]>();
  for (const r of records) {
    const texts = [
      ...(r.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
      ...(r.nativeNames ?? []).map((n) => n.text),
    ];
    for (const t of texts) {
      const k = `${r.type}\u0000${norm(t)}`;
      const list = aliasIndex.get(k) ?? [];
      if (!list.includes(r)) list.push(r);
      aliasIndex.set(k, list);
    }
  }
  return {
    resolve(l) {
      if (l.entity) return byId.get(l.entity);
      if (l.wikidata && byWikidata.has(l.wikidata)) return byWikidata.get(l.wikidata);
      const k = `${l.type}\u0000${norm(l.name)}`;
      const named = byName.get(k);
      if (named?.length === 1) return named[0];
      if (named && named.length > 1) return undefined;
      const aliased = aliasIndex.get(k);
      return aliased?.length === 1 ? aliased[0] : undefined;
    },
  };
}
