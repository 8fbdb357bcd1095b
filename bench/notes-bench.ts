/**
 * Notes search benchmark: 10,000 generated notes, searched in memory with the same pure code the
 * options page runs (lib/notes/search.ts). Reports median and p95 latency over many queries,
 * and index build time. Run: `npx tsx bench/notes-bench.ts` (writes bench/notes-results.json).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { indexNotes, searchNotes, type NotesQuery } from '../lib/notes/search';
import type { Note } from '../lib/notes/types';

const NOTES = 10_000;
const QUERIES = 2_000;
const ROOT = join(import.meta.dirname, '..');

// A small deterministic PRNG so every run searches the same notes.
let seed = 0x2f6a9c4f;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

interface Ent {
  id: string;
  name: string;
  nativeNames?: { text: string }[];
  aliases?: (string | { text: string })[];
}
const entitiesFile = join(ROOT, '.generated', 'entities.json');
const entities: Ent[] = existsSync(entitiesFile)
  ? (JSON.parse(readFileSync(entitiesFile, 'utf8')) as Ent[])
  : Array.from({ length: 2000 }, (_, i) => ({ id: `e${i}`, name: `Entity number ${i}` }));
const byId = new Map(entities.map((e) => [e.id, e]));
const namesOf = (id: string): string[] => {
  const e = byId.get(id);
  if (!e) return [];
  return [
    e.name,
    ...(e.nativeNames ?? []).map((n) => n.text),
    ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
  ];
};

const WORDS =
  'regulator fined data export security review listing antitrust probe platform rules draft consultation spokesperson briefing minister vice deputy chairman filing quarterly earnings guidance merger approval license suspended app store removal cybersecurity personal information cross-border transfer penalty yuan billion million hearing testimony committee senator letter inquiry settlement compliance audit sanctions export-control chip semiconductor ban tariff retaliation statement interview policy reform stimulus bank capital ratio insurance fintech lending crackdown'.split(
    ' ',
  );
const TAGS = [
  'data',
  'antitrust',
  'fines',
  'listing',
  'chips',
  'policy',
  'follow-up',
  'sources',
  'china',
  'us',
  'eu',
  'todo',
];
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

const people = entities.slice(0, 600); // notes cluster on a few hundred entities, as a reader's would
const start = Date.UTC(2022, 0, 1);
const notes: Note[] = Array.from({ length: NOTES }, (_, i) => {
  const createdAt = start + Math.floor(rand() * 3 * 365 * 86_400_000);
  const e = pick(people);
  return {
    id: `bench-${i}`,
    entityId: e.id,
    text: `${sentence(8 + Math.floor(rand() * 40))}.`,
    tags: Array.from(new Set(Array.from({ length: Math.floor(rand() * 3) }, () => pick(TAGS)))),
    createdAt,
    updatedAt: createdAt + (rand() < 0.2 ? Math.floor(rand() * 86_400_000) : 0),
    ...(rand() < 0.5 ? { pageUrl: `https://news.example/${i}`, pageTitle: `${e.name}: ${sentence(6)}` } : {}),
    ...(rand() < 0.3 ? { quote: sentence(20) } : {}),
  };
});

// Queries a reader types: single words, prefixes, two words, entity names, tags, filters, misses.
const queries: NotesQuery[] = Array.from({ length: QUERIES }, () => {
  const r = rand();
  if (r < 0.2) return { text: pick(WORDS) };
  if (r < 0.35) return { text: pick(WORDS).slice(0, 3) };
  if (r < 0.5) return { text: `${pick(WORDS)} ${pick(WORDS)}` };
  if (r < 0.65) return { text: pick(people).name.split(' ')[0] };
  if (r < 0.75) return { text: pick(WORDS), tag: pick(TAGS) };
  if (r < 0.85) {
    const from = start + Math.floor(rand() * 2 * 365 * 86_400_000);
    return { text: pick(WORDS), from, to: from + 90 * 86_400_000 };
  }
  if (r < 0.92) return { entityId: pick(people).id };
  return { text: 'zzqx nothing matches this' };
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

// Index build (what the options page does once after loading notes).
const buildTimes: number[] = [];
let index = indexNotes(notes, namesOf);
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  index = indexNotes(notes, namesOf);
  buildTimes.push(performance.now() - t0);
}

// Warm up, then time every query: the full result list (what the page filters before paging).
for (const q of queries.slice(0, 200)) searchNotes(index, q);
const times: number[] = [];
let hits = 0;
for (const q of queries) {
  const t0 = performance.now();
  const r = searchNotes(index, q);
  times.push(performance.now() - t0);
  hits += r.length;
}

// Baseline in the same run: a plain lower-cased substring test over every note's text, the
// least a search box could do (no tags, names, accents or word order).
const baseTimes: number[] = [];
const textQueries = queries.filter(
  (q): q is typeof q & { text: string } => typeof q.text === 'string' && q.text.length > 0,
);
for (const q of textQueries.slice(0, 300)) {
  const needle = q.text.toLowerCase();
  const t0 = performance.now();
  let n = 0;
  for (const note of notes) if (note.text.toLowerCase().includes(needle)) n++;
  baseTimes.push(performance.now() - t0);
  if (n < 0) console.log(n);
}

const results = {
  notes: NOTES,
  baselineMedianMs: round(median(baseTimes)),
  ratioToBaseline: round(median(times) / median(baseTimes), 2),
  queries: QUERIES,
  entities: entities.length,
  medianSearchMs: round(median(times)),
  p95SearchMs: round(pct(times, 0.95)),
  maxSearchMs: round(Math.max(...times)),
  meanHits: round(hits / QUERIES, 1),
  medianIndexBuildMs: round(median(buildTimes), 1),
  node: process.version,
  measuredAt: new Date().toISOString(),
};
writeFileSync(join(ROOT, 'bench', 'notes-results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(
  `notes search over ${NOTES.toLocaleString('en')} notes: median ${results.medianSearchMs} ms, p95 ${results.p95SearchMs} ms, max ${results.maxSearchMs} ms over ${QUERIES.toLocaleString('en')} queries (index build ${results.medianIndexBuildMs} ms)`,
);
console.log('wrote bench/notes-results.json');
