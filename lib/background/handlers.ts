/**
 * The background's message handlers, apart from the extension APIs so they can be tested.
 * Notes, the reader's own entities and history are served only to extension pages (the card
 * frame, popup, options): a content script, which shares its page's fate, never receives them.
 */
import type { HistoryRepository } from '../custom/history';
import { toPack } from '../custom/pack';
import type { CustomRepository } from '../custom/repository';
import type { CustomEntity, CustomInput, Sighting } from '../custom/types';
import type { Note } from '../notes/types';
import type { Settings } from '../settings';
import type { HistoryRecorder, TabInfo } from './history-recorder';
import {
  PAGE_ONLY_TYPES,
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
  /** Entities found per tab and frame (with their counts), so the badge counts the whole page, iframes included. */
  found?: Map<number, Map<number, Map<string, number>>>;
  /** The sending tab, as the browser describes it (address, title, private window). */
  tab?: TabInfo;
  /** The reader's own entities. */
  custom?: CustomRepository;
  /** Called after the reader's entities changed: the matcher reloads them and every tab is marked again. */
  customChanged?: () => void;
  /** Where entities were met. */
  history?: HistoryRepository;
  /** Records pages into the history when the reader has turned it on. */
  recorder?: HistoryRecorder;
  /** The reader's settings (history on or off). */
  settings?: () => Promise<Settings>;
  /** Opens an extension page (the options page at a route). */
  openOptions?: (hash: string) => Promise<void>;
  /** Injects the page agent into one frame (the document that asked, where the browser can name it). */
  injectAgent?: (target: { tabId: number; frameId: number; documentId?: string }) => Promise<boolean>;
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
      error: /^(notes|custom|history):/.test(type)
        ? describeStorageError(err, ctx.storageErrorWords)
        : err instanceof Error
          ? err.message
          : String(err),
    };
  }
}

/** A "same as" must name an entity of the bundled dataset. */
async function checkSameAs(input: CustomInput, ctx: HandlerContext): Promise<void> {
  if (!input.sameAs) return;
  const found = await need(ctx.entities).get([input.sameAs]);
  if (!found.length) throw new Error(`"same as": no entity with id ${input.sameAs} in the dataset`);
}

function need<T>(x: T | undefined): T {
  if (!x) throw new Error('not available here');
  return x;
}

/** Notes for our own pages and for card frames our content script opened; tickets for content scripts. */
function allowed(type: MessageType, ctx: HandlerContext): boolean {
  const frame = { tabId: ctx.tabId ?? -1, frameId: ctx.frameId ?? 0, documentId: ctx.documentId };
  if (type === 'card:ticket' || type === 'agent:load') return ctx.sender === 'content' && ctx.tabId !== undefined;
  if (type === 'card:claim') return ctx.sender === 'card' && ctx.tabId !== undefined;
  if (type === 'page:found') return ctx.sender === 'content';
  if (type.startsWith('entities:')) return ctx.sender !== 'content';
  if (PAGE_ONLY_TYPES.has(type)) return ctx.sender === 'page';
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
    case 'notes:import': {
      const counts = await repo.importNotes(payload.notes as Note[], {
        ...(payload.entities ? { entities: payload.entities as CustomEntity[] } : {}),
        ...(payload.history ? { history: payload.history as Sighting[] } : {}),
      });
      if (counts.entities && counts.entities.added + counts.entities.updated > 0) ctx.customChanged?.();
      return counts;
    }
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
    case 'agent:load':
      return {
        injected: await need(ctx.injectAgent)({
          tabId: ctx.tabId!,
          frameId: ctx.frameId ?? 0,
          documentId: ctx.documentId,
        }),
      };
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
      const ids = payload.entityIds as string[];
      const given = payload.counts as number[] | undefined;
      let page = new Map<string, number>();
      ids.forEach((id, i) => page.set(id, (page.get(id) ?? 0) + (given?.[i] ?? 1)));
      if (ctx.tabId !== undefined && ctx.found) {
        const frames = ctx.found.get(ctx.tabId) ?? new Map<number, Map<string, number>>();
        // A new top document starts a new page.
        if ((ctx.frameId ?? 0) === 0) frames.clear();
        frames.set(ctx.frameId ?? 0, page);
        ctx.found.set(ctx.tabId, frames);
        page = new Map();
        for (const f of frames.values()) for (const [id, n] of f) page.set(id, (page.get(id) ?? 0) + n);
      }
      const count = page.size;
      if (ctx.tabId !== undefined) await ctx.setBadge(ctx.tabId, count);
      if (ctx.recorder && ctx.tab) await ctx.recorder.pageFound(ctx.tab, page).catch(() => false);
      return { count };
    }
    case 'custom:list':
      return need(ctx.custom).list();
    case 'custom:get':
      return need(ctx.custom).get(payload.ids as string[]);
    case 'custom:add': {
      const input = payload.entity as CustomInput;
      await checkSameAs(input, ctx);
      const e = await need(ctx.custom).add(input);
      ctx.customChanged?.();
      return e;
    }
    case 'custom:update': {
      const input = payload.entity as CustomInput;
      await checkSameAs(input, ctx);
      const e = await need(ctx.custom).update(payload.id as string, input);
      ctx.customChanged?.();
      return e;
    }
    case 'custom:delete':
      await need(ctx.custom).remove(payload.id as string);
      ctx.customChanged?.();
      return { id: payload.id as string };
    case 'custom:restore': {
      const e = await need(ctx.custom).restore(payload.id as string);
      ctx.customChanged?.();
      return e;
    }
    case 'custom:import': {
      const counts = await need(ctx.custom).importEntities(payload.entities as CustomEntity[]);
      if (counts.added + counts.updated > 0) ctx.customChanged?.();
      return counts;
    }
    case 'custom:export': {
      const custom = need(ctx.custom);
      const ids = payload.ids as string[] | undefined;
      return toPack(ids ? await custom.get(ids) : await custom.list(), Date.now());
    }
    case 'history:summary': {
      const enabled = (await ctx.settings?.())?.history ?? false;
      if (!enabled) return { enabled, pages: 0 };
      return { enabled, ...(await need(ctx.history).summary(payload.entityId as string)) };
    }
    case 'history:list': {
      const history = need(ctx.history);
      const days = (await ctx.settings?.())?.historyDays;
      if (days) await history.purge(days);
      return history.list(payload as never);
    }
    case 'history:delete':
      return { deleted: await need(ctx.history).delete(payload as never) };
    case 'options:open':
      await need(ctx.openOptions)(payload.hash as string);
      return { opened: true };
    default:
      throw new Error(`${type}: no handler`);
  }
}
