/**
 * Page-level decisions over raw candidates: which ambiguous and short aliases the page
 * supports, which of two entities sharing an alias it means, and leftmost-longest choice
 * among overlapping matches. Pure.
 */
import { ALIAS_AMBIGUOUS, ALIAS_SHORT } from '../dataset/aliases';
import { CATEGORIES } from './index-format';
import { foldString, isWordUnit } from './fold';
import type { MatchIndex } from './index-format';
import type { Candidate } from './scan';

export interface PageCandidate extends Candidate {
  /** Which block (run of text read together) the offsets refer to. */
  block: number;
}

export interface Mention {
  block: number;
  start: number;
  end: number;
  entity: number;
  /** How it was accepted: 3 direct or full name on page, 2 related entity on page, 1 context cue. */
  evidence: number;
}

const WEAK = ALIAS_AMBIGUOUS | ALIAS_SHORT;
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

export function resolveMentions(
  index: MatchIndex,
  candidates: readonly PageCandidate[],
  /** Text of a block between two offsets (clamped to the block): for context cues and the words before a name. */
  blockSlice: (block: number, from: number, to: number) => string,
): Mention[] {
  // Entities the page names outright (not through an ambiguous or short alias).
  const strong = new Set<number>();
  for (const c of candidates) if (!(c.flags & WEAK)) strong.add(c.entity);

  const evidenceFor = (c: PageCandidate): number => {
    if (!(c.flags & WEAK)) return 3;
    if (strong.has(c.entity)) return 3;
    if (c.flags & ALIAS_SHORT) return 0; // a surname or "the Commission" needs the full name
    if (index.meta.related[c.entity]?.some((r) => strong.has(r))) return 2;
    const cues = index.meta.cues[c.entity];
    if (cues?.length) {
      const raw = blockSlice(c.block, c.start - CUE_WINDOW, c.end + CUE_WINDOW);
      const lower = foldString(raw);
      let cased: string | undefined;
      for (const cue of cues) {
        if (cue.startsWith('=')) {
          cased ??= foldString(raw, true);
          if (containsWord(cased, cue.slice(1))) return 1;
        } else if (containsWord(lower, cue)) return 1;
      }
    }
    return 0;
  };
  // Where each entity is named outright, in page order, to settle short references by recency.
  const strongAt = new Map<number, { block: number; start: number }[]>();
  for (const c of candidates)
    if (!(c.flags & WEAK)) {
      const list = strongAt.get(c.entity) ?? [];
      list.push({ block: c.block, start: c.start });
      strongAt.set(c.entity, list);
    }
  const lastStrongBefore = (entity: number, block: number, start: number): number => {
    let best = -1;
    for (const p of strongAt.get(entity) ?? [])
      if (p.block < block || (p.block === block && p.start < start)) best = Math.max(best, p.block * 1e9 + p.start);
    return best;
  };

  // Group candidates by span; pick the entity the page supports best, or none on a tie.
  const bySpan = new Map<string, PageCandidate[]>();
  for (const c of candidates) {
    const key = `${c.block}:${c.start}:${c.end}`;
    const list = bySpan.get(key);
    if (list) list.push(c);
    else bySpan.set(key, [c]);
  }
  const accepted: Mention[] = [];
  const spanFlags = new Map<string, number>();
  const acceptedWeak = new Set<number>();
  const undecided: PageCandidate[][] = [];
  for (const list of bySpan.values()) {
    let best = 0;
    let bestEntities = new Set<number>();
    for (const c of list) {
      let ev = evidenceFor(c);
      if (ev && c.flags & ALIAS_SHORT && index.entityCategory[c.entity] === OFFICIAL) {
        const before = blockSlice(c.block, c.start - 40, c.start);
        if (surnameInOtherName(before, index.meta.names[c.entity] ?? '')) ev = 0;
      }
      if (ev > best) {
        best = ev;
        bestEntities = new Set([c.entity]);
      } else if (ev === best && ev > 0) bestEntities.add(c.entity);
    }
    // Two bodies named on the page share a short form ("the Commission"): the one named most
    // recently before it is meant.
    if (
      best === 3 &&
      bestEntities.size > 1 &&
      list.every((c) => !bestEntities.has(c.entity) || c.flags & ALIAS_SHORT)
    ) {
      const c0 = list[0]!;
      let pick = -1;
      let pickAt = -1;
      let tie = false;
      for (const e of bestEntities) {
        const at = lastStrongBefore(e, c0.block, c0.start);
        if (at > pickAt) {
          pick = e;
          pickAt = at;
          tie = false;
        } else if (at === pickAt) tie = true;
      }
      if (pick >= 0 && pickAt >= 0 && !tie) bestEntities = new Set([pick]);
    }
    if (best === 0 || bestEntities.size !== 1) {
      if (best === 0) undecided.push(list);
      continue;
    }
    const c = list.find((x) => bestEntities.has(x.entity))!;
    if (c.flags & ALIAS_AMBIGUOUS) acceptedWeak.add(c.entity);
    spanFlags.set(`${c.block}:${c.start}:${c.end}`, c.flags);
    accepted.push({ block: c.block, start: c.start, end: c.end, entity: [...bestEntities][0]!, evidence: best });
  }
  // An ambiguous name accepted once on the page is accepted elsewhere on it too, where it can
  // only mean that entity ("Amazon" far from the cue that settled it).
  for (const list of undecided) {
    const cands = list.filter(
      (c) => acceptedWeak.has(c.entity) && c.flags & ALIAS_AMBIGUOUS && !(c.flags & ALIAS_SHORT),
    );
    const entities = new Set(cands.map((c) => c.entity));
    if (entities.size !== 1) continue;
    const c = cands[0]!;
    spanFlags.set(`${c.block}:${c.start}:${c.end}`, c.flags);
    accepted.push({ block: c.block, start: c.start, end: c.end, entity: c.entity, evidence: 1 });
  }

  // Overlaps: a name over a short reference, then the longer match, then the leftmost
  // ("Cyberspace Administration of China" over "the Cyberspace Administration", "Alibaba
  // Group" over "Alibaba").
  const isShort = (m: Mention) => (spanFlags.get(`${m.block}:${m.start}:${m.end}`) ?? 0) & ALIAS_SHORT;
  accepted.sort(
    (a, b) => isShort(a) - isShort(b) || b.end - b.start - (a.end - a.start) || a.block - b.block || a.start - b.start,
  );
  const taken = new Map<number, [number, number][]>();
  const out: Mention[] = [];
  for (const m of accepted) {
    const spans = taken.get(m.block) ?? [];
    if (spans.some(([s, e]) => m.start < e && s < m.end)) continue;
    spans.push([m.start, m.end]);
    taken.set(m.block, spans);
    out.push(m);
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
  const cands = scanner.scan(text).map((c) => ({ ...c, block: 0 }));
  return resolveMentions(scanner.index, cands, (_b, from, to) => text.slice(Math.max(0, from), Math.max(0, to))).map(
    (m) => ({
      ...m,
      id: scanner.index.meta.ids[m.entity]!,
      text: text.slice(m.start, m.end),
    }),
  );
}
