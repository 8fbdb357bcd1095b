/**
 * US federal bodies from CISA's .gov registry (cisagov/dotgov-data): current-federal.csv
 * (domain → organisation / sub-organisation) and agencies-and-subs.csv (agency → bureau).
 * The registry lists every federal body with a domain, from museums to laboratories; only the
 * ones that regulate, supervise or enforce are kept, by the hand-written allow-list in
 * `assets/dataset/sources/cisagov__dotgov-data/bodies.json`, which also gives each its id,
 * remit and (when the registry has one) its domain.
 */
import { z } from 'zod';
import bodiesJson from '../../../assets/dataset/sources/cisagov__dotgov-data/bodies.json';
import { REMITS, type AliasInput, type EntityRecord, type Remit } from '../schema';
import { ImportError, parseCsv } from './csv';
import type { Importer } from './source';

export const DOTGOV_FEDERAL_FILE = 'cisagov__dotgov-data/current-federal.csv';
export const DOTGOV_AGENCIES_FILE = 'cisagov__dotgov-data/agencies-and-subs.csv';
const DOTGOV_URL = 'https://github.com/cisagov/dotgov-data/blob/main/current-federal.csv';
const AGENCIES_URL = 'https://github.com/cisagov/dotgov-data/blob/main/agencies-and-subs.csv';
/** The day current-federal.csv last changed (SOURCE.md). */
export const DOTGOV_AS_OF = '2026-08-18';

/** The allow-list (a hand table, in git), as the repository path names it in errors. */
export const BODIES_FILE = 'assets/dataset/sources/cisagov__dotgov-data/bodies.json';

export interface BodySpec {
  /** The body's name exactly as the registry spells it. */
  src: string;
  /** The organisation / agency it is listed under, when it is a sub-organisation or bureau. */
  under?: string;
  id: string;
  remit: Remit[];
  /** One of its .gov domains in current-federal.csv (checked), for the website. */
  domain?: string;
  /** An initialism, accepted only when it is also the label of one of the body's .gov domains (or in its listed name). */
  acronym?: string;
  /** The name to show when the registry's is too bare ("Department of Justice" → "U.S. …"). */
  name?: string;
}

const bodySchema = z
  .object({
    src: z.string().min(1),
    under: z.string().min(1).optional(),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(1).optional(),
    remit: z.array(z.enum(REMITS)).min(1),
    domain: z.string().min(1).optional(),
    acronym: z.string().min(1).optional(),
  })
  .strict();

