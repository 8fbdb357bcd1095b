/**
 * US Cabinet members and Cabinet-level officials since 2009, from FiveThirtyEight's
 * cabinet-turnover.csv (fivethirtyeight/data, CC BY 4.0; up to date as of 2023-02-10, acting
 * officials not included) → official records with dated roles.
 *
 * Positions map to our role titles and bodies through a hand table
 * (`assets/dataset/sources/fivethirtyeight__data/positions.json`). A row continued into the next
 * administration ("Obama admin" / "Bush admin") is joined with that administration's row. A
 * role the list gives as "Still in office" has no end date in the list (its date is 2023-02-10,
 * and those administrations have ended since): it is left out rather than shown as held.
 *
 * The list has no identifiers. A person whose name is, among the US officials of the importers
 * before this one, the name (or an alias) of exactly one record with ids gets those ids, so the
 * two merge (John Kerry the senator and the Secretary of State).
 */
import { z } from 'zod';
import positionsJson from '../../../assets/dataset/sources/fivethirtyeight__data/positions.json';
import { foldName } from '../merge';
import type { EntityRecord, Role } from '../schema';
import { personSlug } from './congress';
import { parseCsv } from './csv';
import type { Importer } from './source';

export const CABINET_FILE = 'fivethirtyeight__data/cabinet-turnover.csv';
const COMMIT = 'fcf572c4fba05a42f1f34f415bd5e6dc389efd68';
const CSV_URL = `https://github.com/fivethirtyeight/data/blob/${COMMIT}/cabinet-turnover/cabinet-turnover.csv`;
/** "It is up to date as of Feb. 10, 2023" (the folder's readme). */
export const CABINET_AS_OF = '2023-02-10';
const SINCE = '2009-01-01';

const positionsSchema = z
  .object({
    about: z.string(),
    positions: z.record(
      z.string(),
      z
        .object({
          title: z.string().min(1),
          org: z
            .string()
            .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
            .optional(),
        })
        .strict(),
    ),
    skip: z.array(z.string()),
  })
  .strict();
export type PositionTable = z.infer<typeof positionsSchema>;
export const POSITIONS: PositionTable = positionsSchema.parse(positionsJson);

/** "1/20/17" → "2017-01-20" (two-digit years from 50 are 19xx); anything else → undefined. */
export function usDate(s: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s.trim());
  if (!m) return undefined;
  const [mo, d] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const y = m[3]!.length === 4 ? Number(m[3]) : Number(m[3]) >= 50 ? 1900 + Number(m[3]) : 2000 + Number(m[3]);
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** US officials of earlier importers by folded name or alias, for linking by a unique name. */
function nameIndex(earlier: readonly EntityRecord[]): Map<string, EntityRecord[]> {
  const out = new Map<string, EntityRecord[]>();
  for (const r of earlier) {
    if (r.type !== 'official' || r.jurisdiction !== 'US') continue;
    const names = new Set(
      [r.name, ...(r.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.short ? '' : a.text))].filter(Boolean),
    );
    for (const n of names) {
      const k = foldName(n);
      const list = out.get(k) ?? [];
      if (!list.includes(r)) list.push(r);
      out.set(k, list);
    }
  }
  return out;
}

