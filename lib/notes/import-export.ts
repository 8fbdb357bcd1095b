/**
 * Export and import of notes. Pure: no database, no DOM, no extension APIs.
 *
 * The JSON file: {"format":"dramatis-notes","version":2,"exportedAt":<ms>,"notes":[Note, …],
 * "entities":[CustomEntity, …],"history":[Sighting, …]} — a whole backup: the notes, the reader's
 * own entities and where entities were met. Version 1 files (notes only) are still read.
 * Import validates the whole file before anything is written; a bad file is refused with
 * messages naming the place of each problem ("notes[3].createdAt: expected a number").
 */
import { z } from 'zod';
import {
  canonicalCustom,
  canonicalSighting,
  customEntitySchema,
  sightingSchema,
  type CustomEntity,
  type Sighting,
} from '../custom/types';
import type { Note } from './types';

export const EXPORT_FORMAT = 'dramatis-notes';
export const EXPORT_VERSION = 2;

const time = z.number().int().nonnegative();

export const noteSchema = z
  .object({
    id: z.string().min(1).max(100),
    entityId: z.string().min(1).max(200),
    text: z.string().max(100_000),
    tags: z.array(z.string().min(1).max(100)).max(50),
    createdAt: time,
    updatedAt: time,
    pageUrl: z.string().max(4096).optional(),
    pageTitle: z.string().max(1000).optional(),
    quote: z.string().max(10_000).optional(),
    deletedAt: time.optional(),
  })
  .strict();

const exportFileV1Schema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(1),
    exportedAt: time,
    notes: z.array(noteSchema),
  })
  .strict();

export const exportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: time,
    notes: z.array(noteSchema),
    entities: z.array(customEntitySchema),
    history: z.array(sightingSchema),
  })
  .strict();

export type ExportFile = z.infer<typeof exportFileSchema>;

export interface ExportFileOf {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  notes: Note[];
  entities: CustomEntity[];
  history: Sighting[];
}

/** What a backup holds besides the notes. */
export interface BackupExtras {
  entities?: readonly CustomEntity[];
  history?: readonly Sighting[];
}

/** Keeps only the fields a note has, in a fixed order, so exports compare byte for byte. */
export function canonicalNote(n: Note): Note {
  return {
    id: n.id,
    entityId: n.entityId,
    text: n.text,
    tags: [...n.tags],
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    ...(n.pageUrl !== undefined ? { pageUrl: n.pageUrl } : {}),
    ...(n.pageTitle !== undefined ? { pageTitle: n.pageTitle } : {}),
    ...(n.quote !== undefined ? { quote: n.quote } : {}),
    ...(n.deletedAt !== undefined ? { deletedAt: n.deletedAt } : {}),
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Oldest first, ties by id: the same data always give the same file. */
export function toExportFile(notes: readonly Note[], exportedAt: number, extras: BackupExtras = {}): ExportFileOf {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    notes: [...notes].sort((a, b) => a.createdAt - b.createdAt || byId(a, b)).map(canonicalNote),
    entities: [...(extras.entities ?? [])].sort((a, b) => a.createdAt - b.createdAt || byId(a, b)).map(canonicalCustom),
    history: [...(extras.history ?? [])]
      .sort(
        (a, b) =>
          a.firstSeen - b.firstSeen ||
          (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0) ||
          (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
      )
      .map(canonicalSighting),
  };
}

export function toJson(notes: readonly Note[], exportedAt: number, extras: BackupExtras = {}): string {
  return JSON.stringify(toExportFile(notes, exportedAt, extras), null, 2) + '\n';
}

export function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || 'file';
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const t = typeof v;
  return t === 'object' ? 'an object' : t === 'undefined' ? 'nothing' : `a ${t}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

export function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const where = pathOf(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected =
        issue.expected === 'array' || issue.expected === 'object' ? `an ${issue.expected}` : `a ${issue.expected}`;
      const got = valueAt(root, issue.path);
      return got === undefined
        ? `${where}: missing (expected ${expected})`
        : `${where}: expected ${expected}, found ${typeName(got)}`;
    }
    case 'invalid_value':
      return `${where}: expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${JSON.stringify(valueAt(root, issue.path))}`;
    case 'unrecognized_keys':
      return `${where}: unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      return `${where}: ${issue.origin === 'string' ? 'must not be empty' : issue.message}`;
    case 'too_big':
      return `${where}: too long (${issue.message})`;
    default:
      return `${where}: ${issue.message}`;
  }
}

