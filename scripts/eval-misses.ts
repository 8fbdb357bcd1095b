/**
 * The real set's misses without a browser: each case's excerpt as the page's blocks (title, then
 * one block a line), matched in Node with the index compiled from the dataset now, and for every
 * labelled mention not found: whether the index holds that surface form (or a form inside it, or
 * one around it), which candidates the scanner gave on that span and for which entity, and what
 * the resolver did with them. Prints excerpt words: for local use only, never commit its output.
 *
 *   npx tsx scripts/eval-misses.ts [--lang zh,ja,ko] [--page <text>] [--fp] [--summary]
 */
import { compileDataset } from '../lib/dataset/compile';
import { defaultExpandOptions, loadDataset } from '../lib/dataset/load';
import { deserializeIndex, serializeIndex } from '../lib/match/index-format';
import { PageMatcher, runSteps } from '../lib/match/page-matcher';
import { RULE_IDS } from '../lib/match/rules';
import { Scanner } from '../lib/match/scan';
import { flatText, loadCases, makeResolver, occurrencesOf, readCached } from './eval-real-cases';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const langs = new Set((opt('--lang') ?? 'zh,ja,ko').split(','));
const pageFilter = opt('--page');
const showFp = args.includes('--fp');
const summaryOnly = args.includes('--summary');

const ds = loadDataset();
const { index } = compileDataset(ds.records, defaultExpandOptions(), ds.curatedIds);
const scanner = new Scanner(deserializeIndex(serializeIndex(index)));
const resolver = makeResolver(ds.records);
const ids = scanner.index.meta.ids;
const entityOf = new Map(ids.map((id, i) => [id, i]));

interface Tally {
  mentions: number;
  found: number;
  entities: Set<string>;
  foundEntities: Set<string>;
  marks: number;
  correct: number;
}
const tally = new Map<string, Tally>();
const kinds = new Map<string, number>();

for (const c of loadCases()) {
  if (!langs.has(c.lang) || (pageFilter && !c.id.includes(pageFilter))) continue;
  const cached = readCached(c);
  if (cached.status !== 'ok') continue;
  const lines = cached.text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  // Blocks as the page agent reads them, each with its offset in the flat text.
  const blocks = lines.map((l) => l.replace(/\s+/g, ' '));
  const offsets: number[] = [];
  let at = 0;
  for (const b of blocks) {
    offsets.push(at);
    at += b.length + 1;
  }
  const flat = flatText(cached.text);
  const pm = new PageMatcher(scanner);
  pm.update(
    blocks.map((_, i) => i),
    blocks.map((text, id) => ({ id, text })),
  );
  const mentions = runSteps(pm.match()).map((m) => ({
    ...m,
    fs: offsets[m.block]! + m.start,
    fe: offsets[m.block]! + m.end,
  }));
  const cands = blocks.flatMap((text, b) =>
    scanner.scan(text).map((x) => ({ ...x, fs: offsets[b]! + x.start, fe: offsets[b]! + x.end })),
  );
  const t = tally.get(c.lang) ?? {
    mentions: 0,
    found: 0,
    entities: new Set(),
    foundEntities: new Set(),
    marks: 0,
    correct: 0,
  };
  tally.set(c.lang, t);
  const out: string[] = [];
  const labelSpans: { s: number; e: number; type: string; entity?: number }[] = [];
  for (const l of c.labels) {
    const occ = occurrencesOf(flat, l.text)[l.occurrence - 1];
    if (occ === undefined) continue;
    const rec = resolver.resolve(l);
    const ent = rec ? entityOf.get(rec.id) : undefined;
    const s = occ;
    const e = occ + l.text.length;
    labelSpans.push({ s, e, type: l.type, entity: ent });
    const key = `${c.id}\u0000${rec?.id ?? `${l.type}:${l.name}`}`;
    t.mentions++;
    t.entities.add(key);
    const hit = mentions.find(
      (m) =>
        ((m.fs <= s && m.fe >= e) || (m.fs >= s && m.fe <= e)) &&
        (ent === undefined ? scanner.index.meta.ids[m.entity] !== undefined : m.entity === ent),
    );
    if (hit && (ent !== undefined || true)) {
      t.found++;
      t.foundEntities.add(key);
      continue;
    }
    // Why not: what the scanner saw over the span.
    const over = cands.filter((x) => x.fs < e && x.fe > s);
    const marked = mentions.filter((m) => m.fs < e && m.fe > s);
    let kind: string;
    if (!rec) kind = 'not-in-dataset';
    else if (over.some((x) => x.entity === ent && x.fs === s && x.fe === e)) kind = 'exact-candidate-rejected';
    else if (over.some((x) => x.entity === ent)) kind = 'partial-candidate';
    else kind = 'no-candidate';
    kinds.set(`${c.lang} ${kind}`, (kinds.get(`${c.lang} ${kind}`) ?? 0) + 1);
    const ctx = `${flat.slice(Math.max(0, s - 12), s)}[${l.text}]${flat.slice(e, e + 12)}`;
    const describe = (x: { entity: number; fs: number; fe: number; flags?: number; rule?: number }) =>
      `${ids[x.entity]}:${flat.slice(x.fs, x.fe)}${x.flags !== undefined ? `/f${x.flags}` : ''}${x.rule !== undefined ? `/${RULE_IDS[x.rule]}` : ''}`;
    out.push(
      `  MISS ${kind.padEnd(25)} ${l.type.padEnd(9)} ${rec?.id ?? `(${l.name})`}  ${ctx}` +
        (over.length ? `\n       cands: ${over.map(describe).join(', ')}` : '') +
        (marked.length ? `\n       marked: ${marked.map(describe).join(', ')}` : ''),
    );
  }
  for (const m of mentions) {
    t.marks++;
    const ok = labelSpans.some(
      (l) =>
        ((m.fs <= l.s && m.fe >= l.e) || (m.fs >= l.s && m.fe <= l.e)) &&
        (l.entity === undefined || l.entity === m.entity),
    );
    if (ok) t.correct++;
    else if (showFp)
      out.push(
        `  FP   ${ids[m.entity]} ${RULE_IDS[m.rule]}  ${flat.slice(Math.max(0, m.fs - 12), m.fs)}[${flat.slice(m.fs, m.fe)}]${flat.slice(m.fe, m.fe + 12)}`,
      );
  }
  if (!summaryOnly && out.length) console.log(`\n${c.id} (${c.lang})\n${out.join('\n')}`);
}

console.log('\nlang  marks  precision  m.recall  e.recall   (Node, approximate)');
for (const [lang, t] of tally)
  console.log(
    `${lang.padEnd(5)} ${String(t.marks).padStart(5)}  ${(t.correct / Math.max(1, t.marks)).toFixed(3).padStart(9)}  ${(t.found / t.mentions).toFixed(3).padStart(8)}  ${(t.foundEntities.size / t.entities.size).toFixed(3).padStart(8)}`,
  );
console.log('\nmisses by kind:');
for (const [k, n] of [...kinds].sort()) console.log(`  ${k}: ${n}`);
