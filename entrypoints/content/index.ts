import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCH_INDEX_BASE64 } from '../../.generated/match-index';
import { startDramatis } from '../../lib/page/content-app';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    void startDramatis({
      doc: document,
      indexBase64: MATCH_INDEX_BASE64,
      signal: ctx.signal,
      cardUrl: browser.runtime.getURL('/card.html'),
      sendToBackground: (msg) => browser.runtime.sendMessage(msg),
      onRuntimeMessage: (handler) => {
        const listener = (raw: unknown) => handler(raw);
        browser.runtime.onMessage.addListener(listener);
        ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
      },
    });
  },
});
