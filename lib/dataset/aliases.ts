/**
 * Alias expansion: from a record's name, native names and listed aliases to the flat list of
 * strings the matcher compiles, each with the flags matching needs. Pure; runs at build time.
 */
import type { AliasInput, EntityRecord } from './schema';

import {
  ALIAS_ACRONYM,
  ALIAS_AMBIGUOUS,
  ALIAS_CASE_SENSITIVE,
  ALIAS_CJK,
  ALIAS_FULL,
  ALIAS_SHORT,
} from '../match/flags';

// The flags live with the index format both the compiler and the matcher read.
export * from '../match/flags';

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
  // A word in capitals is still a word when it is too long for an acronym ("TRANSACTION").
  if (/^[A-Z]{5,}$/.test(t)) return isWord(t.toLowerCase());
  if (!/^[A-Za-z][a-z'-]*$/.test(t)) return false; // "SEC", "eBay", "3M" are not dictionary words
  return isWord(t.toLowerCase());
}

const LINKING = new Set(['of', 'and', 'the', '&', 'for', 'de']);

/**
 * A name made of ordinary words only ("Financial Institutions", "General Motors"): it names the
 * entity as a name, capitalised, but the same words in lower case are just words. Such names
 * are matched as written (and in capitals), never in lower case.
 */
export function isOrdinaryPhrase(text: string, isWord: (w: string) => boolean): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5 || isCjk(text)) return false;
  let content = 0;
  for (const w of words) {
    if (LINKING.has(w.toLowerCase())) continue;
    if (!/^[A-Za-z][a-z'-]*$/.test(w) || !isWord(w.toLowerCase())) return false;
    content++;
  }
  return content >= 1;
}

export interface ExpandOptions {
  isWord: (w: string) => boolean;
  /** An abbreviation English news uses for ordinary things ("CEO", "Q2"): such an alias is ambiguous. */
  isAbbreviation?: (w: string) => boolean;
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
  if (explicit?.ambiguous ?? (isOrdinaryWord(text, opts.isWord) || !!opts.isAbbreviation?.(text)))
    flags |= ALIAS_AMBIGUOUS;
  if (explicit?.short) flags |= ALIAS_SHORT;
  if (explicit?.caseSensitive === undefined && !explicit?.short && isOrdinaryPhrase(text, opts.isWord))
    flags |= ALIAS_CASE_SENSITIVE;
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
  for (const a of [...out.values()]) {
    // A name of ordinary words matched as written is also matched in capitals (headlines) and
    // with every word capitalised ("Securities And Futures Commission").
    if (
      a.flags & ALIAS_CASE_SENSITIVE &&
      !(a.flags & ALIAS_ACRONYM) &&
      /[a-z]/.test(a.text) &&
      isOrdinaryPhrase(a.text, opts.isWord)
    ) {
      add(a.text.toUpperCase(), a.flags & ~ALIAS_FULL);
      add(titleCase(a.text), a.flags & ~ALIAS_FULL);
    }
    // An acronym in mixed case is also written capitalised or in capitals ("BaFin": "Bafin", "BAFIN").
    if (a.flags & ALIAS_ACRONYM && /[a-z]/.test(a.text) && /^[A-Za-z]{4,}$/.test(a.text)) {
      add(a.text[0]!.toUpperCase() + a.text.slice(1).toLowerCase(), a.flags & ~ALIAS_FULL);
      add(a.text.toUpperCase(), a.flags & ~ALIAS_FULL);
    }
    // British and American spellings of the same name ("Defence", "Defense").
    const other = otherSpelling(a.text);
    if (other) add(other, a.flags & ~ALIAS_FULL);
  }
  // "The Federal Reserve" is also written without the article.
  for (const a of [...out.values()]) {
    const m = /^the\s+(.+)$/i.exec(a.text);
    if (m?.[1] && !(a.flags & ALIAS_SHORT)) add(m[1], a.flags & ~ALIAS_FULL);
  }
  return [...out.values()];
}

function titleCase(text: string): string {
  return text.replace(/\b([a-z])/g, (m) => m.toUpperCase());
}

/** Word endings spelled differently in British and American English, both ways. */
const SPELLINGS: [RegExp, string][] = [
  [/\b(Def|Off|Lic|Pret)ence\b/g, '$1ense'],
  [/\b(Def|Off|Lic|Pret)ense\b/g, '$1ence'],
  [/\b(Cent|Met|Theat)re\b/g, '$1er'],
  [/\b(Cent|Met|Theat)er\b/g, '$1re'],
  [/\b(Lab|Harb|Beh|Hon|Fav|Neighb)our\b/g, '$1or'],
  [/\b(Lab|Harb|Beh|Hon|Fav|Neighb)or\b/g, '$1our'],
  [/(\w)isation\b/g, '$1ization'],
  [/(\w)ization\b/g, '$1isation'],
  [/\bProgramme\b/g, 'Program'],
  [/\bEnrolment\b/g, 'Enrollment'],
  [/\bEnrollment\b/g, 'Enrolment'],
];

/** The same name in the other spelling of English, if it differs. */
export function otherSpelling(text: string): string | undefined {
  if (isCjk(text) || !/[a-z]/.test(text)) return undefined;
  let out = text;
  for (const [re, to] of SPELLINGS) out = out.replace(re, to);
  return out !== text ? out : undefined;
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

const HAN = '\\p{Script=Han}々';
/** A Japanese name of two family and two given kanji, or kanji then a given name in kana. */
const JA_FOUR_KANJI = new RegExp(`^[${HAN}]{4}$`, 'u');
const JA_KANJI_KANA = new RegExp(`^([${HAN}]{2,3})[\\p{Script=Hiragana}\\p{Script=Katakana}ー]+$`, 'u');
const JA_SPACED = new RegExp(`^([${HAN}\\p{Script=Hiragana}\\p{Script=Katakana}]{2,})[ \u3000・]`, 'u');

/**
 * The family name Japanese news uses for an official on second reference and with a title
 * (植田総裁, 高市政権), from the record's Japanese name where it can be told without a
 * dictionary: written with a space, kanji before a given name in kana (片山さつき → 片山), or four
 * kanji, which are two and two far more often than not (黒田東彦 → 黒田). Names of three or
 * five kanji (林芳正, 石破茂) are left alone. Chinese and Korean family names are one character:
 * too short to stand alone.
 */
export function cjkSurnameOf(record: EntityRecord): string | undefined {
  if (record.type !== 'official') return undefined;
  for (const n of record.nativeNames ?? []) {
    if (!/^ja\b/i.test(n.lang)) continue;
    const t = n.text.trim();
    const spaced = JA_SPACED.exec(t);
    if (spaced) return spaced[1];
    const kana = JA_KANJI_KANA.exec(t);
    if (kana) return kana[1];
    if (JA_FOUR_KANJI.test(t)) return t.slice(0, 2);
  }
  return undefined;
}
