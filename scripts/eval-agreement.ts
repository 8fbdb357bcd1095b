/**
 * `npm run eval:agreement`: the second labelling pass of the real set (docs/EVAL.md).
 *
 *   --sample [--seed 13] [--n 16]   print the seeded random sample of on-topic cases to relabel
 *   <second.json>                   compare a second pass (made with `eval:label --second file.txt`)
 *                                   with the first labels in cases.json, case by case
 *
 * Mentions are compared by their span on the page (text and occurrence give the offsets):
 * the same span with the same type and entity agrees; overlapping spans of different extent are a
 * "boundary" disagreement; the same span with another type a "type" one, with another entity a
 * "entity" one; a mention only one pass has is "first only" or "second only". Agreement is the
 * share of mentions both passes label alike, over all mentions either pass labels.
 */
import { readFileSync } from 'node:fs';
import { flatText, loadCases, occurrencesOf, readCached, type CasesFile, type RealLabel } from './eval-real-cases';

/** mulberry32: a small seeded generator, so the sample is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleIds(ids: string[], n: number, seed: number): string[] {
  const r = rng(seed);
  const pool = [...ids];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n).sort();
}

interface Span {
  start: number;
  end: number;
  l: RealLabel;
}

const KINDS = ['boundary', 'type', 'entity', 'first only', 'second only'] as const;
type Kind = (typeof KINDS)[number];

function spansOf(flat: string, labels: RealLabel[]): Span[] {
  return labels.flatMap((l) => {
    const at = occurrencesOf(flat, l.text)[l.occurrence - 1];
    return at === undefined ? [] : [{ start: at, end: at + l.text.length, l }];
  });
}

const sameEntity = (a: RealLabel, b: RealLabel) => (a.entity && b.entity ? a.entity === b.entity : a.name === b.name);

function compare(flat: string, first: RealLabel[], second: RealLabel[]) {
  const a = spansOf(flat, first);
  const b = spansOf(flat, second);
  const usedB = new Set<number>();
  const out: { kind: Kind | 'agree'; first?: RealLabel; second?: RealLabel }[] = [];
  for (const x of a) {
    let j = b.findIndex((y, k) => !usedB.has(k) && y.start === x.start && y.end === x.end);
    if (j < 0) j = b.findIndex((y, k) => !usedB.has(k) && y.start < x.end && x.start < y.end);
    if (j < 0) {
      out.push({ kind: 'first only', first: x.l });
      continue;
    }
    usedB.add(j);
    const y = b[j]!;
    const kind: Kind | 'agree' =
      y.start !== x.start || y.end !== x.end
        ? 'boundary'
        : y.l.type !== x.l.type
          ? 'type'
          : !sameEntity(x.l, y.l)
            ? 'entity'
            : 'agree';
    out.push({ kind, first: x.l, second: y.l });
  }
  b.forEach((y, k) => {
    if (!usedB.has(k)) out.push({ kind: 'second only', second: y.l });
  });
  return out;
}

function main(): void {
  const cases = loadCases();
  const seed = Number(process.argv[process.argv.indexOf('--seed') + 1] ?? 13) || 13;
  const n = Number(process.argv[process.argv.indexOf('--n') + 1] ?? 16) || 16;
  if (process.argv.includes('--sample')) {
    const ids = cases.filter((c) => c.kind === 'on-topic').map((c) => c.id);
    console.log(sampleIds(ids, n, seed).join('\n'));
    return;
  }
  const file = process.argv.slice(2).find((a) => a.endsWith('.json'));
  if (!file) throw new Error('usage: eval-agreement --sample | eval-agreement <second-pass.json>');
  const second = (JSON.parse(readFileSync(file, 'utf8')) as CasesFile).cases;
  const totals: Record<string, number> = { agree: 0, ...Object.fromEntries(KINDS.map((k) => [k, 0])) };
  for (const s of second) {
    const c = cases.find((x) => x.id === s.id);
    if (!c) throw new Error(`${s.id} is not in cases.json`);
    const st = readCached(c);
    if (st.status !== 'ok') throw new Error(`${s.id}: cached excerpt ${st.status}`);
    const rows = compare(flatText(st.text), c.labels, s.labels);
    const per: Record<string, number> = {};
    for (const r of rows) {
      totals[r.kind]!++;
      per[r.kind] = (per[r.kind] ?? 0) + 1;
      if (r.kind !== 'agree' && process.argv.includes('--list'))
        console.log(
          `  ${s.id}  ${r.kind.padEnd(11)} first: ${r.first ? `"${r.first.text}" #${r.first.occurrence} ${r.first.type} ${r.first.name}` : '-'}  second: ${r.second ? `"${r.second.text}" #${r.second.occurrence} ${r.second.type} ${r.second.name}` : '-'}`,
        );
    }
    const all = rows.length;
    console.log(
      `${s.id.padEnd(36)} ${String(per.agree ?? 0).padStart(4)}/${String(all).padEnd(4)} ${JSON.stringify(per)}`,
    );
  }
  const all = Object.values(totals).reduce((x, y) => x + y, 0);
  console.log(
    `\n${second.length} cases, ${all} mentions labelled by either pass; agreement ${(totals.agree! / all).toFixed(3)}`,
  );
  console.log(JSON.stringify(totals));
}

main();
