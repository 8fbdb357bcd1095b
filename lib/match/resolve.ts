/**
 * Page-level decisions over raw candidates: which ambiguous and short aliases the page supports,
 * which of two entities sharing an alias it means, and leftmost-longest choice among overlapping
 * matches. The kinds of evidence and the vetoes are named rules in `rules.ts`; every mention keeps
 * the rule that decided it. Pure.
 */
import { ALIAS_AMBIGUOUS, ALIAS_CJK, ALIAS_READER, ALIAS_SHORT } from './flags';
import type { MatchIndex } from './index-format';
import {
  DESCRIPTIVE,
  EVIDENCE_RULES,
  HEAD_NOUNS,
  PLACES,
  PageEvidence,
  ruleIndex,
  VETOES,
  WEAK,
  type BlockSlice,
  type PageCandidate,
  type ResolveIndex,
  type RuleId,
} from './rules';
import type { Candidate } from './scan';

export type { BlockSlice, PageCandidate, ResolveIndex } from './rules';

export interface Mention {
  block: number;
  start: number;
  end: number;
  entity: number;
  /** 3 named on the page, 2 a tied entity or a short reference, 1 context. */
  evidence: number;
  /** The rule that decided (an index into RULE_IDS, lib/match/rules.ts). */
  rule: number;
}

export function resolveMentions(
  index: ResolveIndex,
  candidates: readonly PageCandidate[],
  /** Text of a block between two offsets (clamped to the block): for context and the words around a name. */
  blockSlice: BlockSlice,
  /** How many blocks the page has (for what is found in the text itself: abbreviations the page defines). */
  blockCount?: number,
): Mention[] {
  const steps = resolveSteps(index, candidates, blockSlice, blockCount);
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
  blockCount?: number,
): Promise<Mention[]> {
  const steps = resolveSteps(index, candidates, blockSlice, blockCount);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (shouldYield()) await yielder();
  }
}

interface Accepted extends Mention {
  flags: number;
}

/** The strongest evidence for c and the rule that gave it, or 0 when a veto applies. */
function weigh(c: PageCandidate, page: PageEvidence): { evidence: number; rule: RuleId | undefined } {
  let found: { evidence: number; rule: RuleId | undefined } = { evidence: 0, rule: undefined };
  for (const r of EVIDENCE_RULES)
    if (r.applies(c, page)) {
      found = { evidence: r.evidence, rule: r.id };
      break;
    }
  if (found.evidence && VETOES.some((v) => v.applies(c, page))) return { evidence: 0, rule: undefined };
  return found;
}

/** Blocks either side of a name whose words may place it (a list item, a headline). */
const PLACING_BLOCKS = 3;

/**
 * Of CJK candidates on one span, the entity other than `winner` that the page places by its cue
 * words (its country or city near the name) while nothing places the winner, and that no veto
 * refuses; undefined when there is none, several, or the winner is named on the page by a
 * longer name (中国证券监督管理委员会 settles 证监会 for the CSRC).
 */
export function placedNamesake(list: readonly PageCandidate[], winner: number, page: PageEvidence): number | undefined {
  if (!list.every((c) => c.flags & ALIAS_CJK)) return undefined;
  const w = list.find((c) => c.entity === winner);
  if (!w || page.cueAround(w, PLACING_BLOCKS)) return undefined;
  const len = w.end - w.start;
  if (page.named.some((n) => n.entity === winner && n.end - n.start > len)) return undefined;
  const placed = new Set<number>();
  for (const c of list)
    if (
      c.entity !== winner &&
      page.category(c.entity) === page.category(winner) &&
      page.cueAround(c, PLACING_BLOCKS) &&
      !VETOES.some((v) => v.applies(c, page))
    )
      placed.add(c.entity);
  return placed.size === 1 ? [...placed][0] : undefined;
}

