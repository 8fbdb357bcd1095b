import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '../lib/background/handlers';
import { send } from '../lib/messages';
import {
  addNoteFromSelection,
  MENU_ID,
  MENU_TITLE,
  type MenuClick,
  type MenuTab,
} from '../lib/notes/add-from-selection';
import { NotesDb } from '../lib/notes/db';
import { NotesRepository } from '../lib/notes/repository';

export default defineBackground(() => {
  const repo = new NotesRepository(new NotesDb());
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const found = new Map<number, Map<number, string[]>>();
  browser.tabs.onRemoved.addListener((tabId) => void found.delete(tabId));

  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) =>
    handleMessage(raw, {
      repo,
      // No tab: the popup or options page. In a tab: only our card frame, never a content script.
      fromExtension: !sender.tab || (sender.url !== undefined && new URL(sender.url).origin === extensionOrigin),
      tabId: sender.tab?.id,
      frameId: sender.frameId,
      found,
      setBadge: async (tabId, count) => {
        await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
        await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' });
      },
    }),
  );

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
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: MENU_TITLE, contexts: ['selection'] }, () => {
      void browser.runtime.lastError; // already there after an update
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void onMenuClick(info, tab);
  });
  // The same code path, reachable from tests through the service worker (native menus cannot be clicked).
  (globalThis as { dramatisMenuClick?: typeof onMenuClick }).dramatisMenuClick = onMenuClick;
});
