/**
 * Alias flags, shared by the dataset compiler (which sets them) and the matcher (which reads them
 * from the index). Bits of one byte per index entry.
 */

/** An initialism ("CAC", "SEC"): matched case-sensitively, never inside a word. */
export const ALIAS_ACRONYM = 1;
/** Only this letter case matches. */
export const ALIAS_CASE_SENSITIVE = 2;
/** Also an ordinary word or another entity's name: accepted only with evidence on the page. */
export const ALIAS_AMBIGUOUS = 4;
/** A short reference (a surname, "the Commission"): only once the full name is on the page. */
export const ALIAS_SHORT = 8;
/** Written in Chinese, Japanese or Korean script (no word boundaries are checked). */
export const ALIAS_CJK = 16;
/** The canonical name or a native name: strong evidence for the entity when seen. */
export const ALIAS_FULL = 32;
/** The firm's own ticker symbol ("ECL"): marked only in a ticker's context ("$ECL", "NYSE: ECL"). */
export const ALIAS_TICKER = 64;
/** Of several entities sharing this alias, by far the best known ("SEC": the US one): a regulation page means it. */
export const ALIAS_PREFERRED = 128;
/**
 * Set on candidates only (never in an index's byte of flags) that come from the reader's own names
 * (custom-layer.ts): where the reader's name and a bundled one tie, the reader's wins.
 */
export const ALIAS_READER = 256;
