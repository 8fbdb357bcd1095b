/**
 * The reader's own entities ("custom entities") and the pages where entities were met. Pure
 * types and validation; stored by the background (lib/custom/repository.ts, lib/custom/history.ts).
 */
import { z } from 'zod';

export const CUSTOM_TYPES = ['regulator', 'firm', 'official', 'other'] as const;
export type CustomType = (typeof CUSTOM_TYPES)[number];

/** Every custom entity's id starts so; a bundled id never holds a colon. */
export const CUSTOM_PREFIX = 'custom:';

export function isCustomId(id: string): boolean {
  return id.startsWith(CUSTOM_PREFIX);
}

/** A name the reader follows. Times are milliseconds since the epoch. */
export interface CustomEntity {
  id: string;
  name: string;
  /** Other names it is written by (native script too), one string each. */
  aliases: string[];
  type: CustomType;
  /** ISO 3166-1 alpha-2, EU or INT, as in the dataset. */
  jurisdiction?: string;
  description: string;
  /** Web links (http and https only). */
  links: string[];
  /**
   * A bundled entity's id: then this record only adds names to it (its aliases mark the bundled
   * entity, and its card is the bundled card).
   */
  sameAs?: string;
  createdAt: number;
  updatedAt: number;
  /** Set when deleted; kept for undo until purged. */
  deletedAt?: number;
}

/** The fields a reader edits. */
export type CustomInput = Pick<CustomEntity, 'name' | 'aliases' | 'type' | 'description' | 'links'> &
  Pick<CustomEntity, 'jurisdiction' | 'sameAs'>;

export const MAX_ALIASES = 50;
export const MAX_NAME = 200;
export const MAX_DESCRIPTION = 4000;
export const MAX_LINKS = 20;

/**
 * What the schemas below say is wrong, in English (pack files keep these words in their problem
 * lists; the interface words them in its language: lib/ui/problems.ts).
 */
export const CUSTOM_RULES = {
  nameEmpty: 'a name needs some text',
  webLink: 'must be a web address (http:// or https://)',
  bundledId: 'must be the id of a bundled entity',
  jurisdiction: 'must be an ISO 3166-1 alpha-2 code, EU or INT',
  customId: 'must be "custom:" followed by letters, digits or dashes',
} as const;

const time = z.number().int().nonnegative();
const name = z
  .string()
  .max(MAX_NAME)
  .refine((s) => s.trim().length > 0, CUSTOM_RULES.nameEmpty);
/** http(s) only: a javascript: or data: link is never stored. */
export const webLink = z
  .string()
  .max(4096)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, CUSTOM_RULES.webLink);
const bundledId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,199}$/, CUSTOM_RULES.bundledId);

export const customInputSchema = z
  .object({
    name,
    aliases: z.array(name).max(MAX_ALIASES),
    type: z.enum(CUSTOM_TYPES),
    jurisdiction: z
      .string()
      .regex(/^([A-Z]{2}|EU|INT)$/, CUSTOM_RULES.jurisdiction)
      .optional(),
    description: z.string().max(MAX_DESCRIPTION),
    links: z.array(webLink).max(MAX_LINKS),
    sameAs: bundledId.optional(),
  })
  .strict();

export const customEntitySchema = customInputSchema
  .extend({
    id: z.string().regex(/^custom:[A-Za-z0-9-]{1,100}$/, CUSTOM_RULES.customId),
    createdAt: time,
    updatedAt: time,
    deletedAt: time.optional(),
  })
  .strict();

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Tidies what a reader typed: spaces collapsed, empty and repeated aliases dropped (and the name
 * itself), links and jurisdiction trimmed. Validation comes after.
 */
export function normalizeInput(input: CustomInput): CustomInput {
  const n = clean(input.name);
  const seen = new Set([n.toLowerCase()]);
  const aliases: string[] = [];
  for (const a of input.aliases.map(clean))
    if (a && !seen.has(a.toLowerCase())) {
      seen.add(a.toLowerCase());
      aliases.push(a);
    }
  const links = [...new Set(input.links.map((l) => l.trim()).filter(Boolean))];
  const j = input.jurisdiction?.trim().toUpperCase();
  return {
    name: n,
    aliases,
    type: input.type,
    ...(j ? { jurisdiction: j } : {}),
    description: input.description.trim(),
    links,
    ...(input.sameAs ? { sameAs: input.sameAs } : {}),
  };
}

/** Keeps only a custom entity's fields, in a fixed order, so exports compare byte for byte. */
export function canonicalCustom(e: CustomEntity): CustomEntity {
  return {
    id: e.id,
    name: e.name,
    aliases: [...e.aliases],
    type: e.type,
    ...(e.jurisdiction !== undefined ? { jurisdiction: e.jurisdiction } : {}),
    description: e.description,
    links: [...e.links],
    ...(e.sameAs !== undefined ? { sameAs: e.sameAs } : {}),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    ...(e.deletedAt !== undefined ? { deletedAt: e.deletedAt } : {}),
  };
}

/** Every name a custom entity is written by: its name, then its aliases. */
export function namesOf(e: Pick<CustomEntity, 'name' | 'aliases'>): string[] {
  return [e.name, ...e.aliases];
}

/** One page where an entity was marked ("where have I met this name"). */
export interface Sighting {
  entityId: string;
  /** The page's address without its fragment. */
  url: string;
  /** Its host name, for "delete per site". */
  host: string;
  title: string;
  firstSeen: number;
  lastSeen: number;
  /** Mentions of the entity on the page when last seen. */
  count: number;
}

export const sightingSchema = z
  .object({
    entityId: z.string().min(1).max(200),
    url: webLink,
    host: z.string().max(300),
    title: z.string().max(1000),
    firstSeen: time,
    lastSeen: time,
    count: z.number().int().nonnegative().max(1_000_000),
  })
  .strict();

export function canonicalSighting(s: Sighting): Sighting {
  return {
    entityId: s.entityId,
    url: s.url,
    host: s.host,
    title: s.title,
    firstSeen: s.firstSeen,
    lastSeen: s.lastSeen,
    count: s.count,
  };
}

/** A page's address as history keeps it: http(s) only, without the fragment; undefined otherwise. */
export function historyUrl(raw: string | undefined): { url: string; host: string } | undefined {
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    return { url: u.href, host: u.hostname };
  } catch {
    return undefined;
  }
}
