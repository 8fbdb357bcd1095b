/**
 * `npm run eval:label`: builds `test/fixtures/real/cases.json` from the hand-written label
 * source `test/fixtures/real/labels.txt` and the cached excerpts (rules in `docs/EVAL.md`).
 *
 * labels.txt holds one block per case:
 *
 *   ## <case id>
 *   query: <the query run on the pages corpus>
 *   url: <the address of the result>
 *   lang: en | zh | ja | ko
 *   kind: on-topic | off-topic
 *   jurisdictions: US, CN
 *   <text> | <type: regulator|firm|official or r|f|o> | <canonical English name> | <jurisdiction> [| <which>] [| Q123]
 *
 * A label line stands for every whole-word occurrence of <text> in the excerpt, except those
 * inside an occurrence of a longer label text of the same case (label the longest name). <which>
 * narrows it: `1,3` (only those), `-2` (all but the 2nd), `+nested` (nested ones too).
 * The dataset id is filled in when the name resolves today (see `makeResolver`).
 *
 * Without the cache, the existing lengths, digests and occurrences are kept from cases.json.
 * `--audit` lists every dataset name in an excerpt that no label covers (for review);
 * `--unresolved` lists the labelled names the dataset does not have today.
 * `--second <file>` writes a second-pass label file (same format, labels only) to JSON instead,
 * for `scripts/eval-agreement.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../lib/dataset/load';
import type { EntityRecord } from '../lib/dataset/schema';
import {
  CASES_FILE,
  ROOT_DIR,
  flatText,
  makeResolver,
  occurrencesOf,
  readCached,
  sha256,
  cachePath,
  type CasesFile,
  type EntityType,
  type RealCase,
  type RealLabel,
} from './eval-real-cases';

export const LABELS_FILE = join(ROOT_DIR, 'test', 'fixtures', 'real', 'labels.txt');

const TYPES: Record<string, EntityType> = {
  r: 'regulator',
  regulator: 'regulator',
  f: 'firm',
  firm: 'firm',
  o: 'official',
  official: 'official',
};

export interface LabelLine {
  text: string;
  type: EntityType;
  name: string;
  jurisdiction: string;
  which: string;
  wikidata?: string;
  line: number;
}

export interface SpecBlock {
  id: string;
  meta: Record<string, string>;
  lines: LabelLine[];
}

export function parseSpec(source: string, file: string): SpecBlock[] {
  const blocks: SpecBlock[] = [];
  const errors: string[] = [];
  let cur: SpecBlock | undefined;
  source.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#!')) return;
    const head = /^## (\S+)$/.exec(line);
    if (head) {
      cur = { id: head[1]!, meta: {}, lines: [] };
      blocks.push(cur);
      return;
    }
    if (!cur) {
      errors.push(`${file}:${i + 1}: text before the first "## <case id>"`);
      return;
    }
    const meta = /^(query|url|lang|kind|jurisdictions):\s*(.*)$/.exec(line);
    if (meta && !line.includes('|')) {
      cur.meta[meta[1]!] = meta[2]!;
      return;
    }
    const parts = line.split('|').map((p) => p.trim());
    const [text, type, name, jurisdiction, which = '', wikidata] = parts;
    const t = TYPES[type ?? ''];
    if (!text || !t || !name || !jurisdiction || parts.length > 6) {
      errors.push(`${file}:${i + 1}: expected "text | type | name | jurisdiction [| which] [| Q-id]": ${line}`);
      return;
    }
    if (wikidata && !/^Q\d+$/.test(wikidata)) errors.push(`${file}:${i + 1}: "${wikidata}" is not a Wikidata id`);
    cur.lines.push({ text, type: t, name, jurisdiction, which, wikidata: wikidata || undefined, line: i + 1 });
  });
  if (errors.length) throw new Error(errors.join('\n'));
  return blocks;
}

/** Occurrence numbers a label line stands for, given the page text and the case's other label texts. */
export function expandLine(flat: string, l: LabelLine, allTexts: string[]): number[] {
  const occ = occurrencesOf(flat, l.text);
  const longer = allTexts.filter((t) => t.length > l.text.length && t.includes(l.text));
  const spans = longer.flatMap((t) => occurrencesOf(flat, t).map((at) => [at, at + t.length] as const));
  const nested = (at: number) => spans.some(([s, e]) => at >= s && at + l.text.length <= e);
  const spec = l.which.replace(/\s+/g, '');
  let picked = occ.map((_, i) => i + 1);
  if (!spec.includes('+nested')) picked = picked.filter((n) => !nested(occ[n - 1]!));
  const rest = spec.replace('+nested', '');
  if (/^\d+(,\d+)*$/.test(rest)) {
    const only = rest.split(',').map(Number);
    picked = only;
  } else if (/^-\d+(,\d+)*$/.test(rest)) {
    const drop = new Set(rest.slice(1).split(',').map(Number));
    picked = picked.filter((n) => !drop.has(n));
  } else if (rest) throw new Error(`line ${l.line}: cannot read "${l.which}"`);
  return picked;
}

/**
 * Every occurrence of a dataset name, alias or native name in an excerpt that no label covers,
 * for review: each should be a deliberate exclusion under the rules (a product, a place, an
 * ordinary word, a generic reference), not a forgotten mention. Prints names and ids, with
 * context (the context is for the terminal only: never paste it into the repository).
 */
