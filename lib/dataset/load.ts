/**
 * Reads every dataset file from disk (Node, build time) and validates it as a whole.
 * Curated files are merged over imported ones: a curated record with an imported record's id
 * replaces it, so a hand-checked fact always wins over a bulk list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ExpandOptions } from './aliases';
import type { EntityRecord } from './schema';
import { checkDataset, DatasetError, parseRecords, type SourcedRecord } from './validate';

export const DATASET_DIR = join(import.meta.dirname, '..', '..', 'assets', 'dataset');

let words: Set<string> | undefined;
/** English dictionary words (SCOWL via the `word-list` package), for flagging ambiguous aliases. */
export function englishWords(): Set<string> {
  if (!words) {
    const path = join(import.meta.dirname, '..', '..', 'node_modules', 'word-list', 'words.txt');
    words = new Set(readFileSync(path, 'utf8').split('\n'));
  }
  return words;
}

let abbreviations: Set<string> | undefined;
/** Abbreviations English news uses for ordinary things (assets/dataset/sources/common-abbreviations.json). */
export function commonAbbreviations(): Set<string> {
  if (!abbreviations) {
    const path = join(DATASET_DIR, 'sources', 'common-abbreviations.json');
    const data = JSON.parse(readFileSync(path, 'utf8')) as { abbreviations: string[] };
    abbreviations = new Set(data.abbreviations);
  }
  return abbreviations;
}

export function defaultExpandOptions(): ExpandOptions {
  const w = englishWords();
  const abbr = commonAbbreviations();
  return { isWord: (x) => w.has(x), isAbbreviation: (x) => abbr.has(x) };
}

function jsonFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => join(dir, n));
}

export interface LoadedDataset {
  records: EntityRecord[];
  byId: Map<string, EntityRecord>;
  files: string[];
  /** Ids of records from the hand-curated files. */
  curatedIds: Set<string>;
}

/** Loads and validates; throws a DatasetError naming every problem found. */
export function loadDataset(dir = DATASET_DIR, opts = defaultExpandOptions()): LoadedDataset {
  const problems: string[] = [];
  const imported: SourcedRecord[] = [];
  const curated: SourcedRecord[] = [];
  const files: string[] = [];
  for (const [sub, into] of [
    ['imported', imported],
    ['curated', curated],
  ] as const) {
    for (const path of jsonFiles(join(dir, sub))) {
      const file = relative(join(dir, '..', '..'), path);
      files.push(file);
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(path, 'utf8'));
      } catch (err) {
        problems.push(`${file}: not valid JSON: ${(err as Error).message}`);
        continue;
      }
      into.push(...parseRecords(file, data, problems));
    }
  }
  const curatedIds = new Set(curated.map((r) => r.record.id));
  const merged = [...imported.filter((r) => !curatedIds.has(r.record.id)), ...curated];
  const byId = checkDataset(merged, opts, problems);
  if (problems.length) throw new DatasetError(problems);
  return { records: merged.map((r) => r.record), byId, files, curatedIds };
}
