/**
 * Build step: validate the dataset, compile the matching index for the content script and
 * write the entity details for extension pages. Fails (exit 1) naming every bad record.
 *   .generated/match-index.bin  the index, shipped as data/match-index.bin (loaded by the background)
 *   .generated/entities.json    id → details, shipped as data/entities.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDataset } from '../lib/dataset/compile';
import { toCardEntity } from '../lib/entities';
import { defaultExpandOptions, loadDataset } from '../lib/dataset/load';
import { DatasetError } from '../lib/dataset/validate';
import { serializeIndex } from '../lib/match/index-format';

const root = join(import.meta.dirname, '..');
const outDir = join(root, '.generated');

try {
  const t0 = performance.now();
  const ds = loadDataset();
  const { index, aliasCount } = compileDataset(ds.records, defaultExpandOptions());
  const bytes = serializeIndex(index);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'match-index.bin'), bytes);
  writeFileSync(join(outDir, 'entities.json'), JSON.stringify(ds.records.map(toCardEntity)));
  console.log(
    `dataset: ${ds.records.length} entities, ${aliasCount} aliases → index ${(bytes.length / 1024).toFixed(1)} KiB ` +
      `(${index.fail.length} states) in ${(performance.now() - t0).toFixed(0)} ms`,
  );
} catch (err) {
  if (err instanceof DatasetError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
