/**
 * Flags what collides, on imported records (curated files are hand-checked and only read):
 *
 * - a short acronym (≤ 3 letters) that is also a US ticker of another company (SEC list), the
 *   ticker of another firm in the dataset on any exchange (Dollarama is DOL on the TSX, Marks and
 *   Spencer MKS in London), or a common abbreviation ("CEO", "GDP":
 *   `assets/dataset/sources/common-abbreviations.json`) is ambiguous;
 * - a name two records share (two congressmen called Mike Rogers, two firms called Apex) is
 *   ambiguous on every imported record that has it;
 * - an alias an imported record shares with another record is flagged ambiguous when the others
 *   are imported too (or flag theirs), and dropped when a curated record claims the text
 *   unflagged (the curated claim is the hand-checked one).
 *
 * A firm name that is a single English word is ambiguous already (`aliases.ts`). What cannot
 * be resolved here (a curated record's unflagged text that an imported record must keep as its
 * name) is returned as a warning; `dataset:check` then names both records.
 */
import { ALIAS_ACRONYM, ALIAS_AMBIGUOUS, ALIAS_FULL, ALIAS_SHORT, expandAliases, type ExpandOptions } from './aliases';
import type { AliasInput, EntityRecord } from './schema';

export interface CollisionOptions extends ExpandOptions {
  /** US ticker symbols (the SEC company list, every security). */
  tickers: ReadonlySet<string>;
  /** Common abbreviations, as written (upper case). */
  abbreviations: ReadonlySet<string>;
}

/** Ticker symbol → ids of the firms that list it, over the imported outputs and the curated records. */
export function datasetTickers(records: Iterable<EntityRecord>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of records)
    for (const t of r.firm?.tickers ?? []) {
      let set = out.get(t.symbol);
      if (!set) out.set(t.symbol, (set = new Set()));
      set.add(r.id);
    }
  return out;
}

const FLAGGED = ALIAS_AMBIGUOUS | ALIAS_SHORT;
const text = (a: AliasInput) => (typeof a === 'string' ? a : a.text);

/** Marks `t` ambiguous in the record's alias list (adding it, flagged, when it is derived or a name). */
function flagAmbiguous(r: EntityRecord, t: string): void {
  const aliases: AliasInput[] = (r.aliases ??= []);
  const i = aliases.findIndex((x) => text(x) === t);
  if (i < 0) aliases.push({ text: t, ambiguous: true });
  else {
    const old = aliases[i]!;
    aliases[i] = typeof old === 'string' ? { text: old, ambiguous: true } : { ...old, ambiguous: true };
  }
}

/** Letters in a text ("S&P" has two). */
const letters = (t: string) => t.replace(/[^A-Za-z]/g, '').length;

export function flagCollisions(
  imported: ReadonlyMap<string, EntityRecord[]>,
  curated: readonly EntityRecord[],
  opts: CollisionOptions,
): string[] {
  const curatedIds = new Set(curated.map((r) => r.id));
  const own = [...imported.values()].flat().filter((r) => !curatedIds.has(r.id));
  const warnings: string[] = [];

  // 1. Short acronyms that are tickers of other companies or everyday abbreviations.
  const firmTickers = datasetTickers([...own, ...curated]);
  for (const r of own) {
    const ownTickers = new Set((r.firm?.tickers ?? []).map((t) => t.symbol));
    for (const a of expandAliases(r, opts)) {
      if (!(a.flags & ALIAS_ACRONYM) || a.flags & FLAGGED || letters(a.text) > 3) continue;
      const ticker =
        !ownTickers.has(a.text) &&
        (opts.tickers.has(a.text) || [...(firmTickers.get(a.text) ?? [])].some((id) => id !== r.id));
      if (opts.abbreviations.has(a.text) || ticker) flagAmbiguous(r, a.text);
    }
  }

  // Who has which text (lower case), over the records that will be loaded.
  const live = [...own, ...curated];
  const owners = new Map<string, { id: string; curated: boolean; flagged: boolean; full: boolean }[]>();
  for (const r of live)
    for (const a of expandAliases(r, opts)) {
      const k = a.text.toLowerCase();
      let list = owners.get(k);
      if (!list) owners.set(k, (list = []));
      list.push({
        id: r.id,
        curated: curatedIds.has(r.id),
        flagged: !!(a.flags & FLAGGED),
        full: !!(a.flags & ALIAS_FULL),
      });
    }

  // 2. A name (or native name) shared with another record: ambiguous wherever we may flag it.
  // An imported record whose name a curated record claims unflagged is left out: the curated
  // record says the text means it (almost always the same entity under another id).
  const dropped = new Set<string>();
  for (const r of own)
    for (const a of expandAliases(r, opts)) {
      if (!(a.flags & ALIAS_FULL) || a.flags & FLAGGED) continue;
      const others = owners.get(a.text.toLowerCase())!.filter((o) => o.id !== r.id);
      if (!others.length) continue;
      const claim = others.find((o) => o.curated && !o.flagged);
      if (claim && a.text === r.name) {
        dropped.add(r.id);
        warnings.push(
          `${r.id} left out: its name "${a.text}" is curated ${claim.id}'s (link them by an id if they are one entity, or flag it ambiguous there)`,
        );
        break;
      }
      flagAmbiguous(r, a.text);
      if (claim)
        warnings.push(`${r.id}: its name "${a.text}" is shared with curated ${claim.id}, which must flag it ambiguous`);
    }
  if (dropped.size)
    for (const list of imported.values()) {
      const kept = list.filter((r) => !dropped.has(r.id));
      if (kept.length !== list.length) list.splice(0, list.length, ...kept);
    }

  // 3. Other shared aliases.
  for (const r of own) {
    if (dropped.has(r.id)) continue;
    for (const a of expandAliases(r, opts)) {
      if (a.flags & ALIAS_FULL) continue;
      const others = owners.get(a.text.toLowerCase())!.filter((o) => o.id !== r.id);
      if (!others.length) continue;
      const aliases: AliasInput[] = (r.aliases ??= []);
      const idx = aliases.findIndex((x) => text(x) === a.text);
      if (others.some((o) => o.curated && !o.flagged)) {
        if (idx >= 0) aliases.splice(idx, 1);
        else
          warnings.push(
            `${r.id}: cannot drop derived alias "${a.text}" claimed by ${others.map((o) => o.id).join(', ')}`,
          );
        continue;
      }
      if (!(a.flags & FLAGGED)) flagAmbiguous(r, a.text);
    }
    if (r.aliases && !r.aliases.length) delete r.aliases;
  }
  return warnings;
}