export function importCabinet(
  csv: string,
  opts: { reservedIds?: ReadonlySet<string>; earlier?: readonly EntityRecord[]; positions?: PositionTable } = {},
  file = CABINET_FILE,
): { records: EntityRecord[]; skipped: string[] } {
  const table = opts.positions ?? POSITIONS;
  const skipped: string[] = [];
  // appointee → position → { start, end, rows }
  const people = new Map<string, Map<string, { start?: string; end?: string; open: boolean; rows: number[] }>>();
  for (const { row, values: v } of parseCsv(csv, file, [
    'president',
    'position',
    'appointee',
    'start_date',
    'end_date',
  ])) {
    const who = v.appointee!.replace(/\s+/g, ' ').trim();
    const position = v.position!;
    if (!who) {
      skipped.push(`${file} row ${row}: no appointee`);
      continue;
    }
    if (table.skip.includes(position)) continue;
    if (!table.positions[position]) {
      skipped.push(`${file} row ${row}: position "${position}" is not in positions.json`);
      continue;
    }
    const start = usDate(v.start_date!);
    const end = usDate(v.end_date!);
    const continued = (s: string) => /\badmin$/i.test(s.trim());
    if (!start && !continued(v.start_date!)) {
      skipped.push(`${file} row ${row}: start "${v.start_date}" is not a date`);
      continue;
    }
    const stillIn = /^still in office$/i.test(v.end_date!.trim());
    if (!end && !continued(v.end_date!) && !stillIn) {
      skipped.push(`${file} row ${row}: end "${v.end_date}" is not a date`);
      continue;
    }
    const byPos = people.get(who) ?? new Map();
    people.set(who, byPos);
    const cur = byPos.get(position) ?? { open: false, rows: [] };
    if (start && (!cur.start || start < cur.start)) cur.start = start;
    if (end && (!cur.end || end > cur.end)) cur.end = end;
    if (stillIn) cur.open = true;
    cur.rows.push(row);
    byPos.set(position, cur);
  }

  const index = nameIndex(opts.earlier ?? []);
  const used = new Set<string>();
  const records: EntityRecord[] = [];
  for (const [who, byPos] of people) {
    const roles: Role[] = [];
    for (const [position, p] of byPos) {
      const spec = table.positions[position]!;
      if (p.open) {
        if ((p.start ?? '') >= SINCE)
          skipped.push(
            `${file} rows ${p.rows.join(', ')}: ${who}, ${position}: "Still in office" on ${CABINET_AS_OF}; the end is not in the list, so the role is left out`,
          );
        continue;
      }
      if (!p.end) {
        skipped.push(`${file} rows ${p.rows.join(', ')}: ${who}, ${position}: no end date`);
        continue;
      }
      if (p.end < SINCE) continue;
      roles.push({
        title: spec.title,
        ...(spec.org ? { org: spec.org } : { orgName: spec.title.replace(/^.*? (to|of) (the )?/, '') }),
        ...(p.start ? { start: p.start } : {}),
        end: p.end,
      });
    }
    if (!roles.length) continue;
    roles.sort((a, b) => ((b.start ?? '') < (a.start ?? '') ? -1 : 1));
    const matches = index.get(foldName(who)) ?? [];
    const link = matches.length === 1 && matches[0]!.ids ? matches[0] : undefined;
    let id = `us-${personSlug(who)}`;
    if (opts.reservedIds?.has(id) || used.has(id)) id = `${id}-cabinet`;
    used.add(id);
    const summary = roles
      .map((r) => `${r.title}${r.start ? ` from ${r.start}` : ''} to ${r.end}`)
      .reverse()
      .join('; ');
    records.push({
      id,
      type: 'official',
      name: who,
      jurisdiction: 'US',
      description: `Former US Cabinet member or Cabinet-level official: ${summary}.`,
      official: { roles },
      ...(link?.ids
        ? {
            ids: {
              ...(link.ids.wikidata ? { wikidata: link.ids.wikidata } : {}),
              ...(link.ids.bioguide ? { bioguide: link.ids.bioguide } : {}),
            },
          }
        : {}),
      sources: [{ url: CSV_URL, date: CABINET_AS_OF, title: 'FiveThirtyEight, Cabinet turnover data' }],
      asOf: CABINET_AS_OF,
    });
  }
  return { records, skipped };
}

export const cabinetImporter: Importer = {
  output: 'us-cabinet',
  reads: ['fivethirtyeight__data'],
  run: (ctx) => importCabinet(ctx.read(CABINET_FILE), { reservedIds: ctx.reservedIds, earlier: ctx.earlier }),
};
