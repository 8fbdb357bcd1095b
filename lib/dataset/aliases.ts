/**
 * Alias expansion: from a record's name, native names and listed aliases to the flat list of
 * strings the matcher compiles, each with the flags matching needs. Pure; runs at build time.
 */
import type { AliasInput, EntityRecord } from './schema';

export const ALIAS_ACRONYM = 1;
export const ALIAS_CASE_SENSITIVE = 2;
export const ALIAS_AMBIGUOUS = 4;
export const ALIAS_SHORT = 8;
export const ALIAS_CJK = 16;
/** The canonical name or a native name: strong evidence for the entity when seen. */
export const ALIAS_FULL = 32;
/**
 * Set on candidates (never in the bundled index) that come from the reader's own names
 * (lib/match/custom-layer.ts): where the reader's name and a bundled one tie, the reader's wins.
 */
export const ALIAS_READER = 64;

export interface ExpandedAlias {
  text: string;
  entityId: string;
  flags: number;
}

const CJK_RE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
const ACRONYM_RE = /^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&.-]{1,9}$/;

export function isCjk(text: string): boolean {
  return CJK_RE.test(text);
}

/** "CAC", "SEC", "BaFin", "S&P": short, no spaces, capitals beyond the first letter. */
export function looksLikeAcronym(text: string): boolean {
  if (!ACRONYM_RE.test(text)) return false;
  const upper = text.replace(/[^A-Z]/g, '').length;
  const letters = text.replace(/[^A-Za-z]/g, '').length;
  return upper >= Math.ceil(letters / 2) || (letters <= 6 && /^[A-Z][a-z]*[A-Z]/.test(text));
}

/**
 * Decides whether an alias is also an ordinary word. `isWord` answers for a lower-case
 * single word (the build passes an English word list). Multi-word names are ordinary only
 * when listed by hand, since "General Motors" is not a phrase anyone writes by chance.
 */
export function isOrdinaryWord(text: string, isWord: (w: string) => boolean): boolean {
  const t = text.trim();
  if (/\s/.test(t) || isCjk(t)) return false;
  if (!/^[A-Za-z][a-z'-]*$/.test(t)) return false; // "SEC", "eBay", "3M" are not dictionary words
  return isWord(t.toLowerCase());
}

export interface ExpandOptions {
  isWord: (w: string) => boolean;
}

function flagsFor(alias: AliasInput, opts: ExpandOptions): { text: string; flags: number } {
  const text = typeof alias === 'string' ? alias.trim() : alias.text.trim();
  let flags = 0;
  const cjk = isCjk(text);
  if (cjk) flags |= ALIAS_CJK;
  const explicit = typeof alias === 'string' ? undefined : alias;
  const acronym = explicit?.acronym ?? (!cjk && looksLikeAcronym(text));
  if (acronym) flags |= ALIAS_ACRONYM | ALIAS_CASE_SENSITIVE;
  if (explicit?.caseSensitive) flags |= ALIAS_CASE_SENSITIVE;
  if (explicit?.caseSensitive === false) flags &= ~ALIAS_CASE_SENSITIVE;
  if (explicit?.ambiguous ?? isOrdinaryWord(text, opts.isWord)) flags |= ALIAS_AMBIGUOUS;
  if (explicit?.short) flags |= ALIAS_SHORT;
  return { text, flags };
}

/** Every alias of one record, deduplicated by text (the first spelling's flags win). */
export function expandAliases(
  record: Pick<EntityRecord, 'id' | 'name' | 'nativeNames' | 'aliases'>,
  opts: ExpandOptions,
): ExpandedAlias[] {
  const out = new Map<string, ExpandedAlias>();
  const add = (text: string, flags: number, explicit = false) => {
    if (!text) return;
    const prev = out.get(text);
    // An alias listed with flags overrides what was inferred for the same text (so a name that
    // is also a dictionary word can be declared unambiguous: {"text": "Anthropic", "ambiguous": false}).
    if (prev) prev.flags = explicit ? flags | (prev.flags & ALIAS_FULL) : prev.flags | (flags & ALIAS_FULL);
    else out.set(text, { text, entityId: record.id, flags });
  };
  const name = flagsFor(record.name, opts);
  add(name.text, name.flags | ALIAS_FULL);
  for (const n of record.nativeNames ?? []) {
    const f = flagsFor(n.text, opts);
    add(f.text, f.flags | ALIAS_FULL);
  }
  for (const a of record.aliases ?? []) {
    const f = flagsFor(a, opts);
    add(f.text, f.flags, typeof a !== 'string');
  }
  // "The Federal Reserve" is also written without the article.
  for (const a of [...out.values()]) {
    const m = /^the\s+(.+)$/i.exec(a.text);
    if (m?.[1] && !(a.flags & ALIAS_SHORT)) add(m[1], a.flags & ~ALIAS_FULL);
  }
  return [...out.values()];
}

/** Where romanised names are written family name first (Hong Kong mixes both: native name decides). */
const FAMILY_NAME_FIRST = new Set(['CN', 'TW', 'KR', 'KP', 'VN']);

/**
 * The surname news uses on second reference. Latin-script names put it last ("Gary Gensler"
 * → "Gensler"); romanised Chinese and Korean names put it first ("Sun Weimin" → "Sun"), which
 * the record shows by a zh/ko native name.
 */
export function surnameOf(record: EntityRecord): string | undefined {
  if (record.type !== 'official' || isCjk(record.name)) return undefined;
  const tokens = record.name
    .replace(/\s+(Jr\.?|Sr\.?|II|III|IV)$/i, '')
    .replace(/,$/, '')
    .split(/\s+/);
  if (tokens.length < 2) return undefined;
  const familyFirst =
    FAMILY_NAME_FIRST.has(record.jurisdiction) || (record.nativeNames ?? []).some((n) => /^(zh|ko|vi)\b/i.test(n.lang));
  const surname = familyFirst ? tokens[0] : tokens[tokens.length - 1];
  return surname && /^[A-Z][\p{L}'’-]{1,}$/u.test(surname) ? surname : undefined;
}
