/**
 * Whole-dataset validation: each record against the schema, then the checks that need every
 * record at once (duplicate ids, dangling relations, aliases shared by two entities without
 * the ambiguous flag). Errors name the file, the record and the field.
 */
import { ALIAS_AMBIGUOUS, ALIAS_SHORT, expandAliases, type ExpandOptions } from './aliases';
import { entitySchema, type EntityRecord } from './schema';

export interface SourcedRecord {
  file: string;
  index: number;
  record: EntityRecord;
}

export class DatasetError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ` +
        problems.slice(0, 50).join('\n  ') +
        (problems.length > 50 ? `\n  … and ${problems.length - 50} more` : ''),
    );
    this.name = 'DatasetError';
  }
}

function describe(raw: unknown, index: number): string {
  const idv = (raw as { id?: unknown } | null)?.id;
  return typeof idv === 'string' ? `record "${idv}" (#${index})` : `record #${index}`;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
    '',
  );
}

/** Parses one file's records (already JSON-decoded). Problems are appended, not thrown. */
export function parseRecords(file: string, data: unknown, problems: string[]): SourcedRecord[] {
  if (!Array.isArray(data)) {
    problems.push(`${file}: must hold a JSON array of records`);
    return [];
  }
  const out: SourcedRecord[] = [];
  data.forEach((raw, index) => {
    const r = entitySchema.safeParse(raw);
    if (r.success) out.push({ file, index, record: r.data });
    else
      for (const issue of r.error.issues)
        problems.push(
          `${file}: ${describe(raw, index)}: field ${fieldPath(issue.path) || '(record)'}: ${issue.message}`,
        );
  });
  return out;
}

/** Checks that need the whole dataset. Returns the records by id when there is no problem. */
export function checkDataset(
  records: SourcedRecord[],
  opts: ExpandOptions,
  problems: string[],
): Map<string, EntityRecord> {
  const byId = new Map<string, SourcedRecord>();
  for (const r of records) {
    const prev = byId.get(r.record.id);
    if (prev)
      problems.push(
        `${r.file}: record "${r.record.id}" (#${r.index}): field id: duplicate of ${prev.file} #${prev.index}`,
      );
    else byId.set(r.record.id, r);
  }
  const ref = (r: SourcedRecord, field: string, target: string | undefined) => {
    if (target !== undefined && !byId.has(target))
      problems.push(`${r.file}: record "${r.record.id}": field ${field}: no record has id "${target}"`);
  };
  for (const r of records) {
    const e = r.record;
    e.relations?.forEach((rel, i) => {
      ref(r, `relations[${i}].target`, rel.target);
      if (rel.target === e.id)
        problems.push(`${r.file}: record "${e.id}": field relations[${i}].target: points at itself`);
    });
    ref(r, 'regulator.parent', e.regulator?.parent);
    ref(r, 'firm.parent', e.firm?.parent);
    e.official?.roles.forEach((role, i) => {
      ref(r, `official.roles[${i}].org`, role.org);
      if (role.start && role.end && role.end < role.start)
        problems.push(`${r.file}: record "${e.id}": field official.roles[${i}].end: before its start`);
    });
  }
  // An alias two entities share must be flagged ambiguous (or short) on both, or the matcher
  // would have to pick one blindly.
  const owners = new Map<string, { id: string; file: string; flags: number }[]>();
  for (const r of records)
    for (const a of expandAliases(r.record, opts)) {
      const key = a.text.toLowerCase();
      const list = owners.get(key) ?? [];
      list.push({ id: r.record.id, file: r.file, flags: a.flags });
      owners.set(key, list);
    }
  for (const [text, list] of owners) {
    const ids = new Set(list.map((o) => o.id));
    if (ids.size < 2) continue;
    for (const o of list)
      if (!(o.flags & (ALIAS_AMBIGUOUS | ALIAS_SHORT))) {
        const others = list.filter((x, i) => x.id !== o.id && list.findIndex((y) => y.id === x.id) === i);
        problems.push(
          `${o.file}: record "${o.id}": field aliases: "${text}" is shared with ${others.map((x) => `"${x.id}" (${x.file})`).join(', ')} and must be flagged ambiguous`,
        );
      }
  }
  return new Map([...byId].map(([k, v]) => [k, v.record]));
}
