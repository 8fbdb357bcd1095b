import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { Envelope } from '../lib/messages';
import { bootWhenText } from '../lib/page/bootstrap';

/**
 * The bootstrap, the manifest's content script in every frame (wxt.config.ts lists it with the
 * highlight styles). The page agent (`entrypoints/agent.ts`, ~50 KB) is injected by the
 * background only into frames that hold text (lib/page/bootstrap.ts). A few KB: no WXT context
 * and no polyfill, only the browser's own `runtime` (promise-based in Chrome MV3 and Firefox).
 */
type Runtime = { id?: string; sendMessage: (m: unknown) => Promise<unknown> };
const api = (globalThis as { browser?: { runtime?: Runtime } }).browser?.runtime?.id
  ? (globalThis as unknown as { browser: { runtime: Runtime } }).browser
  : (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome;

export default defineUnlistedScript(() => {
  // Gone after an extension reload or update (an orphaned copy stops looking).
  const isValid = () => {
    try {
      return !!api.runtime?.id;
    } catch {
      return false;
    }
  };
  let tries = 0;
  const ask: Envelope<'agent:load'> = { type: 'agent:load', payload: {} };
  const load = () => {
    if (!isValid()) return;
    // The worker may be stopping as we ask: ask again a little later (the agent runs once).
    api.runtime.sendMessage(ask).catch(() => {
      if (++tries < 4) setTimeout(load, 200 * tries);
    });
  };
  bootWhenText({ doc: document, top: window === window.top, isValid, load });
});