/** The resolution itself, as a generator that pauses every few hundred spans. */
export function* resolveSteps(
  index: ResolveIndex,
  candidates: readonly PageCandidate[],
  blockSlice: BlockSlice,
  blockCount?: number,
): Generator<void, Mention[]> {
  // Candidates in page order; equal spans end up next to each other.
  const cands = [...candidates].sort((a, b) => a.block - b.block || a.start - b.start || a.end - b.end);
  const page = new PageEvidence(index, cands, blockSlice, blockCount);
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
    const list = cands.slice(i, j);
    i = j;
    let best = 0;
    let bestRule: RuleId | undefined;
    let bestEntities: number[] = [];
    for (const c of list) {
      const { evidence, rule } = weigh(c, page);
      if (evidence > best) {
        best = evidence;
        bestRule = rule;
        bestEntities = [c.entity];
      } else if (evidence === best && evidence > 0 && !bestEntities.includes(c.entity)) bestEntities.push(c.entity);
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
        const at = page.lastStrongBefore(e, page.pos(c0));
        if (at > pickAt) {
          pick = e;
          pickAt = at;
          tie = false;
        } else if (at === pickAt) tie = true;
      }
      if (pick >= 0 && pickAt >= 0 && !tie) {
        bestEntities = [pick];
        bestRule = 'most-recent-named';
      }
    }
    // Still a tie (two bodies of one name in two places, 证监会 in Beijing and Hong Kong): the one
    // whose place or cue words are near it, if only one.
    if (best > 0 && bestEntities.length > 1) {
      const placed = bestEntities.filter((e) => {
        const c = list.find((x) => x.entity === e)!;
        return page.cueNear(c);
      });
      if (placed.length === 1) {
        bestEntities = placed;
        bestRule = 'context-cue';
      }
    }
    // A short CJK name that two bodies in two places share through the scripts (证监会: the
    // CSRC's, and the Hong Kong SFC's written in simplified script): the page decides where it
    // places only the other one (香港 near it, nothing of the winner's country).
    if (best > 0 && bestEntities.length === 1) {
      const other = placedNamesake(list, bestEntities[0]!, page);
      if (other !== undefined) {
        best = 1;
        bestEntities = [other];
        bestRule = 'context-cue';
      }
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
    if (c.flags & ALIAS_SHORT && bestRule === 'beside-tied') acceptedShortBody.add(c.entity);
    accepted.push({ ...span(c), evidence: best, rule: ruleIndex(bestRule!), flags: c.flags });
  }
  // An ambiguous name accepted once on the page is accepted elsewhere on it too, where it can
  // only mean that entity ("Amazon" far from the cue that settled it) — unless it stands in a
  // list of words that name nothing ("Apple, Pear and Plum"). A body's short form accepted
  // beside someone tied to it is accepted further on too, with its article ("… the Treasury
  // would announce", not "Treasury yields").
  for (const list of undecided) {
    const found = list.filter(
      (c) =>
        !VETOES.some((v) => v.applies(c, page)) &&
        (c.flags & ALIAS_SHORT
          ? acceptedShortBody.has(c.entity) && /^the\s/i.test(blockSlice(c.block, c.start, c.start + 4))
          : acceptedWeak.has(c.entity) && c.flags & ALIAS_AMBIGUOUS && !page.listedWithUnnamed(c)),
    );
    if (!found.length || found.some((c) => c.entity !== found[0]!.entity)) continue;
    const c = found[0]!;
    const rule = c.flags & ALIAS_SHORT ? 'after-tied' : 'accepted-on-page';
    accepted.push({ ...span(c), evidence: 1, rule: ruleIndex(rule), flags: c.flags });
  }

  // What the page itself says: abbreviations it defines for a named body or firm, and short
  // references ("the Department") to a body named earlier. Found in the text, beside the index.
  if (blockCount !== undefined) {
    for (const m of textEvidence(page, accepted, blockCount)) accepted.push(m);
    yield;
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
    out.push({ block: m.block, start: m.start, end: m.end, entity: m.entity, evidence: m.evidence, rule: m.rule });
  }
  // "the Fed", "the Commission": mark the name, not the article, as with "the SEC".
  for (const m of out)
    if (m.end - m.start > 4 && /^the\s$/i.test(blockSlice(m.block, m.start, m.start + 4))) m.start += 4;
  return out.sort((a, b) => a.block - b.block || a.start - b.start);
}

function span(c: Candidate): { block: number; start: number; end: number; entity: number } {
  return { block: c.block, start: c.start, end: c.end, entity: c.entity };
}

/**
 * A CJK short form defined in brackets right after a name, with or without 以下简称, 下称, 简称,
 * 이하 or 以下 and quotes: group 1.
 */
