/**
 * Export and import of notes. Pure: no database, no DOM, no extension APIs.
 *
 * The JSON file: {"format":"dramatis-notes","version":1,"exportedAt":<ms>,"notes":[Note, …]}.
 * Import validates the whole file before anything is written; a bad file is refused with
 * messages naming the place of each problem ("notes[3].createdAt: expected a number").
 */
import { z } from 'zod';
import type { Note } from './types';

export const EXPORT_FORMAT = 'dramatis-notes';
export const EXPORT_VERSION = 1;

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

export const exportFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: time,
    notes: z.array(noteSchema),
  })
  .strict();

export type ExportFile = z.infer<typeof exportFileSchema>;

export interface ExportFileOf {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  notes: Note[];
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

/** Oldest first, ties by id: the same notes always give the same file. */
export function toExportFile(notes: readonly Note[], exportedAt: number): ExportFileOf {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    notes: [...notes]
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(canonicalNote),
  };
}

export function toJson(notes: readonly Note[], exportedAt: number): string {
  return JSON.stringify(toExportFile(notes, exportedAt), null, 2) + '\n';
}

function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || 'file';
}

function typeName(v: unknown): string {
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

function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
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

/** Parses and validates a whole export file; on any problem, lists them (at most `maxErrors`). */
export function parseNotesFile(text: string, maxErrors = 20): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`file: not JSON (${(e as Error).message})`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: [`file: expected a Dramatis notes file (a JSON object), found ${typeName(raw)}`] };
  const obj = raw as Record<string, unknown>;
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
        `version: this file is version ${obj.version}, written by a newer Dramatis; this one reads version ${EXPORT_VERSION}`,
      ],
    };
  const r = exportFileSchema.safeParse(raw);
  const errors = r.success ? [] : r.error.issues.map((i) => describeIssue(i, raw));
  if (r.success) {
    const seen = new Map<string, number>();
    r.data.notes.forEach((n, i) => {
      const prev = seen.get(n.id);
      if (prev !== undefined) errors.push(`notes[${i}].id: "${n.id}" is also the id of notes[${prev}]`);
      else seen.set(n.id, i);
      if (n.updatedAt < n.createdAt) errors.push(`notes[${i}].updatedAt: earlier than createdAt`);
    });
  }
  if (errors.length) {
    const more = errors.length - maxErrors;
    return { ok: false, errors: more > 0 ? [...errors.slice(0, maxErrors), `…and ${more} more`] : errors };
  }
  return { ok: true, file: r.data as ExportFileOf };
}

export interface MergeCounts {
  added: number;
  updated: number;
  kept: number;
}

/**
 * How a valid file merges into the notes held: a new id is added; for an id already held, the
 * file's note replaces it only when it was updated later (otherwise the one held is kept).
 */
export function planMerge(
  existing: ReadonlyMap<string, Note>,
  incoming: readonly Note[],
): { put: Note[]; counts: MergeCounts } {
  const put: Note[] = [];
  const counts: MergeCounts = { added: 0, updated: 0, kept: 0 };
  for (const n of incoming) {
    const have = existing.get(n.id);
    if (!have) {
      counts.added++;
      put.push(canonicalNote(n));
    } else if (n.updatedAt > have.updatedAt) {
      counts.updated++;
      put.push(canonicalNote(n));
    } else counts.kept++;
  }
  return { put, counts };
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
