/**
 * Page-level decisions over raw candidates: which ambiguous and short aliases the page
 * supports, which of two entities sharing an alias it means, and leftmost-longest choice
 * among overlapping matches. Pure.
 */
import { ALIAS_AMBIGUOUS, ALIAS_READER, ALIAS_SHORT } from '../dataset/aliases';
import { CATEGORIES } from './index-format';
import { foldString, isWordUnit } from './fold';
import type { IndexMeta, MatchIndex } from './index-format';

/**
 * What resolution reads of an index: per entity its category, name, cues and relations. The
 * bundled index, or the bundled index joined with the reader's own entities (custom-layer.ts).
 */
export interface ResolveIndex {
  entityCategory: ArrayLike<number>;
  meta: Pick<IndexMeta, 'names' | 'cues' | 'related'>;
}
import type { Candidate } from './scan';

/** A candidate from one block (run of text read together) of a page. */
export type PageCandidate = Candidate;

export interface Mention {
  block: number;
  start: number;
  end: number;
  entity: number;
  /** How it was accepted: 3 direct or full name on page, 2 related entity on page, 1 context cue. */
  evidence: number;
}

const WEAK = ALIAS_AMBIGUOUS | ALIAS_SHORT;
/** What stands between two items of a list: "A, B", "A, and B", "A and B", "A or B", "A & B". */
const LIST_GAP = /^(?:['’]s)?(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)$/;
/** The capitalised word after a list gap (group 1: the gap), and the one before. */
const LIST_NEXT = /^((?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+))\p{Lu}\p{Ll}/u;
const LIST_PREV = /\p{Lu}\p{Ll}+(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)$/u;
/** Beside: at most two words between, in the same phrase ("Treasury Secretary Scott Bessent"). */
const BESIDE = /^(?:['’]s)?\s*(?:[\p{L}-]+\s+){0,2}$/u;
/** How far from an ambiguous name its context cues are looked for. */
const CUE_WINDOW = 400;

function containsWord(haystack: string, word: string): boolean {
  if (!word) return false;
  for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + 1)) {
    const before = at === 0 ? 0x20 : haystack.charCodeAt(at - 1);
    const after = at + word.length >= haystack.length ? 0x20 : haystack.charCodeAt(at + word.length);
    const edgeStart = isWordUnit(word.charCodeAt(0));
    const edgeEnd = isWordUnit(word.charCodeAt(word.length - 1));
    if ((!edgeStart || !isWordUnit(before)) && (!edgeEnd || !isWordUnit(after))) return true;
  }
  return false;
}

/** Words that may stand before a surname without making it part of another name ("Chair Powell"). */
const TITLES = new Set(
  (
    'President Vice Chair Chairman Chairwoman Chairperson Governor Deputy Commissioner Secretary Minister ' +
    'Premier Senator Sen Rep Representative Congressman Congresswoman Mr Mrs Ms Miss Dr Prof Professor Director ' +
    'Judge Justice Prime Chancellor King Queen Prince Princess General Ambassador Mayor Speaker Leader Chief ' +
    'Administrator Comptroller Attorney Treasurer Governor-General Envoy Spokesperson Spokesman Spokeswoman ' +
    'Vice-Premier Councillor Councilor Commissioner-designate Nominee Sir Dame Lord Lady Baroness Baron ' +
    'Inspector Regulator Officer Executive Founder CEO CFO Boss Mr. Mrs. Ms. Dr. Sen. Rep. Gov. Gen. Pres.'
  ).split(' '),
);
const OFFICIAL = CATEGORIES.indexOf('official');
const FIRM = CATEGORIES.indexOf('firm');
/** Words after a firm's name that make it a quoted company: its shares, or a move in per cent. */
const MARKET_AFTER =
  /^(?:['’]s)?\s+(?:(?:shares|stock)\b|(?:rose|fell|gained|lost|slipped|jumped|dropped|climbed|tumbled|surged|sank|rallied|slumped|edged (?:up|down|higher|lower))\s+(?:by\s+)?\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b))/;
const MARKET_BEFORE = /\b(?:[Ss]hares|[Ss]tock) (?:of|in) $/;

/**
 * A surname right after another capitalised word is part of a different name ("Capitol Hill"
 * is not Travis Hill), unless that word is a title or the person's own given name.
 */
function surnameInOtherName(before: string, entityName: string): boolean {
  const m = /([\p{Lu}][\p{L}'’.-]*)\s+$/u.exec(before);
  if (!m) return false;
  const word = m[1]!;
  // A word ending in a full stop ends a sentence (or is an abbreviated title): not a name before it.
  if (word.endsWith('.') || TITLES.has(word)) return false;
  return !entityName.split(/\s+/).includes(word);
}

export type BlockSlice = (block: number, from: number, to: number) => string;

export function resolveMentions(
  index: ResolveIndex,
  candidates: readonly PageCandidate[],
  /** Text of a block between two offsets (clamped to the block): for context cues and the words before a name. */
  blockSlice: BlockSlice,
): Mention[] {
  const steps = resolveSteps(index, candidates, blockSlice);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same, giving the event loop a turn whenever `shouldYield()` says the slice is used up,
 * so a page with tens of thousands of candidates never blocks it for long.
 */
export async function resolveMentionsSliced(
  index: ResolveIndex,
  candidates: readonly PageCandidate[],
  blockSlice: BlockSlice,
  shouldYield: () => boolean,
  yielder: () => Promise<void>,
): Promise<Mention[]> {
  const steps = resolveSteps(index, candidates, blockSlice);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (shouldYield()) await yielder();
  }
}

/** The resolution itself, as a generator that pauses every few hundred spans. */
export function* resolveSteps(
  index: ResolveIndex,
  candidates: readonly PageCandidate[],
  blockSlice: BlockSlice,
): Generator<void, Mention[]> {
  // Candidates in page order; equal spans end up next to each other.
  const cands = [...candidates].sort((a, b) => a.block - b.block || a.start - b.start || a.end - b.end);
  const pos = (c: { block: number; start: number }) => c.block * 0x4000_0000 + c.start;

  // Entities the page names outright (not through an ambiguous or short alias), and where.
  const strong = new Set<number>();
  const strongAt = new Map<number, number[]>(); // ascending page positions
  for (const c of cands)
    if (!(c.flags & WEAK)) {
      strong.add(c.entity);
      const list = strongAt.get(c.entity);
      if (list) list.push(pos(c));
      else strongAt.set(c.entity, [pos(c)]);
    }
  const lastStrongBefore = (entity: number, at: number): number => {
    const list = strongAt.get(entity);
    if (!list || list[0]! >= at) return -1;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]! < at) lo = mid;
      else hi = mid - 1;
    }
    return list[lo]!;
  };

  /** Index of the first of `list` (in page order) at or after page position `at`. */
  const firstAtOrAfter = (list: readonly PageCandidate[], at: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pos(list[mid]!) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Names given outright, in page order: an ambiguous name listed among them ("Amazon,
  // Microsoft, ByteDance and Booking") is one of their kind.
  const named = cands.filter((c) => !(c.flags & WEAK));
  const listedWithNamed = (c: PageCandidate): boolean => {
    const category = index.entityCategory[c.entity];
    // The last name given outright that starts before c, then the first that starts after it.
    const lo = firstAtOrAfter(named, pos(c));
    for (let k = lo - 1; k >= 0 && k >= lo - 3; k--) {
      const b = named[k]!;
      if (b.block !== c.block || b.end > c.start) continue;
      if (index.entityCategory[b.entity] === category && LIST_GAP.test(blockSlice(c.block, b.end, c.start)))
        return true;
      break;
    }
    for (let k = lo; k < named.length && k < lo + 3; k++) {
      const a = named[k]!;
      if (a.block !== c.block || a.start < c.end) continue;
      if (index.entityCategory[a.entity] === category && LIST_GAP.test(blockSlice(c.block, c.end, a.start)))
        return true;
      break;
    }
    return false;
  };

  // A capitalised word right beside c in a list, that no candidate covers ("Pear" in "Apple,
  // Pear and Plum").
  const covered = (block: number, at: number): boolean => {
    // No name is longer than 256 units.
    for (
      let k = firstAtOrAfter(cands, pos({ block, start: at - 256 }));
      k < cands.length && pos(cands[k]!) <= pos({ block, start: at });
      k++
    )
      if (cands[k]!.block === block && cands[k]!.end > at) return true;
    return false;
  };
  const listedWithUnnamed = (c: PageCandidate): boolean => {
    const after = LIST_NEXT.exec(blockSlice(c.block, c.end, c.end + 40));
    if (after && !covered(c.block, c.end + after[1]!.length)) return true;
    const before = LIST_PREV.exec(blockSlice(c.block, c.start - 40, c.start));
    return !!before && !covered(c.block, c.start - before[0].length);
  };

  // "Shares of Block", "Block shares", "Block fell 4%": a market move names a listed firm.
  const inMarketMove = (c: PageCandidate): boolean =>
    MARKET_AFTER.test(blockSlice(c.block, c.end, c.end + 40)) ||
    MARKET_BEFORE.test(blockSlice(c.block, c.start - 20, c.start));

  const besideRelated = (c: PageCandidate): boolean => {
    const related = index.meta.related[c.entity];
    if (!related?.length) return false;
    const lo = firstAtOrAfter(named, pos(c));
    for (let k = Math.max(0, lo - 3); k < Math.min(named.length, lo + 3); k++) {
      const o = named[k]!;
      if (o.block !== c.block || !related.includes(o.entity)) continue;
      const gap =
        o.start >= c.end
          ? blockSlice(c.block, c.end, o.start)
          : o.end <= c.start
            ? blockSlice(c.block, o.end, c.start)
            : '';
      if (gap && BESIDE.test(gap)) return true;
    }
    return false;
  };

  const evidenceFor = (c: PageCandidate): number => {
    if (!(c.flags & WEAK)) return 3;
    if (strong.has(c.entity)) return 3;
    // A surname or "the Commission" needs the full name, or for a body, a person or body tied
    // to it named right beside it ("Treasury Secretary Scott Bessent").
    if (c.flags & ALIAS_SHORT) return index.entityCategory[c.entity] !== OFFICIAL && besideRelated(c) ? 2 : 0;
    const related = index.meta.related[c.entity];
    if (related) for (const r of related) if (strong.has(r)) return 2;
    if (listedWithNamed(c)) return 1;
    if (index.entityCategory[c.entity] === FIRM && inMarketMove(c)) return 1;
    const cues = index.meta.cues[c.entity];
    if (cues?.length) {
      const raw = blockSlice(c.block, c.start - CUE_WINDOW, c.end + CUE_WINDOW);
      let lower: string | undefined;
      let cased: string | undefined;
      for (const cue of cues) {
        if (cue.startsWith('=')) {
          cased ??= foldString(raw, true);
          if (containsWord(cased, cue.slice(1))) return 1;
        } else {
          lower ??= foldString(raw);
          if (containsWord(lower, cue)) return 1;
        }
      }
    }
    return 0;
  };

  interface Accepted extends Mention {
    flags: number;
  }
  const accepted: Accepted[] = [];
  const acceptedWeak = new Set<number>();
  /** Bodies a short form was accepted for beside someone tied to them ("Treasury Secretary …"). */
  const acceptedShortBody = new Set<number>();
  const undecided: PageCandidate[][] = [];
  let step = 0;
  for (let i = 0; i < cands.length;) {
    if ((++step & 255) === 0) yield;
    // One span: cands[i .. j).
    let j = i + 1;
    const c0 = cands[i]!;
    while (j < cands.length && cands[j]!.block === c0.block && cands[j]!.start === c0.start && cands[j]!.end === c0.end)
      j++;
    if (j === i + 1 && !(c0.flags & WEAK)) {
      // Most spans: one name given outright. Nothing to weigh.
      i = j;
      accepted.push({ block: c0.block, start: c0.start, end: c0.end, entity: c0.entity, evidence: 3, flags: c0.flags });
      continue;
    }
    const list = cands.slice(i, j);
    i = j;
    let best = 0;
    let bestEntities: number[] = [];
    for (const c of list) {
      let ev = evidenceFor(c);
      if (ev && c.flags & ALIAS_SHORT && index.entityCategory[c.entity] === OFFICIAL) {
        const before = blockSlice(c.block, c.start - 40, c.start);
        if (surnameInOtherName(before, index.meta.names[c.entity] ?? '')) ev = 0;
      }
      if (ev > best) {
        best = ev;
        bestEntities = [c.entity];
      } else if (ev === best && ev > 0 && !bestEntities.includes(c.entity)) bestEntities.push(c.entity);
    }
    // Two bodies named on the page share a short form ("the Commission"): the one named most
    // recently before it is meant.
    if (
      best === 3 &&
      bestEntities.length > 1 &&
      list.every((c) => !bestEntities.includes(c.entity) || c.flags & ALIAS_SHORT)
    ) {
      let pick = -1;
      let pickAt = -1;
      let tie = false;
      for (const e of bestEntities) {
        const at = lastStrongBefore(e, pos(c0));
        if (at > pickAt) {
          pick = e;
          pickAt = at;
          tie = false;
        } else if (at === pickAt) tie = true;
      }
      if (pick >= 0 && pickAt >= 0 && !tie) bestEntities = [pick];
    }
    // The reader's own name ties with a bundled one: the reader meant theirs.
    if (best > 0 && bestEntities.length > 1) {
      const reader = bestEntities.filter((e) => list.some((c) => c.entity === e && c.flags & ALIAS_READER));
      if (reader.length === 1) bestEntities = reader;
    }
    if (best === 0 || bestEntities.length !== 1) {
      if (best === 0) undecided.push(list);
      continue;
    }
    const c = list.find((x) => x.entity === bestEntities[0])!;
    if (c.flags & ALIAS_AMBIGUOUS) acceptedWeak.add(c.entity);
    if (c.flags & ALIAS_SHORT && best === 2) acceptedShortBody.add(c.entity);
    accepted.push({ block: c.block, start: c.start, end: c.end, entity: c.entity, evidence: best, flags: c.flags });
  }
  // An ambiguous name accepted once on the page is accepted elsewhere on it too, where it can
  // only mean that entity ("Amazon" far from the cue that settled it) — unless it stands in a
  // list of words that name nothing ("Apple, Pear and Plum"). A body's short form accepted
  // beside someone tied to it is accepted further on too, with its article ("… the Treasury
  // would announce", not "Treasury yields").
  for (const list of undecided) {
    const found = list.filter((c) =>
      c.flags & ALIAS_SHORT
        ? acceptedShortBody.has(c.entity) && /^the\s/i.test(blockSlice(c.block, c.start, c.start + 4))
        : acceptedWeak.has(c.entity) && c.flags & ALIAS_AMBIGUOUS && !listedWithUnnamed(c),
    );
    if (!found.length || found.some((c) => c.entity !== found[0]!.entity)) continue;
    const c = found[0]!;
    accepted.push({ block: c.block, start: c.start, end: c.end, entity: c.entity, evidence: 1, flags: c.flags });
  }

  // Overlaps: a name over a short reference, then the longer match, then the leftmost
  // ("Cyberspace Administration of China" over "the Cyberspace Administration", "Alibaba
  // Group" over "Alibaba"). Taken spans per block are kept sorted and disjoint, so one binary
  // search tells whether a new span overlaps any.
  accepted.sort(
    (a, b) =>
      (a.flags & ALIAS_SHORT) - (b.flags & ALIAS_SHORT) ||
      b.end - b.start - (a.end - a.start) ||
      a.block - b.block ||
      a.start - b.start,
  );
  const taken = new Map<number, { starts: number[]; ends: number[] }>();
  const out: Mention[] = [];
  for (const m of accepted) {
    if ((++step & 1023) === 0) yield;
    let t = taken.get(m.block);
    if (!t) taken.set(m.block, (t = { starts: [], ends: [] }));
    // Last taken span starting before m.end.
    let lo = 0;
    let hi = t.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.starts[mid]! < m.end) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && t.ends[lo - 1]! > m.start) continue;
    t.starts.splice(lo, 0, m.start);
    t.ends.splice(lo, 0, m.end);
    out.push({ block: m.block, start: m.start, end: m.end, entity: m.entity, evidence: m.evidence });
  }
  // "the Fed", "the Commission": mark the name, not the article, as with "the SEC".
  for (const m of out)
    if (m.end - m.start > 4 && /^the\s$/i.test(blockSlice(m.block, m.start, m.start + 4))) m.start += 4;
  return out.sort((a, b) => a.block - b.block || a.start - b.start);
}

/** Convenience for tests and Node callers: scan one text and resolve it as a page. */
export function findMentions(
  scanner: { scan(text: string): Candidate[]; index: MatchIndex },
  text: string,
): (Mention & { id: string; text: string })[] {
  const cands = scanner.scan(text);
  return resolveMentions(scanner.index, cands, (_b, from, to) => text.slice(Math.max(0, from), Math.max(0, to))).map(
    (m) => ({
      ...m,
      id: scanner.index.meta.ids[m.entity]!,
      text: text.slice(m.start, m.end),
    }),
  );
}
