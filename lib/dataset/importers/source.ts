/**
 * The one shape every importer has: read rows from a copy of a public list → records with
 * sources and dates. `scripts/import-dataset.ts` runs each registered importer, merges the
 * same entity across sources (by Wikidata id, CIK, ISIN, ticker + exchange) and writes
 * `assets/dataset/imported/<output>.json`.
 *
 * Copies of the lists live outside git: `../shared/data/sources/` (given to the project) and
 * `.sources/` (extracted from fetched repositories by `scripts/fetch-sources.ts`). An importer
 * only reads through `ImportContext`, so unit tests hand it a few rows of text.
 */
import type { EntityRecord } from '../schema';

export interface ImportContext {
  /** The text of a file under the sources folders, e.g. `unitedstates__congress-legislators/executive.yaml`. */
  read(rel: string): string;
  exists(rel: string): boolean;
  /** File names (not paths) in a folder under the sources folders, sorted. */
  list(dir: string): string[];
  /** Lower-case single English word? (SCOWL word list, for flagging aliases that are words.) */
  isWord(w: string): boolean;
  /** Ids already taken by other sources or curated files (an importer picks another id for a different entity). */
  reservedIds: ReadonlySet<string>;
  /** Records of the curated files and of the importers run before this one, to find the same entity. */
  existing?: readonly EntityRecord[];
  /** Ids of curated records: an imported record given one of them is replaced by the curated record. */
  curatedIds?: ReadonlySet<string>;
  /** Records of the importers before this one (registry order), for a source that has no ids of its own to link by. */
  earlier?: readonly EntityRecord[];
}

export interface ImportResult {
  records: EntityRecord[];
  /** Rows skipped, each naming its file and row and why ("sec.json row 812: no name"). */
  skipped: string[];
}

export interface Importer {
  /** Output file name under assets/dataset/imported, without `.json`. */
  output: string;
  /** The source folders it reads (under the sources folders), for the message when one is missing. */
  reads: string[];
  run(ctx: ImportContext): ImportResult;
}
