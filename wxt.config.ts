import preact from '@preact/preset-vite';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';

// See docs/ARCHITECTURE.md. The dataset is compiled before WXT runs (`npm run dataset:compile`,
// part of `npm run build`): the background loads data/match-index.bin (the matcher lives there),
// data/search.json and the entity shards data/entities/<xx>.json, and serves extension pages by id;
// data/words.txt flags the reader's own names that are ordinary words, as the build does.
export default defineConfig({
  // DRAMATIS_OUT lets parallel work build to separate folders (tests read the same variable).
  outDir: process.env.DRAMATIS_OUT ?? '.output',
  filterEntrypoints: process.env.DRAMATIS_ENTRYPOINTS?.split(','),
  // @wxt-dev/i18n: locales/<lang>.yml → _locales/<lang>/messages.json, typed `i18n.t` (lib/ui/i18n.ts).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 2048, ...(process.env.DRAMATIS_NO_MINIFY ? { minify: false } : {}) },
  }),
  manifest: ({ browser }) => ({
    // The interface follows the browser's language: English, or Simplified Chinese (locales/).
    default_locale: 'en',
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    // `scripting` and the host permission: the background injects the page agent into frames
    // whose bootstrap found text (entrypoints/agent.ts). The install warning stays the one the
    // content scripts on <all_urls> already give ("read and change all your data on all websites").
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', ...(browser === 'firefox' ? [] : ['scripting'])],
    host_permissions: ['<all_urls>'],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_manifest_nextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_manifest_previousMention__',
      },
    },
    // The card is framed inside pages, so it must be web-accessible. In Chrome only through a
    // per-session dynamic id (runtime.getURL gives it), so a site cannot probe a fixed address to
    // detect Dramatis; Firefox's address is per install already. Framing it is harmless anyway:
    // the card answers nothing without a ticket (lib/background/card-sessions.ts).
    web_accessible_resources: [
      {
        resources: ['card.html'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // The bootstrap (entrypoints/boot.ts, a few KB) in every frame, with the highlight styles; it
    // asks the background to inject the page agent (agent.js) into frames that hold text.
    content_scripts: [
      {
        matches: ['<all_urls>'],
        run_at: 'document_idle',
        // Every frame reads its own text (same-origin and cross-origin iframes alike).
        all_frames: true,
        match_about_blank: true,
        js: ['boot.js'],
        css: ['highlights.css'],
      },
    ],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'dramatis@example.org', strict_min_version: '128.0' } } }
      : {}),
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      const generated = join(import.meta.dirname, '.generated');
      files.push({
        absoluteSrc: join(import.meta.dirname, 'lib', 'page', 'highlights.css'),
        relativeDest: 'highlights.css',
      });
      for (const name of ['match-index.bin', 'search.json', 'search-top.json', 'words.txt'])
        files.push({ absoluteSrc: join(generated, name), relativeDest: `data/${name}` });
      for (const name of readdirSync(join(generated, 'entities')))
        files.push({ absoluteSrc: join(generated, 'entities', name), relativeDest: `data/entities/${name}` });
    },
  },
});
