import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCH_PORT } from '../../lib/match-protocol';
import { startDramatis } from '../../lib/page/content-app';
import type { PortLike } from '../../lib/page/match-client';
import { normalizeSettings, readSettings, SETTINGS_KEY } from '../../lib/settings';
import highlightCss from './style.css?inline';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Every frame reads its own text (same-origin and cross-origin iframes alike).
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    // After an extension update or reload the old copy is orphaned (Chrome does not stop it);
    // WXT notices when its validity is checked. This heartbeat checks, so the old copy removes
    // its marks and listeners within seconds instead of failing on the reader's next hover.
    ctx.setInterval(() => {}, 1500);
    void startDramatis({
      doc: document,
      signal: ctx.signal,
      isValid: () => ctx.isValid,
      cardUrl: browser.runtime.getURL('/card.html'),
      cardOrigin: new URL(browser.runtime.getURL('/')).origin,
      cardTitle: i18n.t('card.title'),
      highlightCss,
      connectMatcher: () => browser.runtime.connect({ name: MATCH_PORT }) as unknown as PortLike,
      sendToBackground: (msg) => browser.runtime.sendMessage(msg),
      onRuntimeMessage: (handler) => {
        const listener = (raw: unknown) => handler(raw);
        browser.runtime.onMessage.addListener(listener);
        ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
      },
      readSettings: () => readSettings(browser.storage.local),
      onSettingsChange: (cb) => {
        const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
          if (area === 'local' && changes[SETTINGS_KEY]) cb(normalizeSettings(changes[SETTINGS_KEY].newValue));
        };
        browser.storage.onChanged.addListener(listener);
        ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
      },
    });
  },
});