const CJK_DEFINED =
  /^\s*[(（]\s*(?:以下[简簡][称稱]|[简簡][称稱]|下[称稱]|以下|이하|약칭)?\s*[“"'‘「『]?([\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]{2,8})[”"'’」』]?\s*[)）]/u;
const CJK_SHORT_FORM = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]+$/u;
const HANGUL_END = /[\uac00-\ud7af]$/;

/** A short form of `name`: shorter, and its characters stand in the name in the same order (시감총국 in 국가시장감독관리총국). */
function isShortFormOf(short: string, name: string): boolean {
  if (short.length >= name.length) return false;
  let at = 0;
  for (const ch of short) {
    at = name.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** "ABC" as an abbreviation: 2–10 letters or digits, at least two capitals, starting with one. */
const ABBREV = /^[A-Z][A-Za-z0-9&.]{1,9}$/;
const capitals = (s: string) => s.replace(/[^A-Z]/g, '').length;

/**
 * Mentions the page's own text gives: "Banco Central do Brasil (BACEN)" defines BACEN for the
 * bank on this page (every use counts, also before the definition, as in a headline); after a
 * body is named, "the Department", "the Court" (capitalised, not the start of a longer name)
 * refer to the body of that kind named most recently before it.
 */
function textEvidence(page: PageEvidence, accepted: readonly Accepted[], blockCount: number): Accepted[] {
  const out: Accepted[] = [];
  const strongFound = accepted.filter((m) => m.evidence >= 2);
  // Abbreviations the page defines: "Name (ABBR)" or "ABBR (Name)".
  const defined = new Map<string, number>();
  const clash = new Set<string>();
  const define = (abbr: string, entity: number, name: string) => {
    if (!ABBREV.test(abbr) || capitals(abbr) < 2) return;
    // The abbreviation stands for a name of several words and starts with one of their initials
    // ("Central Bank of Brazil (BACEN)"; not "CET1 (Q2)", not "the French DPA (CNIL)").
    const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    if (words.length < 2 || !words.some((w) => w[0] === abbr[0])) return;
    const prev = defined.get(abbr);
    if (prev !== undefined && prev !== entity) clash.add(abbr);
    defined.set(abbr, entity);
  };
  for (const m of strongFound) {
    // The abbreviation may be quoted: (“BACEN”), ("GIL").
    const after = /^\s*\(["“'‘]?([^()\s"“”'‘’]{2,10})["”'’]?\)/.exec(page.slice(m.block, m.end, m.end + 16));
    const written = page.slice(m.block, m.start, m.end);
    if (after) define(after[1]!, m.entity, written);
    const before = /(?:^|[\s,;:])([^()\s]{2,10})\s*\($/.exec(page.slice(m.block, m.start - 14, m.start));
    if (before && page.slice(m.block, m.end, m.end + 1) === ')') define(before[1]!, m.entity, written);
    // 市场失当行为审裁处（“审裁处”）, 国家市场监督管理总局（以下简称“市场监管总局”）,
    // 국가시장감독관리총국(이하 ‘시감총국’): a CJK short form the page defines.
    const cjk = CJK_DEFINED.exec(page.slice(m.block, m.end, m.end + 24));
    if (cjk && isShortFormOf(cjk[1]!, written)) {
      const prev = defined.get(cjk[1]!);
      if (prev !== undefined && prev !== m.entity) clash.add(cjk[1]!);
      defined.set(cjk[1]!, m.entity);
    }
  }
  const isWord = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);
  for (const [abbr, entity] of defined) {
    if (clash.has(abbr)) continue;
    for (let b = 0; b < blockCount; b++) {
      const text = page.slice(b, 0, 1 << 30);
      const cjk = CJK_SHORT_FORM.test(abbr);
      for (let at = text.indexOf(abbr); at !== -1; at = text.indexOf(abbr, at + 1)) {
        // A CJK short form has no word boundaries, but in Korean one glued after another word
        // is part of that word.
        if (cjk ? HANGUL_END.test(text.slice(0, at)) : isWord(text[at - 1]) || isWord(text[at + abbr.length])) continue;
        out.push({
          block: b,
          start: at,
          end: at + abbr.length,
          entity,
          evidence: 3,
          rule: ruleIndex('defined-acronym'),
          flags: 0,
        });
      }
    }
  }
  // A description that fits one body named on the page: "Germany's financial regulator" after
  // BaFin was named (the only German regulator on the page).
  const byPlace = new Map<string, Set<number>>();
  for (const m of strongFound) {
    if (page.category(m.entity) !== 0) continue;
    const j = page.index.meta.jurisdictions?.[m.entity];
    if (!j) continue;
    const set = byPlace.get(j) ?? new Set<number>();
    set.add(m.entity);
    byPlace.set(j, set);
  }
  if (byPlace.size)
    for (let b = 0; b < blockCount; b++) {
      const text = page.slice(b, 0, 1 << 30);
      DESCRIPTIVE.lastIndex = 0;
      for (let m = DESCRIPTIVE.exec(text); m; m = DESCRIPTIVE.exec(text)) {
        const bodies = byPlace.get(PLACES[m[1]!]!);
        if (!bodies || bodies.size !== 1) continue;
        const [entity] = bodies;
        // Not when the sentence names the body itself ("Germany's financial watchdog BaFin",
        // "the French DPA (CNIL)"): the name is the mention there.
        const from = Math.max(text.lastIndexOf('. ', m.index) + 1, 0);
        const to = text.indexOf('. ', m.index + m[0].length);
        const sentenceEnd = to < 0 ? text.length : to;
        if (strongFound.some((x) => x.block === b && x.entity === entity && x.start >= from && x.start < sentenceEnd))
          continue;
        out.push({
          block: b,
          start: m.index,
          end: m.index + m[0].length,
          entity: entity!,
          evidence: 2,
          rule: ruleIndex('descriptive-reference'),
          flags: ALIAS_SHORT,
        });
      }
    }
  // Short references to a named body by the last noun of its name.
  const bodies: { head: string; entity: number; pos: number }[] = [];
  for (const m of strongFound) {
    if (page.category(m.entity) !== 0 /* regulator */) continue;
    // The noun that ends the name as written, and those that begin and end its full name
    // ("the Board" for the Board of Governors of the Federal Reserve System).
    const name = page.index.meta.names[m.entity] ?? '';
    const heads = new Set(
      [
        /([A-Z][a-z]+)$/.exec(page.slice(m.block, m.start, m.end))?.[1],
        /^([A-Z][a-z]+)\b/.exec(name)?.[1],
        /([A-Z][a-z]+)$/.exec(name)?.[1],
      ].filter((h): h is string => !!h && HEAD_NOUNS.has(h)),
    );
    for (const head of heads) bodies.push({ head, entity: m.entity, pos: page.pos(m) });
  }
  if (bodies.length) {
    bodies.sort((a, b) => a.pos - b.pos);
    const heads = new Set(bodies.map((x) => x.head));
    for (let b = 0; b < blockCount; b++) {
      const text = page.slice(b, 0, 1 << 30);
      const re = /\b[Tt]he ([A-Z][a-z]+)\b(?!\s+(?:of\b|[A-Z]))/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const head = m[1]!;
        if (!heads.has(head)) continue;
        const start = m.index + m[0].length - head.length;
        const pos = page.pos({ block: b, start });
        let pick: { entity: number; pos: number } | undefined;
        for (const x of bodies) if (x.head === head && x.pos < pos) pick = x;
        // Two bodies of that kind named before it, the nearest one named after the other: still the nearest.
        if (pick)
          out.push({
            block: b,
            start,
            end: start + head.length,
            entity: pick.entity,
            evidence: 2,
            rule: ruleIndex('short-reference'),
            flags: ALIAS_SHORT,
          });
      }
    }
  }
  return out;
}

/** Convenience for tests and Node callers: scan one text and resolve it as a page. */
export function findMentions(
  scanner: { scan(text: string): Candidate[]; index: MatchIndex },
  text: string,
): (Mention & { id: string; text: string })[] {
  const cands = scanner.scan(text);
  return resolveMentions(scanner.index, cands, (_b, from, to) => text.slice(Math.max(0, from), Math.max(0, to)), 1).map(
    (m) => ({
      ...m,
      id: scanner.index.meta.ids[m.entity]!,
      text: text.slice(m.start, m.end),
    }),
  );
}

export { WEAK };
