/**
 * Page-level decisions over raw candidates: which ambiguous and short aliases the page
 * supports, which of two entities sharing an alias it means, and leftmost-longest choice
 * among overlapping matches. Pure.
 */
import { ALIAS_AMBIGUOUS, ALIAS_SHORT } from '../dataset/aliases';
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

export function resolveMentions(
  index: MatchIndex,
  candidates: readonly PageCandidate[],
  /** The text around a candidate, where its context cues are looked for. */
  contextText: (block: number, start: number, end: number) => string,
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
      const text = foldString(contextText(c.block, c.start, c.end));
      if (cues.some((cue) => containsWord(text, cue))) return 1;
    }
    return 0;
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
  for (const list of bySpan.values()) {
    let best = 0;
    let bestEntities = new Set<number>();
    for (const c of list) {
      const ev = evidenceFor(c);
      if (ev > best) {
        best = ev;
        bestEntities = new Set([c.entity]);
      } else if (ev === best && ev > 0) bestEntities.add(c.entity);
    }
    if (best === 0 || bestEntities.size !== 1) continue;
    const c = list.find((x) => bestEntities.has(x.entity))!;
    spanFlags.set(`${c.block}:${c.start}:${c.end}`, c.flags);
    accepted.push({ block: c.block, start: c.start, end: c.end, entity: [...bestEntities][0]!, evidence: best });
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
  return out.sort((a, b) => a.block - b.block || a.start - b.start);
}

/** Convenience for tests and Node callers: scan one text and resolve it as a page. */
export function findMentions(
  scanner: { scan(text: string): Candidate[]; index: MatchIndex },
  text: string,
): (Mention & { id: string; text: string })[] {
  const cands = scanner.scan(text).map((c) => ({ ...c, block: 0 }));
  return resolveMentions(scanner.index, cands, (_b, s, e) => text.slice(Math.max(0, s - 400), e + 400)).map((m) => ({
    ...m,
    id: scanner.index.meta.ids[m.entity]!,
    text: text.slice(m.start, m.end),
  }));
}
