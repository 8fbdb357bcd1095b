/**
 * The message contract: every cross-context call, its request and its response, declared once.
 * Requests are validated on arrival (the sender may be a content script on a hostile page).
 *
 *   extension pages (card, popup, options) ──notes:*──▶ background (Dexie)
 *   popup, options ──custom:*, history:list|delete──▶ background (the reader's own entities, history)
 *   card ──custom:get, history:summary──▶ background (what a card shows of them)
 *   content script ──card:ticket──▶ background; card frame ──card:claim──▶ background
 *     (only a card frame our content script opened may read notes: lib/background/card-sessions.ts)
 *   content script ──page:found──▶ background (badge; history when the reader turned it on)
 *   bootstrap (every frame) ──agent:load──▶ background: inject the page agent into this frame
 *   popup ──page:mentions──▶ content script of the active tab
 *   background (keyboard command) ──nav:mention──▶ content script of the active tab
 */
import { z } from 'zod';
import type { HistorySummary } from './custom/history';
import type { PackFile } from './custom/pack';
import {
  customEntitySchema,
  customInputSchema,
  sightingSchema,
  type CustomEntity,
  type Sighting,
} from './custom/types';
import { noteSchema, type MergeCounts } from './notes/import-export';
import type { ImportCounts } from './notes/repository';
import type { Note } from './notes/types';
import type { CardEntity } from './entities';
import type { SearchAnswer } from './background/entity-store';

const entityId = z.string().min(1).max(200);
const customId = z.string().regex(/^custom:[A-Za-z0-9-]{1,100}$/);
const noteText = z.string().max(100_000);
const tags = z.array(z.string().min(1).max(100)).max(50);