function audit(cases: RealCase[], records: EntityRecord[]): void {
  const names: [string, string][] = [];
  for (const r of records)
    for (const t of [
      r.name,
      ...(r.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
      ...(r.nativeNames ?? []).map((n) => n.text),
    ])
      if (t.length >= 2) names.push([t, r.id]);
  for (const c of cases) {
    const st = readCached(c);
    if (st.status !== 'ok') continue;
    const flat = flatText(st.text);
    const spans = c.labels.map((l) => {
      const at = occurrencesOf(flat, l.text)[l.occurrence - 1] ?? -1;
      return [at, at + l.text.length] as const;
    });
    const hits = new Map<number, string>();
    for (const [t, id] of names) {
      if (!flat.includes(t)) continue;
      for (const at of occurrencesOf(flat, t))
        if (!spans.some(([s, e]) => at < e && s < at + t.length) && !hits.has(at))
          hits.set(
            at,
            `${id}: …${flat.slice(Math.max(0, at - 30), at)}[${t}]${flat.slice(at + t.length, at + t.length + 20)}…`,
          );
    }
    if (hits.size) console.log(`== ${c.id} (${c.kind})\n${[...hits.values()].map((h) => `  ${h}`).join('\n')}`);
  }
}

function main(): void {
  const secondIdx = process.argv.indexOf('--second');
  const specFile = secondIdx >= 0 ? process.argv[secondIdx + 1]! : LABELS_FILE;
  const blocks = parseSpec(readFileSync(specFile, 'utf8'), specFile);
  const old = existsSync(CASES_FILE)
    ? new Map((JSON.parse(readFileSync(CASES_FILE, 'utf8')) as CasesFile).cases.map((c) => [c.id, c]))
    : new Map<string, RealCase>();
  const records = loadDataset().records;
  const resolver = makeResolver(records);
  const problems: string[] = [];
  const cases: RealCase[] = [];
  for (const b of blocks) {
    const prev = old.get(b.id);
    let text: string | undefined;
    if (existsSync(cachePath(b.id))) {
      const raw = readFileSync(cachePath(b.id), 'utf8');
      if (prev && secondIdx >= 0) {
        const st = readCached(prev);
        if (st.status !== 'ok') problems.push(`${b.id}: cache ${st.status}`);
      }
      text = raw;
    }
    const m = { ...(prev ? { query: prev.query, url: prev.url, lang: prev.lang, kind: prev.kind } : {}), ...b.meta };
    const jurisdictions = (b.meta.jurisdictions ?? prev?.jurisdictions.join(',') ?? '').split(/[,\s]+/).filter(Boolean);
    if (!m.query || !m.url || !m.lang || !m.kind) problems.push(`${b.id}: query, url, lang and kind are required`);
    const labels: RealLabel[] = [];
    if (text === undefined) {
      if (!prev) problems.push(`${b.id}: no cached excerpt and no earlier record`);
      else labels.push(...prev.labels);
    } else {
      const flat = flatText(text);
      const texts = b.lines.map((l) => l.text);
      for (const l of b.lines) {
        const nums = expandLine(flat, l, texts);
        const total = occurrencesOf(flat, l.text).length;
        if (total === 0) problems.push(`${b.id}:${l.line}: "${l.text}" is not in the excerpt`);
        for (const n of nums) {
          if (n > total) problems.push(`${b.id}:${l.line}: "${l.text}" has no occurrence ${n} (${total})`);
          const rec = resolver.resolve({ type: l.type, name: l.name, wikidata: l.wikidata });
          labels.push({
            text: l.text,
            occurrence: n,
            type: l.type,
            name: l.name,
            jurisdiction: l.jurisdiction,
            ...(rec ? { entity: rec.id } : {}),
            ...(l.wikidata ? { wikidata: l.wikidata } : {}),
          });
        }
      }
    }
    const seen = new Set<string>();
    for (const l of labels) {
      const k = `${l.text}\u0000${l.occurrence}`;
      if (seen.has(k)) problems.push(`${b.id}: "${l.text}" occurrence ${l.occurrence} labelled twice`);
      seen.add(k);
    }
    cases.push({
      id: b.id,
      query: m.query ?? '',
      corpus: 'pages',
      url: m.url ?? '',
      lang: m.lang ?? '',
      kind: (m.kind ?? 'on-topic') as RealCase['kind'],
      jurisdictions,
      length: text?.length ?? prev?.length ?? 0,
      sha256: text !== undefined ? sha256(text) : (prev?.sha256 ?? ''),
      labels,
    });
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
  const outFile = secondIdx >= 0 ? specFile.replace(/\.txt$/, '.json') : CASES_FILE;
  const body: CasesFile = {
    note: 'Generated by `npm run eval:label` from labels.txt. Excerpt texts are not here: see docs/EVAL.md.',
    cases,
  };
  writeFileSync(outFile, `${JSON.stringify(body, null, 1)}\n`);
  const n = cases.reduce((a, c) => a + c.labels.length, 0);
  const resolved = cases.reduce((a, c) => a + c.labels.filter((l) => l.entity).length, 0);
  console.log(`${cases.length} cases, ${n} labels (${resolved} resolve to a dataset entity today) → ${outFile}`);
  if (process.argv.includes('--audit')) audit(cases, records);
  if (process.argv.includes('--unresolved')) {
    const names = new Map<string, number>();
    for (const c of cases)
      for (const l of c.labels)
        if (!l.entity) names.set(`${l.type}\t${l.name}`, (names.get(`${l.type}\t${l.name}`) ?? 0) + 1);
    for (const [k, v] of [...names].sort()) console.log(`${v}\t${k}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
