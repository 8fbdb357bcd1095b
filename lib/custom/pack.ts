/**
 * Entity packs: a set of the reader's own entities in one JSON file, to share or move.
 * {"format":"dramatis-entities","version":1,"exportedAt":<ms>,"entities":[CustomEntity, …]}.
 * Validated as a whole like a notes file (lib/notes/import-export.ts): a bad file changes nothing;
 * a good one merges by id and `updatedAt`. Pure.
 */
import { z } from 'zod';
import {
  capErrors,
  describeIssue,
  duplicateAndTimeErrors,
  planMergeOf,
  parseJsonObject,
  type MergeCounts,
} from '../notes/import-export';
import { canonicalCustom, customEntitySchema, type CustomEntity } from './types';

export const PACK_FORMAT = 'dramatis-entities';
export const PACK_VERSION = 1;

const packSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    version: z.literal(PACK_VERSION),
    exportedAt: z.number().int().nonnegative(),
    entities: z.array(customEntitySchema).max(100_000),
  })
  .strict();

export interface PackFile {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  exportedAt: number;
  entities: CustomEntity[];
}

/** Oldest first, ties by id; deleted ones are not exported. */
export function toPack(entities: readonly CustomEntity[], exportedAt: number): PackFile {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    exportedAt,
    entities: entities
      .filter((e) => e.deletedAt === undefined)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(canonicalCustom),
  };
}

export function toPackJson(entities: readonly CustomEntity[], exportedAt: number): string {
  return JSON.stringify(toPack(entities, exportedAt), null, 2) + '\n';
}

export type PackParse = { ok: true; file: PackFile } | { ok: false; errors: string[] };

export function parsePack(text: string, maxErrors = 20): PackParse {
  const top = parseJsonObject(text, 'a Dramatis entity pack');
  if (!top.ok) return top;
  const obj = top.obj;
  if (obj.format === 'dramatis-notes')
    return {
      ok: false,
      errors: ['format: this is a Dramatis backup (notes and entities); import it under Export & import'],
    };
  if (obj.format !== PACK_FORMAT)
    return {
      ok: false,
      errors: [
        `format: expected "${PACK_FORMAT}", found ${obj.format === undefined ? 'nothing' : JSON.stringify(obj.format)} — this is not a Dramatis entity pack`,
      ],
    };
  if (typeof obj.version === 'number' && obj.version > PACK_VERSION)
    return {
      ok: false,
      errors: [`version: this pack is version ${obj.version}, written by a newer Dramatis; this one reads version 1`],
    };
  const r = packSchema.safeParse(obj);
  const errors = r.success ? [] : r.error.issues.map((i) => describeIssue(i, obj));
  if (r.success) errors.push(...duplicateAndTimeErrors(r.data.entities, 'entities'));
  if (errors.length || !r.success) return { ok: false, errors: capErrors(errors, maxErrors) };
  return { ok: true, file: r.data as PackFile };
}

/**
 * As notes merge (by id, the later edit wins), and one more rule: an entity the reader deleted
 * (still kept for undo) comes back when the file holds it undeleted and edited no earlier.
 */
export function planPackMerge(
  existing: ReadonlyMap<string, CustomEntity>,
  incoming: readonly CustomEntity[],
): { put: CustomEntity[]; counts: MergeCounts } {
  const revived: CustomEntity[] = [];
  const rest = incoming.filter((e) => {
    const held = existing.get(e.id);
    const back = !!held && held.deletedAt !== undefined && e.deletedAt === undefined && e.updatedAt >= held.updatedAt;
    if (back) revived.push(canonicalCustom(e));
    return !back;
  });
  const plan = planMergeOf(existing, rest, canonicalCustom);
  plan.put.push(...revived);
  plan.counts.updated += revived.length;
  return plan;
}
