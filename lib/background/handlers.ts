/**
 * The background's message handlers, apart from the extension APIs so they can be tested.
 * Notes are served only to extension pages (the card frame, popup, options): a content
 * script, which shares its page's fate, never receives a note.
 */
import type { Note } from '../notes/types';
import {
  parseEnvelope,
  PRIVATE_TYPES,
  type MessageType,
  type Reply,
  type Responses,
  type SenderKind,
} from '../messages';
import type { CardSessions } from './card-sessions';
import type { EntityStore } from './entity-store';
import { describeStorageError, type StorageErrorWords } from '../notes/errors';
import type { NotesRepository } from '../notes/repository';

export interface HandlerContext {
  repo: NotesRepository;
  sender: SenderKind;
  tabId: number | undefined;
  /** The sending frame (0 for the top document). */
  frameId?: number;
  /** Chrome's id of the sending document. */
  documentId?: string;
  /** Entity details and search (public data, for extension pages). */
  entities?: EntityStore;
  /** Card frames our content scripts opened (tickets and claimed sessions). */
  cards?: CardSessions;
  /** Called after the card sessions changed, to keep them across a service-worker restart. */
  cardsChanged?: () => void;
  setBadge: (tabId: number, count: number) => Promise<void>;
  /** Storage failures in the interface's language (English when not given). */
  storageErrorWords?: StorageErrorWords;
  /** Entities found per tab and frame, so the badge counts the whole page, iframes included. */
  found?: Map<number, Map<number, string[]>>;
}

export async function handleMessage(raw: unknown, ctx: HandlerContext): Promise<Reply<MessageType> | undefined> {
  const parsed = parseEnvelope(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { type, payload } = parsed.msg;
  if (type === 'page:mentions' || type === 'nav:mention' || type === 'page:selection') return undefined; // for content scripts, not here
  if (!allowed(type, ctx)) return { ok: false, error: `${type}: not allowed from a web page` };
  try {
    const data = await dispatch(type, payload as never, ctx);
    return { ok: true, data } as Reply<MessageType>;
  } catch (err) {
    return {
      ok: false,
      error: type.startsWith('notes:')
        ? describeStorageError(err, ctx.storageErrorWords)
        : err instanceof Error
          ? err.message
          : String(err),
    };
  }
}

function need<T>(x: T | undefined): T {
  if (!x) throw new Error('not available here');
  return x;
}

/** Notes for our own pages and for card frames our content script opened; tickets for content scripts. */
function allowed(type: MessageType, ctx: HandlerContext): boolean {
  const frame = { tabId: ctx.tabId ?? -1, frameId: ctx.frameId ?? 0, documentId: ctx.documentId };
  if (type === 'card:ticket') return ctx.sender === 'content' && ctx.tabId !== undefined;
  if (type === 'card:claim') return ctx.sender === 'card' && ctx.tabId !== undefined;
  if (type === 'page:found') return ctx.sender === 'content';
  if (type.startsWith('entities:')) return ctx.sender !== 'content';
  if (!PRIVATE_TYPES.has(type)) return true;
  if (ctx.sender === 'page') return true;
  return ctx.sender === 'card' && ctx.tabId !== undefined && !!ctx.cards?.isClaimed(frame);
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
    case 'entities:get':
      return need(ctx.entities).get(payload.ids as string[]);
    case 'entities:search':
      return need(ctx.entities).search(
        payload.query as string,
        payload.limit as number | undefined,
        payload.type as 'regulator' | 'firm' | 'official' | undefined,
      );
    case 'entities:warm': {
      const store = need(ctx.entities);
      store.warm();
      return { ready: store.searchReady };
    }
    case 'card:ticket': {
      if (!ctx.cards) throw new Error('card:ticket: no card sessions');
      const ticket = ctx.cards.issue({ tabId: ctx.tabId!, frameId: ctx.frameId ?? 0 });
      ctx.cardsChanged?.();
      return { ticket };
    }
    case 'card:claim': {
      const ok = ctx.cards?.claim(payload.ticket as string, {
        tabId: ctx.tabId!,
        frameId: ctx.frameId ?? 0,
        documentId: ctx.documentId,
      });
      ctx.cardsChanged?.();
      if (!ok) throw new Error('card:claim: refused');
      return { claimed: true };
    }
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
