import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMessage } from '../lib/background/handlers';
import { NotesDb } from '../lib/notes/db';
import { NotesRepository } from '../lib/notes/repository';

export default defineBackground(() => {
  const repo = new NotesRepository(new NotesDb());
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) =>
    handleMessage(raw, {
      repo,
      fromExtensionPage: !sender.tab || (sender.url !== undefined && new URL(sender.url).origin === extensionOrigin),
      fromExtensionFrame: sender.url !== undefined && new URL(sender.url).origin === extensionOrigin,
      tabId: sender.tab?.id,
      setBadge: async (tabId, count) => {
        await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
        await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' });
      },
    }),
  );
});