export type ParseResult = { ok: true; file: ExportFileOf } | { ok: false; errors: string[] };

/** At most `max` problems, and how many more there were. */
export function capErrors(errors: string[], max: number): string[] {
  const more = errors.length - max;
  return more > 0 ? [...errors.slice(0, max), `…and ${more} more`] : errors;
}

/** Problems no schema can see: ids used twice, edits dated before creation. */
export function duplicateAndTimeErrors(
  list: readonly { id: string; createdAt: number; updatedAt: number }[],
  field: string,
): string[] {
  const errors: string[] = [];
  const seen = new Map<string, number>();
  list.forEach((n, i) => {
    const prev = seen.get(n.id);
    if (prev !== undefined) errors.push(`${field}[${i}].id: "${n.id}" is also the id of ${field}[${prev}]`);
    else seen.set(n.id, i);
    if (n.updatedAt < n.createdAt) errors.push(`${field}[${i}].updatedAt: earlier than createdAt`);
  });
  return errors;
}

/**
 * The JSON object at the top of an import file, or the one problem that stops reading it (shared
 * by notes files and entity packs).
 */
export function parseJsonObject(
  text: string,
  what: string,
): { ok: true; obj: Record<string, unknown> } | { ok: false; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`file: not JSON (${(e as Error).message})`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: [`file: expected ${what} (a JSON object), found ${typeName(raw)}`] };
  return { ok: true, obj: raw as Record<string, unknown> };
}

/** Parses and validates a whole export file; on any problem, lists them (at most `maxErrors`). */
export function parseNotesFile(text: string, maxErrors = 20): ParseResult {
  const top = parseJsonObject(text, 'a Dramatis notes file');
  if (!top.ok) return top;
  const obj = top.obj;
  if (obj.format !== EXPORT_FORMAT)
    return {
      ok: false,
      errors: [
        `format: expected "${EXPORT_FORMAT}", found ${obj.format === undefined ? 'nothing' : JSON.stringify(obj.format)} — this is not a Dramatis notes file`,
      ],
    };
  if (typeof obj.version === 'number' && obj.version > EXPORT_VERSION)
    return {
      ok: false,
      errors: [
        `version: this file is version ${obj.version}, written by a newer Dramatis; this one reads versions 1 to ${EXPORT_VERSION}`,
      ],
    };
  const schema = obj.version === 1 ? exportFileV1Schema : exportFileSchema;
  const r = schema.safeParse(obj);
  const errors = r.success ? [] : r.error.issues.map((i) => describeIssue(i, obj));
  let file: ExportFileOf | undefined;
  if (r.success) {
    const d = r.data as Partial<ExportFileOf> & { notes: Note[]; exportedAt: number };
    file = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: d.exportedAt,
      notes: d.notes,
      entities: d.entities ?? [],
      history: d.history ?? [],
    };
    errors.push(...duplicateAndTimeErrors(file.notes, 'notes'), ...duplicateAndTimeErrors(file.entities, 'entities'));
    const keys = new Map<string, number>();
    file.history.forEach((h, i) => {
      const k = `${h.entityId}\n${h.url}`;
      const prev = keys.get(k);
      if (prev !== undefined) errors.push(`history[${i}]: the same entity and page as history[${prev}]`);
      else keys.set(k, i);
      if (h.lastSeen < h.firstSeen) errors.push(`history[${i}].lastSeen: earlier than firstSeen`);
    });
  }
  if (errors.length || !file) return { ok: false, errors: capErrors(errors, maxErrors) };
  return { ok: true, file };
}

