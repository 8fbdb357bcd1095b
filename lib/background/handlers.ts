/**
 * The background's message handlers, apart from the extension APIs so they can be tested.
 * Notes are served only to extension pages (the card frame, popup, options): a content
 * script, which shares its page's fate, never receives a note.
 */
import type { Note } from '../notes/types';
import { parseEnvelope, PRIVATE_TYPES, type MessageType, type Reply, type Responses } from '../messages';
import { describeStorageError } from '../notes/errors';
import type { NotesRepository } from '../notes/repository';

export interface HandlerContext {
  repo: NotesRepository;
  /** The sender is one of our pages: popup, options, or the card frame inside a web page. */
  fromExtension: boolean;
  tabId: number | undefined;
  /** The sending frame (0 for the top document). */
  frameId?: number;
  setBadge: (tabId: number, count: number) => Promise<void>;
  /** Entities found per tab and frame, so the badge counts the whole page, iframes included. */
  found?: Map<number, Map<number, string[]>>;
}

export async function handleMessage(raw: unknown, ctx: HandlerContext): Promise<Reply<MessageType> | undefined> {
  const parsed = parseEnvelope(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { type, payload } = parsed.msg;
  if (type === 'page:mentions' || type === 'nav:mention' || type === 'page:selection') return undefined; // for content scripts, not here
  if (PRIVATE_TYPES.has(type) && !ctx.fromExtension)
    return { ok: false, error: `${type}: not allowed from a web page` };
  try {
    const data = await dispatch(type, payload as never, ctx);
    return { ok: true, data } as Reply<MessageType>;
  } catch (err) {
    return {
      ok: false,
      error: type.startsWith('notes:') ? describeStorageError(err) : err instanceof Error ? err.message : String(err),
    };
  }
}

async function dispatch(
  type: MessageType,
  p: Record<string, never>,
  ctx: HandlerContext,
): Promise<Responses[MessageType]> {
  const { repo } = ctx;
  const payload = p as Record<string, unknown>;
  switch (type) {
    case 'notes:list':
      return repo.listForEntity(payload.entityId as string);
    case 'notes:counts':
      return repo.countsFor(payload.entityIds as string[]);
    case 'notes:add':
      return repo.add(payload as never);
    case 'notes:update':
      return repo.update(payload.id as string, payload.text as string, payload.tags as string[] | undefined);
    case 'notes:all':
      return repo.all();
    case 'notes:import':
      return repo.importNotes(payload.notes as Note[]);
    case 'notes:delete':
      await repo.remove(payload.id as string);
      return { id: payload.id as string };
    case 'notes:restore':
      return repo.restore(payload.id as string);
    case 'page:found': {
      let ids = payload.entityIds as string[];
      if (ctx.tabId !== undefined && ctx.found) {
        const frames = ctx.found.get(ctx.tabId) ?? new Map<number, string[]>();
        // A new top document starts a new page.
        if ((ctx.frameId ?? 0) === 0) frames.clear();
        frames.set(ctx.frameId ?? 0, ids);
        ctx.found.set(ctx.tabId, frames);
        ids = [...frames.values()].flat();
      }
      const count = new Set(ids).size;
      if (ctx.tabId !== undefined) await ctx.setBadge(ctx.tabId, count);
      return { count };
    }
    default:
      throw new Error(`${type}: no handler`);
  }
}
