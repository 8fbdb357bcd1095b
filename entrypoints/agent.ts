import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { MATCH_PORT } from '../lib/match-protocol';
import { startDramatis } from '../lib/page/content-app';
import type { PortLike } from '../lib/page/match-client';
import { normalizeSettings, readSettings, SETTINGS_KEY } from '../lib/settings';
import highlightCss from '../lib/page/highlights.css?inline';

/**
 * The page agent, injected by the background (`agent:load`) into a frame whose bootstrap
 * (entrypoints/content) found text. It runs in the content scripts' isolated world, once a
 * document; it returns nothing, so the injection does not wait for the page's first pass.
 */
export default defineUnlistedScript(() => {
  const g = globalThis as { __dramatisAgent?: true };
  if (g.__dramatisAgent) return;
  g.__dramatisAgent = true;
  // Its own context (stopped when the extension goes); it posts no message to the page.
  const ctx = new ContentScriptContext('agent', { noScriptStartedPostMessage: true });
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
});