export const requestSchemas = {
  'notes:list': z.object({ entityId }).strict(),
  'notes:counts': z.object({ entityIds: z.array(entityId).max(10_000) }).strict(),
  'notes:add': z
    .object({
      entityId,
      text: noteText.refine((t) => t.trim().length > 0, 'a note needs some text'),
      tags: tags.optional(),
      pageUrl: z.string().max(4096).optional(),
      pageTitle: z.string().max(1000).optional(),
      quote: z.string().max(10_000).optional(),
    })
    .strict(),
  'notes:update': z
    .object({
      id: z.string().min(1).max(100),
      text: noteText.refine((t) => t.trim().length > 0, 'a note needs some text'),
      tags: tags.optional(),
    })
    .strict(),
  /** Every live note, newest first (the options page's list, search and export). */
  'notes:all': z.object({}).strict(),
  /**
   * Merge notes from a validated export file (lib/notes/import-export.ts); a whole backup also
   * carries the reader's entities and history, merged in the same transaction.
   */
  'notes:import': z
    .object({
      notes: z.array(noteSchema).max(1_000_000),
      entities: z.array(customEntitySchema).max(100_000).optional(),
      history: z.array(sightingSchema).max(1_000_000).optional(),
    })
    .strict(),
  'notes:delete': z.object({ id: z.string().min(1).max(100) }).strict(),
  'notes:restore': z.object({ id: z.string().min(1).max(100) }).strict(),
  /** Content script → background: the entities marked in its frame (and how many times each). */
  'page:found': z
    .object({
      entityIds: z.array(entityId).max(10_000),
      counts: z.array(z.number().int().min(1).max(1_000_000)).max(10_000).optional(),
    })
    .strict()
    .refine((p) => !p.counts || p.counts.length === p.entityIds.length, 'one count per entity'),
  /** The reader's own entities, live ones, by name (popup, options page). */
  'custom:list': z.object({}).strict(),
  /** Some of them by id (the card shows one). */
  'custom:get': z.object({ ids: z.array(customId).max(2_000) }).strict(),
  'custom:add': z.object({ entity: customInputSchema }).strict(),
  'custom:update': z.object({ id: customId, entity: customInputSchema }).strict(),
  /** Soft delete (undo with custom:restore). */
  'custom:delete': z.object({ id: customId }).strict(),
  'custom:restore': z.object({ id: customId }).strict(),
  /** Merge a validated pack (lib/custom/pack.ts). */
  'custom:import': z.object({ entities: z.array(customEntitySchema).max(100_000) }).strict(),
  /** A pack of these entities (all live ones without ids). */
  'custom:export': z.object({ ids: z.array(customId).max(100_000).optional() }).strict(),
  /** "Seen on 12 pages, last: …" for a card; `enabled` false while the reader keeps no history. */
  'history:summary': z.object({ entityId }).strict(),
  'history:list': z
    .object({
      entityId: entityId.optional(),
      text: z.string().max(200).optional(),
      host: z.string().max(300).optional(),
      limit: z.number().int().min(1).max(1_000_000).optional(),
    })
    .strict(),
  'history:delete': z.union([
    z.object({ entityId, url: z.string().min(1).max(4096) }).strict(),
    z.object({ host: z.string().min(1).max(300) }).strict(),
    z.object({ entityId }).strict(),
    z.object({ all: z.literal(true) }).strict(),
  ]),
  /** Opens the options page at a route (the card's "Seen on …" link). */
  'options:open': z
    .object({
      hash: z
        .string()
        .regex(/^#\/[\w/?=&%.:-]*$/)
        .max(1000),
    })
    .strict(),
  /** Entity details by id (extension pages; the dataset is too large to load in each). */
  'entities:get': z.object({ ids: z.array(entityId).max(2_000) }).strict(),
  /** Search every entity (popup, options page). */
  'entities:search': z
    .object({
      query: z.string().max(200),
      limit: z.number().int().min(1).max(100).optional(),
      type: z.enum(['regulator', 'firm', 'official']).optional(),
    })
    .strict(),
  /** Start loading the search index (the popup, as it opens). */
  'entities:warm': z.object({}).strict(),
  /** Bootstrap → background: its frame holds text; inject the page agent there (once a document). */
  'agent:load': z.object({}).strict(),
  /** Content script → background: a one-time ticket for the card frame it is about to open. */
  'card:ticket': z.object({}).strict(),
  /** Card frame → background: the ticket the content script handed it; the frame may then read notes. */
  'card:claim': z.object({ ticket: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  'page:mentions': z.object({}).strict(),
  /** Background → content script: move to the next/previous mention and open its card. */
  'nav:mention': z.object({ direction: z.enum(['next', 'previous']) }).strict(),
  /** Background → content script: the current selection, and the entity of a mention it covers. */
  'page:selection': z.object({}).strict(),
} as const;

export interface Responses {
  'notes:list': Note[];
  'notes:counts': Record<string, number>;
  'notes:add': Note;
  'notes:update': Note;
  'notes:all': Note[];
  'notes:import': ImportCounts;
  'notes:delete': { id: string };
  'notes:restore': Note;
  'page:found': { count: number };
  'custom:list': CustomEntity[];
  'custom:get': CustomEntity[];
  'custom:add': CustomEntity;
  'custom:update': CustomEntity;
  'custom:delete': { id: string };
  'custom:restore': CustomEntity;
  'custom:import': MergeCounts;
  'custom:export': PackFile;
  'history:summary': HistorySummary & { enabled: boolean };
  'history:list': Sighting[];
  'history:delete': { deleted: number };
  'options:open': { opened: true };
  'entities:get': CardEntity[];
  'entities:search': SearchAnswer;
  'entities:warm': { ready: boolean };
  'agent:load': { injected: boolean };
  'card:ticket': { ticket: string };
  'card:claim': { claimed: true };
  'page:mentions': { entities: { id: string; count: number }[]; url: string; title: string };
  'nav:mention': { index: number; total: number };
  'page:selection': { text: string; entityId?: string; url: string; title: string };
}

export type MessageType = keyof typeof requestSchemas;
export type Request<T extends MessageType> = z.infer<(typeof requestSchemas)[T]>;
export type Envelope<T extends MessageType = MessageType> = { type: T; payload: Request<T> };
export type Reply<T extends MessageType> = { ok: true; data: Responses[T] } | { ok: false; error: string };

/**
 * Who sends a message to the background: a content script (it shares its page's fate), a card
 * frame (extension origin, but framed inside a web page), or one of our top-level pages (popup,
 * options), which no web page can frame.
 */
export type SenderKind = 'content' | 'card' | 'page';

/**
 * Messages that touch the reader's private data (notes, their own entities, history): only
 * extension pages may send them (the card only once claimed), never a content script.
 */
export const PRIVATE_TYPES: ReadonlySet<MessageType> = new Set([
  'notes:list',
  'notes:counts',
  'notes:add',
  'notes:update',
  'notes:delete',
  'notes:restore',
  'notes:all',
  'notes:import',
  'custom:get',
  'history:summary',
  'options:open',
]);

/**
 * Private messages only the popup and options page may send (the card neither lists, edits nor
 * deletes the reader's entities or history): top-level extension pages no site can frame.
 */
export const PAGE_ONLY_TYPES: ReadonlySet<MessageType> = new Set([
  'custom:list',
  'custom:add',
  'custom:update',
  'custom:delete',
  'custom:restore',
  'custom:import',
  'custom:export',
  'history:list',
  'history:delete',
]);

/** A page agent's message on the matching port (lib/match-protocol.ts), checked before use. */
export const matchRequestSchema = z
  .object({
    type: z.literal('pass'),
    pass: z.number().int().nonnegative(),
    order: z.array(z.number().int().nonnegative()).max(1_000_000).optional(),
    blocks: z
      .array(z.object({ id: z.number().int().nonnegative(), text: z.string().max(16 * 1024 * 1024) }).strict())
      .max(1_000_000),
    last: z.boolean(),
    show: z.boolean().optional(),
  })
  .strict();

/** Validates an incoming envelope; returns a message for the sender when it is malformed. */
export function parseEnvelope(raw: unknown): { ok: true; msg: Envelope } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'message must be an object' };
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !(type in requestSchemas))
    return { ok: false, error: `unknown message type ${String(type)}` };
  const schema = requestSchemas[type as MessageType];
  const r = schema.safeParse(payload ?? {});
  if (!r.success)
    return {
      ok: false,
      error: `${type}: ${r.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')}`,
    };
  return { ok: true, msg: { type: type as MessageType, payload: r.data } as Envelope };
}

export class MessageError extends Error {}

/** Sends a typed message and unwraps the reply; throws MessageError with the handler's message. */
export async function send<T extends MessageType>(
  transport: (msg: Envelope<T>) => Promise<unknown>,
  type: T,
  payload: Request<T>,
): Promise<Responses[T]> {
  const reply = (await transport({ type, payload })) as Reply<T> | undefined;
  if (!reply) throw new MessageError(`${type}: no reply`);
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.data;
}
