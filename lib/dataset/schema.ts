/**
 * The entity record format: what a human edits in `assets/dataset/curated/*.json` and what
 * importers write to `assets/dataset/imported/*.json`. Validated at build time; a bad record
 * fails the build with the file, record id and field named (see `validate.ts`).
 */
import { z } from 'zod';

export const ENTITY_TYPES = ['regulator', 'firm', 'official'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** What a regulator oversees. A closed list so the popup can filter and the card can label. */
export const REMITS = [
  'cyber-data',
  'privacy',
  'competition',
  'consumer',
  'securities',
  'derivatives',
  'banking',
  'insurance',
  'central-bank',
  'payments',
  'foreign-exchange',
  'pensions',
  'accounting-audit',
  'telecoms',
  'media',
  'internet',
  'industry',
  'planning',
  'trade',
  'export-control',
  'sanctions',
  'investment-screening',
  'tax',
  'customs',
  'finance',
  'state-assets',
  'intellectual-property',
  'pricing',
  'standards',
  'market-regulation',
  'public-security',
  'national-security',
  'justice',
  'legislature',
  'executive',
  'energy',
  'environment',
  'health',
  'transport',
  'labour',
  'education',
  'science-technology',
  'foreign-affairs',
  'defence',
  'statistics',
  'general',
] as const;
export type Remit = (typeof REMITS)[number];

export const RELATION_TYPES = [
  'parent', // this body/firm sits under the target
  'subsidiary', // the target sits under this body/firm
  'member-of', // an official or body belongs to the target
  'leads', // an official heads the target
  'oversees', // a regulator supervises the target firm/sector body
  'predecessor', // the target was replaced by this one
  'successor', // this one was replaced by the target
  'related',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** YYYY, YYYY-MM or YYYY-MM-DD: a date as precise as the source gives it, never padded. */
const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
const fullDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD');
const url = z
  .string()
  .url('must be an absolute URL')
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters/digits joined by single hyphens');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const aliasSchema = z.union([
  nonEmpty,
  z
    .object({
      text: nonEmpty,
      /** An initialism ("CAC", "SEC"): matched case-sensitively, never inside a word. */
      acronym: z.boolean().optional(),
      /** Match only with this exact letter case. Implied by `acronym`. */
      caseSensitive: z.boolean().optional(),
      /** Also an ordinary word or another entity's name: accepted only with evidence on the page. */
      ambiguous: z.boolean().optional(),
      /** A short reference ("the Commission", a surname): only once the full name is on the page. */
      short: z.boolean().optional(),
      lang: z.string().optional(),
    })
    .strict(),
]);
export type AliasInput = z.infer<typeof aliasSchema>;

export const nativeNameSchema = z
  .object({
    text: nonEmpty,
    /** BCP 47 tag: zh-Hans, zh-Hant, ja, ko, de, fr … */
    lang: nonEmpty,
  })
  .strict();

export const roleSchema = z
  .object({
    title: nonEmpty,
    /** Id of the body the role is in, when that body is in the dataset. */
    org: id.optional(),
    /** The body's name as the source gives it, when it is not (yet) in the dataset. */
    orgName: z.string().optional(),
    start: partialDate.optional(),
    /** Omitted or null while the role is held. */
    end: partialDate.nullable().optional(),
    /**
     * When the source gives no dates of the holder's own but names the term the role belonged to
     * (a legislature's term): the term's bounds. The role lay within them; it is over once the
     * term is, and the holder's own start and end stay unknown.
     */
    within: z.object({ start: partialDate, end: partialDate }).strict().optional(),
    source: url.optional(),
  })
  .strict();
export type Role = z.infer<typeof roleSchema>;

/** A role is held unless it has ended, or the term it lay within has. */
export function roleHeld(r: Pick<Role, 'end' | 'within'>): boolean {
  return !r.end && !r.within;
}

export const tickerSchema = z
  .object({
    symbol: nonEmpty,
    /** Exchange code as commonly written: NYSE, NASDAQ, HKEX, SSE, SZSE, TSE, KRX, LSE … */
    exchange: nonEmpty,
  })
  .strict();