export interface MergeCounts {
  added: number;
  updated: number;
  kept: number;
}

/**
 * How a valid file merges into what is held: a new id is added; for an id already held, the
 * file's record replaces it when it was updated later, or when the one held was deleted (it is
 * still kept for undo) and the file holds the same edit alive: importing a backup brings back what
 * was deleted since, but never an older text over a newer one. Otherwise the one held is kept. The same rule for notes and for the reader's
 * own entities.
 */
export function planMergeOf<T extends { id: string; updatedAt: number; deletedAt?: number }>(
  existing: ReadonlyMap<string, T>,
  incoming: readonly T[],
  canonical: (x: T) => T,
): { put: T[]; counts: MergeCounts } {
  const put: T[] = [];
  const counts: MergeCounts = { added: 0, updated: 0, kept: 0 };
  for (const n of incoming) {
    const have = existing.get(n.id);
    if (!have) {
      counts.added++;
      put.push(canonical(n));
    } else if (
      n.updatedAt > have.updatedAt ||
      (have.deletedAt !== undefined && n.deletedAt === undefined && n.updatedAt >= have.updatedAt)
    ) {
      counts.updated++;
      put.push(canonical(n));
    } else counts.kept++;
  }
  return { put, counts };
}

export function planMerge(
  existing: ReadonlyMap<string, Note>,
  incoming: readonly Note[],
): { put: Note[]; counts: MergeCounts } {
  return planMergeOf(existing, incoming, canonicalNote);
}

/**
 * History rows merge by entity and page: the row seen last gives title and count, the first
 * sighting of either is kept.
 */
export function mergeSighting(held: Sighting | undefined, incoming: Sighting): Sighting | undefined {
  if (!held) return canonicalSighting(incoming);
  const newer = incoming.lastSeen > held.lastSeen ? incoming : held;
  const firstSeen = Math.min(held.firstSeen, incoming.firstSeen);
  if (newer === held && firstSeen === held.firstSeen) return undefined;
  return canonicalSighting({ ...newer, firstSeen });
}

function isoMinute(t: number): string {
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A readable Markdown file: one section per entity (by name), its notes newest first. */
export function toMarkdown(notes: readonly Note[], entityName: (id: string) => string, exportedAt: number): string {
  const live = notes.filter((n) => n.deletedAt === undefined);
  const groups = new Map<string, Note[]>();
  for (const n of live) {
    const g = groups.get(n.entityId);
    if (g) g.push(n);
    else groups.set(n.entityId, [n]);
  }
  const sections = [...groups.entries()]
    .map(([id, list]) => ({ id, name: entityName(id) || id, list: list.sort((a, b) => b.createdAt - a.createdAt) }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  const out: string[] = [
    '# Dramatis notes',
    '',
    `Exported ${isoMinute(exportedAt)} · ${live.length} note${live.length === 1 ? '' : 's'} on ${sections.length} entit${sections.length === 1 ? 'y' : 'ies'}.`,
    '',
  ];
  for (const s of sections) {
    out.push(`## ${oneLine(s.name)}`, '', `_${s.id}_`, '');
    for (const n of s.list) {
      const meta = [isoMinute(n.createdAt)];
      if (n.updatedAt !== n.createdAt) meta.push(`edited ${isoMinute(n.updatedAt)}`);
      if (n.tags.length) meta.push(n.tags.map((t) => `#${t.replace(/\s+/g, '-')}`).join(' '));
      out.push(`### ${meta.join(' · ')}`, '');
      if (n.quote) out.push(...n.quote.split('\n').map((l) => `> ${l}`), '');
      out.push(n.text, '');
      if (n.pageUrl) out.push(`Source: ${n.pageTitle ? `${oneLine(n.pageTitle)} — ` : ''}<${n.pageUrl}>`, '');
    }
  }
  return out.join('\n');
}