/** Checks the allow-list: an entry that does not fit names the file and its position. */
export function parseBodies(data: unknown, file = BODIES_FILE): BodySpec[] {
  if (!Array.isArray(data)) throw new ImportError(file, undefined, 'must hold a JSON array of bodies');
  const ids = new Set<string>();
  return data.map((raw, i) => {
    const r = bodySchema.safeParse(raw);
    if (!r.success)
      throw new ImportError(
        file,
        undefined,
        `entry #${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    if (ids.has(r.data.id)) throw new ImportError(file, undefined, `entry #${i + 1}: duplicate id ${r.data.id}`);
    ids.add(r.data.id);
    return r.data;
  });
}

/** The allow-listed US federal bodies. */
export const US_BODIES: readonly BodySpec[] = parseBodies(bodiesJson);

const REMIT_WORDS: Partial<Record<Remit, string>> = {
  'cyber-data': 'cybersecurity and data',
  'central-bank': 'central banking',
  'accounting-audit': 'accounting and audit',
  'export-control': 'export controls',
  'investment-screening': 'investment screening',
  'intellectual-property': 'intellectual property',
  'market-regulation': 'market regulation',
  'public-security': 'public security and law enforcement',
  'national-security': 'national security',
  'science-technology': 'science and technology',
  'foreign-affairs': 'foreign affairs',
  'state-assets': 'state assets',
  defence: 'defence',
  legislature: 'lawmaking',
  executive: 'executive government',
  general: 'government administration',
};

export function remitPhrase(remit: readonly Remit[]): string {
  const words = remit.map((r) => REMIT_WORDS[r] ?? r.replace(/-/g, ' '));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function kindOf(name: string): string {
  if (/^(U\.S\. )?Department\b/.test(name)) return 'executive department';
  if (/Court\b/.test(name)) return 'court';
  if (/\b(Senate|House of Representatives)\b/.test(name)) return 'chamber of Congress';
  if (/Commission\b/.test(name)) return 'commission';
  if (/\bBoard\b/.test(name)) return 'board';
  if (/\bCouncil\b/.test(name)) return 'council';
  if (/\bDivision\b/.test(name)) return 'division';
  if (/\bBureau\b/.test(name)) return 'bureau';
  if (/\bOffice\b/.test(name)) return 'office';
  return 'agency';
}

interface Listing {
  org: string;
  sub: string;
  domains: string[];
  /** Where found: 'federal' (current-federal.csv) or 'agencies' (agencies-and-subs.csv). */
  from: 'federal' | 'agencies';
}

/** Builds the US federal regulator records from the two registry files. */
export function importDotgov(
  federalCsv: string,
  agenciesCsv: string,
  bodies: readonly BodySpec[] = US_BODIES,
  files = { federal: DOTGOV_FEDERAL_FILE, agencies: DOTGOV_AGENCIES_FILE },
): EntityRecord[] {
  const listings = new Map<string, Listing>();
  const orgDomains = new Map<string, Set<string>>();
  const key = (org: string, sub: string) => `${org}\u0000${sub}`;
  for (const { row, values: v } of parseCsv(federalCsv, files.federal, [
    'Domain name',
    'Organization name',
    'Suborganization name',
  ])) {
    const domain = v['Domain name']!.toLowerCase();
    const org = v['Organization name']!;
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.gov$/.test(domain))
      throw new ImportError(files.federal, row, `bad domain "${domain}"`);
    if (!org) throw new ImportError(files.federal, row, 'empty Organization name');
    const sub = v['Suborganization name']!;
    const k = key(org, sub === org ? '' : sub);
    const l = listings.get(k) ?? { org, sub: sub === org ? '' : sub, domains: [], from: 'federal' as const };
    l.domains.push(domain);
    listings.set(k, l);
    if (!orgDomains.has(org)) orgDomains.set(org, new Set());
    orgDomains.get(org)!.add(domain);
    if (!listings.has(key(org, ''))) listings.set(key(org, ''), { org, sub: '', domains: [], from: 'federal' });
  }
  for (const { row, values: v } of parseCsv(agenciesCsv, files.agencies, ['Agency', 'Bureau'])) {
    const org = v.Agency!.replace(/\s+/g, ' ').trim();
    const sub = v
      .Bureau!.replace(/[\s,]+$/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!org) throw new ImportError(files.agencies, row, 'empty Agency');
    for (const k of [key(org, sub === org ? '' : sub), key(org, '')])
      if (!listings.has(k)) {
        const [o, s] = k.split('\u0000') as [string, string];
        listings.set(k, { org: o, sub: s, domains: [], from: 'agencies' });
      }
  }

  const ids = new Map(bodies.map((b) => [b.under ? key(b.under, b.src) : key(b.src, ''), b.id]));
  const records: EntityRecord[] = [];
  for (const b of bodies) {
    const listing = listings.get(b.under ? key(b.under, b.src) : key(b.src, ''));
    if (!listing)
      throw new ImportError(
        `${files.federal} / ${files.agencies}`,
        undefined,
        `allow-listed body "${b.src}"${b.under ? ` under "${b.under}"` : ''} is not in the registry`,
      );
    const org = b.under ?? b.src;
    if (b.domain && !orgDomains.get(org)?.has(b.domain))
      throw new ImportError(files.federal, undefined, `domain ${b.domain} is not listed for "${org}"`);
    if (b.acronym && !orgDomains.get(org)?.has(`${b.acronym.toLowerCase()}.gov`) && !b.src.includes(`(${b.acronym})`))
      throw new ImportError(
        files.federal,
        undefined,
        `acronym ${b.acronym} of "${b.src}" has no matching domain under "${org}"`,
      );
    const name = b.name ?? b.src;
    const aliases: AliasInput[] = [];
    if (name !== b.src && !/[(,/]/.test(b.src) && !/^U\.S\. Department of /.test(b.src)) aliases.push(b.src);
    if (b.acronym) aliases.push({ text: b.acronym, acronym: true });
    const parentId = b.under ? ids.get(key(b.under, '')) : undefined;
    const parentRecordName = parentId ? (bodies.find((x) => x.id === parentId)?.name ?? b.under) : b.under;
    const description =
      (listing.from === 'agencies'
        ? `A US ${kindOf(name)} on the federal agency list of the .gov registry`
        : `A US federal ${kindOf(name)}`) +
      (b.under ? ` within the ${parentRecordName!.replace(/^U\.S\. /, 'U.S. ')}` : '') +
      `, working on ${remitPhrase(b.remit)}.`;
    const sources = [listing.from === 'agencies' ? AGENCIES_URL : DOTGOV_URL];
    records.push({
      id: b.id,
      type: 'regulator',
      name,
      ...(aliases.length ? { aliases } : {}),
      jurisdiction: 'US',
      description,
      regulator: {
        ...(parentId ? { parent: parentId } : b.under ? { parentName: b.under } : {}),
        remit: [...b.remit],
        ...(b.domain ? { website: `https://www.${b.domain}/` } : {}),
      },
      sources,
      asOf: DOTGOV_AS_OF,
    });
  }
  return records;
}

export const dotgovImporter: Importer = {
  output: 'us-federal-dotgov',
  reads: ['cisagov__dotgov-data'],
  run: (ctx) => ({ records: importDotgov(ctx.read(DOTGOV_FEDERAL_FILE), ctx.read(DOTGOV_AGENCIES_FILE)), skipped: [] }),
};
