import type { EntityRecord, SourceRef } from './schema';

/** Ids of records this record points at: relations, parents and the bodies of roles. */
export function referencedIds(r: Pick<EntityRecord, 'relations' | 'regulator' | 'firm' | 'official'>): string[] {
  const ids = new Set<string>();
  for (const rel of r.relations ?? []) ids.add(rel.target);
  if (r.regulator?.parent) ids.add(r.regulator.parent);
  if (r.firm?.parent) ids.add(r.firm.parent);
  for (const role of r.official?.roles ?? []) if (role.org) ids.add(role.org);
  return [...ids];
}

/** For each id, the ids of records that point at it. */
export function reverseReferences(
  records: Iterable<Pick<EntityRecord, 'id' | 'relations' | 'regulator' | 'firm' | 'official'>>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of records)
    for (const target of referencedIds(r)) {
      const list = out.get(target);
      if (list) list.push(r.id);
      else out.set(target, [r.id]);
    }
  return out;
}

/** The URL of a source, however it is written. */
export function sourceUrl(s: SourceRef): string {
  return typeof s === 'string' ? s : s.url;
}
