/**
 * Build step: validate the dataset, compile the matching index for the content script and
 * write the entity details for extension pages. Fails (exit 1) naming every bad record.
 *   .generated/match-index.bin  the index, shipped as data/match-index.bin (loaded by the background)
 *   .generated/entities/<xx>.json  details by id in 256 shards (lib/entities.ts shardOf), served by the background
 *   .generated/search.json      the entity search index (MiniSearch, serialised), loaded by the background
 *   .generated/search-top.json  the same over the regulators and the 6,000 most prominent others (first tier)
 *   .generated/words.txt        the English word list the build flags ordinary words with, sorted, for
 *                               the reader's own names (the background flags them the same way)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDataset } from '../lib/dataset/compile';
import { ALIAS_ACRONYM, expandAliases } from '../lib/dataset/aliases';
import { shardOf, toCardEntities, type CardEntity } from '../lib/entities';
import { EntitySearch, searchDocOf } from '../lib/entity-search';
import { defaultExpandOptions, englishWords, loadDataset } from '../lib/dataset/load';
import { wordListText } from '../lib/match/word-list';
import { DatasetError } from '../lib/dataset/validate';
import { serializeIndex } from '../lib/match/index-format';

const root = join(import.meta.dirname, '..');
/** Entities in the first search tier besides the regulators (lib/background/entity-store.ts). */
const TOP_TIER = 6000;
const outDir = join(root, '.generated');

try {
  const t0 = performance.now();
  const ds = loadDataset();
  const { index, aliasCount } = compileDataset(ds.records, defaultExpandOptions(), ds.curatedIds);
  const bytes = serializeIndex(index);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'match-index.bin'), bytes);
  const t1 = performance.now();
  const cards = toCardEntities(ds.records, ds.curatedIds);
  const shards = new Map<string, Record<string, CardEntity>>();
  for (const c of cards) {
    const k = shardOf(c.id);
    const shard = shards.get(k) ?? {};
    shard[c.id] = c;
    shards.set(k, shard);
  }
  const shardDir = join(outDir, 'entities');
  rmSync(shardDir, { recursive: true, force: true });
  mkdirSync(shardDir, { recursive: true });
  for (const [k, shard] of shards) writeFileSync(join(shardDir, `${k}.json`), JSON.stringify(shard));
  rmSync(join(outDir, 'entities.json'), { force: true });
  rmSync(join(outDir, 'match-index.ts'), { force: true });
  const opts = defaultExpandOptions();
  const acronyms = new Map(
    ds.records.map((r) => [
      r.id,
      expandAliases(r, opts)
        .filter((a) => a.flags & ALIAS_ACRONYM)
        .map((a) => a.text),
    ]),
  );
  const docs = cards.map((c) => searchDocOf(c, (id) => acronyms.get(id) ?? []));
  const searchJson = JSON.stringify(EntitySearch.build(docs));
  writeFileSync(join(outDir, 'search.json'), searchJson);
  // The first tier, ready at once: every regulator and the most prominent others.
  const top = [...docs].sort((a, b) => b.p - a.p).filter((d, i) => d.type === 'regulator' || i < TOP_TIER);
  writeFileSync(join(outDir, 'search-top.json'), JSON.stringify(EntitySearch.build(top)));
  writeFileSync(join(outDir, 'words.txt'), wordListText(englishWords()));
  console.log(
    `dataset: ${ds.records.length} entities, ${aliasCount} aliases → index ${(bytes.length / 1024).toFixed(1)} KiB ` +
      `(${index.fail.length} states) in ${(t1 - t0).toFixed(0)} ms; details in ${shards.size} shards, ` +
      `search index ${(searchJson.length / 1024 / 1024).toFixed(1)} MB in ${(performance.now() - t1).toFixed(0)} ms`,
  );
} catch (err) {
  if (err instanceof DatasetError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
