import { i18n } from '#i18n';
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CardSessions } from '../lib/background/card-sessions';
import { EntityStore } from '../lib/background/entity-store';
import { handleMessage } from '../lib/background/handlers';
import { MatcherService, type MatchPort } from '../lib/background/matcher-service';
import { MATCH_PORT } from '../lib/match-protocol';
import type { SenderKind } from '../lib/messages';
import { send } from '../lib/messages';
import { addNoteFromSelection, MENU_ID, type MenuClick, type MenuTab } from '../lib/notes/add-from-selection';
import { HistoryRecorder } from '../lib/background/history-recorder';
import { HistoryRepository } from '../lib/custom/history';
import { CustomRepository } from '../lib/custom/repository';
import { addEntityFromSelection, ENTITY_MENU_ID } from '../lib/custom/routes';
import { NotesDb } from '../lib/notes/db';
import type { StorageErrorWords } from '../lib/notes/errors';
import { NotesRepository } from '../lib/notes/repository';
import { readSettings } from '../lib/settings';

const CARDS_KEY = 'dramatis:card-sessions';

/**
 * A content script's sender URL is its page's; our own documents have our scheme. Of those, only
 * `card.html` is web-accessible (framed inside pages); the popup and options page cannot be framed.
 */
function senderKind(sender: Browser.runtime.MessageSender): SenderKind {
  let url: URL | undefined;
  try {
    url = sender.url ? new URL(sender.url) : undefined;
  } catch {
    url = undefined;
  }
  const ours = !!url && /^(chrome|moz)-extension:$/.test(url.protocol) && sender.id === browser.runtime.id;
  if (!ours) return 'content';
  return url!.pathname === '/card.html' ? 'card' : 'page';
}

/** The page agent's file (entrypoints/agent.ts, built as an unlisted script). */
const AGENT_FILE = '/agent.js';

/**
 * Injects the page agent into the frame whose bootstrap found text. Chrome (MV3): `scripting`,
 * into that very document when the browser names it (a frame that navigated meanwhile is not
 * touched); Firefox (MV2): `tabs.executeScript` into the frame, about:blank ones included. The
 * agent runs in the content scripts' isolated world and runs once per document.
 */
async function injectAgent(t: { tabId: number; frameId: number; documentId?: string }): Promise<boolean> {
  if (import.meta.env.MANIFEST_VERSION === 3) {
    // (`documentIds`: Chrome 106+, not in the polyfill's types.)
    const target = (
      t.documentId ? { tabId: t.tabId, documentIds: [t.documentId] } : { tabId: t.tabId, frameIds: [t.frameId] }
    ) as { tabId: number; frameIds?: number[] };
    await browser.scripting.executeScript({ target, files: [AGENT_FILE], injectImmediately: true });
  } else {
    await browser.tabs.executeScript(t.tabId, {
      file: AGENT_FILE,
      frameId: t.frameId,
      matchAboutBlank: true,
      runAt: 'document_start',
    });
  }
  return true;
}