export const relationSchema = z
  .object({
    type: z.enum(RELATION_TYPES),
    target: id,
    note: z.string().optional(),
  })
  .strict();

/**
 * Where a fact comes from: a URL, or a URL with the date the source was published or taken
 * (a bulk list's snapshot date), so `dataset:stale` can tell a record older than its source.
 */
export const sourceSchema = z.union([
  url,
  z
    .object({
      url,
      /** When the source was published, changed or copied (as precise as known). */
      date: partialDate.optional(),
      /** A short label for the card ("SEC company tickers"). */
      title: z.string().max(200).optional(),
    })
    .strict(),
]);
export type SourceRef = z.infer<typeof sourceSchema>;

/** Identifiers in other registries, used to merge the same entity across sources. */
export const idsSchema = z
  .object({
    wikidata: z
      .string()
      .regex(/^Q\d+$/, 'must be a Wikidata item id (Q123)')
      .optional(),
    /** SEC Central Index Key, digits without leading zeros. */
    cik: z
      .string()
      .regex(/^[1-9]\d{0,9}$/, 'must be digits without leading zeros')
      .optional(),
    isin: z.array(z.string().regex(/^[A-Z]{2}[A-Z0-9]{9}\d$/, 'must be a 12-character ISIN')).optional(),
    lei: z
      .string()
      .regex(/^[A-Z0-9]{18}\d{2}$/, 'must be a 20-character LEI')
      .optional(),
    /** US Congress Bioguide id. */
    bioguide: z
      .string()
      .regex(/^[A-Z]\d{6}$/)
      .optional(),
  })
  .strict();

export const eventSchema = z
  .object({
    date: partialDate,
    title: nonEmpty,
    amount: z.number().positive().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code')
      .optional(),
    source: url,
  })
  .strict();

export const entitySchema = z
  .object({
    id,
    type: z.enum(ENTITY_TYPES),
    name: nonEmpty,
    nativeNames: z.array(nativeNameSchema).optional(),
    aliases: z.array(aliasSchema).optional(),
    /** ISO 3166-1 alpha-2 (upper case), or EU / INT for supranational bodies. */
    jurisdiction: z.string().regex(/^([A-Z]{2}|EU|INT)$/, 'must be an ISO 3166-1 alpha-2 code, EU or INT'),
    description: nonEmpty.max(600, 'keep it to one or two sentences (≤ 600 chars)'),
    regulator: z
      .object({
        parent: id.optional(),
        parentName: z.string().optional(),
        remit: z.array(z.enum(REMITS)).min(1, 'name at least one remit'),
        website: url.optional(),
      })
      .strict()
      .optional(),
    firm: z
      .object({
        legalName: z.string().optional(),
        tickers: z.array(tickerSchema).optional(),
        headquarters: z.string().optional(),
        sector: z.string().optional(),
        website: url.optional(),
        parent: id.optional(),
      })
      .strict()
      .optional(),
    official: z
      .object({
        roles: z.array(roleSchema).min(1, 'an official needs at least one role'),
        party: z.string().optional(),
        /** The press names this person by surname alone ("Macron said"): the resolver may accept
         * the bare surname with context even before the full name appears. */
        knownBySurname: z.boolean().optional(),
      })
      .strict()
      .optional(),
    relations: z.array(relationSchema).optional(),
    events: z.array(eventSchema).optional(),
    /** Words that, near an ambiguous alias, show the page means this entity. */
    cues: z.array(nonEmpty).optional(),
    ids: idsSchema.optional(),
    sources: z.array(sourceSchema).min(1, 'every record needs at least one source URL'),
    /** The date the record's facts were known to hold (usually the newest source's date). */
    asOf: fullDate,
  })
  .strict()
  .superRefine((e, ctx) => {
    const need = { regulator: 'regulator', firm: 'firm', official: 'official' } as const;
    const key = need[e.type];
    if (!e[key]) ctx.addIssue({ code: 'custom', path: [key], message: `a ${e.type} needs a "${key}" block` });
    for (const other of ENTITY_TYPES)
      if (other !== e.type && e[other])
        ctx.addIssue({ code: 'custom', path: [other], message: `a ${e.type} must not have a "${other}" block` });
  });

export type EntityRecord = z.infer<typeof entitySchema>;
