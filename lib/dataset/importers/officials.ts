/**
 * Helpers shared by the importers of officials outside the US (IfG ministers, European
 * Parliament MEPs, EveryPolitician/Wikidata position holders): partial dates as the source
 * gives them, year spans for descriptions, name folding, id allocation and an in-memory
 * context for tests.
 */
import type { Role } from '../schema';
import type { ImportContext } from './source';

const LETTERS: Record<string, string> = {
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ß: 'ss',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
};

/** "Dan Jørgensen" → "dan-jorgensen": lower-case ASCII words joined by hyphens, for record ids. */
export function personSlug(s: string): string {
  return s
    .replace(/[øØæÆœŒßłŁđĐðÐþÞıħĦ]/g, (c) => LETTERS[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A date as precise as the source gives it (YYYY, YYYY-MM, YYYY-MM-DD), or undefined. Never padded. */
export function partialDate(raw: string | undefined): string | undefined {
  const s = (raw ?? '').trim();
  return PARTIAL_DATE.test(s) ? s : undefined;
}

/** Did a role (start/end as partial dates, end empty while held) last into or past `since` (a year)? */
export function heldSince(end: string | undefined | null, since = '2008'): boolean {
  return !end || end.slice(0, 4) >= since;
}

/** "2010–2016", "2019–" (still held when the list was taken), "2016" (start and end the same year). */
export function yearSpan(start: string | undefined, end: string | undefined | null): string {
  const a = start?.slice(0, 4);
  const b = end?.slice(0, 4);
  if (a && b) return a === b ? a : `${a}–${b}`;
  if (a) return `${a}–`;
  if (b) return `until ${b}`;
  return '';
}

/** A name reduced for comparison: no diacritics or punctuation, lower case, single spaces. */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‐-―'’.,]/g, (c) => (c === ',' || c === '.' ? ' ' : c === "'" || c === '’' ? '' : '-'))
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Is role `a` the same post as `b` over a span inside b's (an open end counts as the latest)? */
function within(a: Role, b: Role): boolean {
  return a.title === b.title && (b.start ?? '') <= (a.start ?? '') && (a.end ?? '9999') <= (b.end ?? '9999');
}

/** Drops roles that repeat another role's title over a span inside it (Wikidata often states a post twice). */
export function dedupeRoles(roles: Role[]): Role[] {
  const out: Role[] = [];
  for (const r of roles) {
    if (out.some((o) => within(r, o))) continue;
    for (let i = out.length - 1; i >= 0; i--) if (within(out[i]!, r)) out.splice(i, 1);
    out.push(r);
  }
  return out;
}

/**
 * Hands out record ids: `<prefix>-<slug>`, and on a clash (with another source's record, a
 * curated record or an earlier one of this run) the first free of the given alternatives,
 * e.g. the birth year or the Wikidata number.
 */
export class IdAllocator {
  private readonly used = new Set<string>();
  constructor(private readonly reserved: ReadonlySet<string>) {}

  free(id: string): boolean {
    return !this.used.has(id) && !this.reserved.has(id);
  }

  take(base: string, alternatives: (string | undefined)[]): string {
    for (const c of [base, ...alternatives.filter((a): a is string => !!a).map((a) => `${base}-${a}`)])
      if (this.free(c)) {
        this.used.add(c);
        return c;
      }
    for (let n = 2; ; n++) {
      const c = `${base}-${n}`;
      if (this.free(c)) {
        this.used.add(c);
        return c;
      }
    }
  }

  /** Claims an id chosen elsewhere (a curated record's, so that the curated one replaces ours). */
  claim(id: string): void {
    this.used.add(id);
  }
}

/** An ImportContext over in-memory files, for tests and for importers reading hand-made rows. */
export function memoryContext(
  files: Record<string, string>,
  opts: { reservedIds?: Iterable<string>; isWord?: (w: string) => boolean } = {},
): ImportContext {
  const norm = (p: string) => p.replace(/\/+$/, '');
  return {
    read: (rel) => {
      const text = files[rel];
      if (text === undefined) throw new Error(`no file ${rel}`);
      return text;
    },
    exists: (rel) => rel in files || Object.keys(files).some((k) => k.startsWith(`${norm(rel)}/`)),
    list: (dir) =>
      Object.keys(files)
        .filter((k) => k.startsWith(`${norm(dir)}/`))
        .map((k) => k.slice(norm(dir).length + 1))
        .filter((k) => !k.includes('/'))
        .sort(),
    isWord: opts.isWord ?? (() => false),
    reservedIds: new Set(opts.reservedIds ?? []),
  };
}