export default defineBackground(() => {
  // Storage failures in the browser's language, as the card, popup and options page show them.
  const storageErrorWords: StorageErrorWords = {
    storageFull: i18n.t('errors.storageFull'),
    newerDatabase: i18n.t('errors.newerDatabase'),
    databaseClosed: (detail) => i18n.t('errors.databaseClosed', { detail }),
  };
  const db = new NotesDb();
  const repo = new NotesRepository(db);
  const custom = new CustomRepository(db);
  const history = new HistoryRepository(db);
  const settings = () => readSettings(browser.storage.local);
  const recorder = new HistoryRecorder(history, settings);
  const found = new Map<number, Map<number, Map<string, number>>>();
  const openOptions = async (hash: string) => {
    await browser.tabs.create({ url: browser.runtime.getURL('/options.html') + hash });
  };

  // Card sessions survive the service worker being stopped (storage.session is memory-only and
  // closed to content scripts); loaded once before the first message is handled.
  const cards = new CardSessions();
  const session = browser.storage.session as Browser.storage.StorageArea | undefined;
  const cardsLoaded = (session?.get(CARDS_KEY) ?? Promise.resolve({}))
    .then((v) => cards.restore((v as Record<string, unknown>)[CARDS_KEY]))
    .catch(() => {});
  const cardsChanged = () => void session?.set({ [CARDS_KEY]: cards.save() }).catch(() => {});

  // The one matcher: each frame's page agent connects a port; the index loads on first use, with
  // the reader's own names from the database (and the word list, to flag ordinary words).
  const matcher = new MatcherService(
    async () => {
      const res = await fetch(browser.runtime.getURL('/data/match-index.bin' as '/'));
      if (!res.ok) throw new Error(`match index: HTTP ${res.status}`);
      return res.arrayBuffer();
    },
    undefined,
    undefined,
    {
      entities: () => custom.list(),
      words: async () => {
        const res = await fetch(browser.runtime.getURL('/data/words.txt' as '/'));
        if (!res.ok) throw new Error(`word list: HTTP ${res.status}`);
        return res.text();
      },
    },
  );
  // Saved, edited, deleted or imported: every open tab is marked again (the matcher asks each frame).
  const customChanged = () => void matcher.customChanged().catch(() => {});
  // Entity details and search for extension pages, from the packaged shards and index.
  const entities = new EntityStore(async (path) => {
    const res = await fetch(browser.runtime.getURL(`/${path}` as '/'));
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.text();
  });

  browser.runtime.onConnect.addListener((port) => {
    // Only our own content scripts connect (no externally_connectable); check the name anyway.
    if (port.name !== MATCH_PORT || !port.sender?.tab) {
      port.disconnect();
      return;
    }
    matcher.connect(port as unknown as MatchPort);
  });
  (globalThis as { dramatisMatcher?: MatcherService }).dramatisMatcher = matcher;

  browser.tabs.onRemoved.addListener((tabId) => {
    found.delete(tabId);
    recorder.forgetTab(tabId);
    cards.forgetTab(tabId);
    cardsChanged();
  });

  browser.runtime.onMessage.addListener(async (raw: unknown, sender: Browser.runtime.MessageSender) => {
    await cardsLoaded;
    return handleMessage(raw, {
      repo,
      sender: senderKind(sender),
      tabId: sender.tab?.id,
      frameId: sender.frameId,
      documentId: (sender as { documentId?: string }).documentId,
      cards,
      cardsChanged,
      entities,
      found,
      storageErrorWords,
      tab: sender.tab
        ? { id: sender.tab.id, url: sender.tab.url, title: sender.tab.title, incognito: sender.tab.incognito }
        : undefined,
      custom,
      customChanged,
      history,
      recorder,
      settings,
      openOptions,
      injectAgent,
      setBadge: async (tabId, count) => {
        await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
        await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' });
      },
    });
  });

  // Keyboard: move to the next/previous mention on the page and open its card.
  browser.commands?.onCommand.addListener(async (command: string) => {
    if (command !== 'next-mention' && command !== 'previous-mention') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const direction = command === 'next-mention' ? 'next' : 'previous';
    await browser.tabs
      .sendMessage(tab.id, { type: 'nav:mention', payload: { direction } }, { frameId: 0 })
      .catch(() => {});
  });

  // Context menu on selected text: "Add a note to Dramatis" opens the options page's add-note
  // view with the quote (and the entity, when the selection covers a marked name).
  const onMenuClick = (info: MenuClick, tab: MenuTab | undefined) =>
    addNoteFromSelection(info, tab, {
      askTab: (tabId, frameId) => send((m) => browser.tabs.sendMessage(tabId, m, { frameId }), 'page:selection', {}),
      openPage: (hash) => browser.tabs.create({ url: browser.runtime.getURL('/options.html') + hash }),
    });
  // "Add 'Xu Ming' to Dramatis…": the options page's entity editor, the selection as the name.
  const onEntityMenuClick = (info: MenuClick, tab: MenuTab | undefined) =>
    addEntityFromSelection(info, tab, { openPage: openOptions });
  // Created on install; titles are set again at each browser start, the only time the browser's
  // language (which picks them) can have changed.
  const menus = [
    { id: MENU_ID, title: i18n.t('menu.addNote') },
    { id: ENTITY_MENU_ID, title: i18n.t('menu.addEntity') },
  ];
  browser.runtime.onInstalled.addListener(() => {
    for (const item of menus)
      browser.contextMenus.create({ ...item, contexts: ['selection'] }, () => {
        // Already there after an update: give it this language's title.
        if (browser.runtime.lastError) void browser.contextMenus.update(item.id, { title: item.title }).catch(() => {});
      });
  });
  browser.runtime.onStartup.addListener(() => {
    for (const item of menus) void browser.contextMenus.update(item.id, { title: item.title }).catch(() => {});
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void onMenuClick(info, tab);
    if (info.menuItemId === ENTITY_MENU_ID) void onEntityMenuClick(info, tab);
  });
  // The same code paths, reachable from tests through the service worker (native menus cannot be clicked).
  (globalThis as { dramatisMenuClick?: typeof onMenuClick }).dramatisMenuClick = onMenuClick;
  (globalThis as { dramatisEntityMenuClick?: typeof onEntityMenuClick }).dramatisEntityMenuClick = onEntityMenuClick;
});
