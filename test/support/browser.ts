/**
 * Launching Debian's Chromium with the built extension, for the e2e tests, eval, bench and demo.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = join(ROOT, process.env.DRAMATIS_OUT ?? '.output', 'chrome-mv3');

/** Flags this network and container need (no sandbox as root, no background traffic). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(
    'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}

export function assertBuilt(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`The extension is not built (${EXTENSION_DIR} missing): run \`npm run build\` first.`);
}

export interface LaunchOptions {
  userDataDir?: string;
  headless?: boolean;
  withExtension?: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** More Chromium flags (a proxy). */
  extraArgs?: string[];
  /**
   * The browser's language (`zh-CN`): the extension's interface follows it. Chromium takes it from
   * `--lang` (Debian's build reads the extension's catalogue for it even without its own zh-CN
   * strings installed); LANGUAGE is set too, which Linux builds consult, and pages see it as
   * `navigator.language`.
   */
  lang?: string;
}

export async function launchWithExtension(
  opts: LaunchOptions = {},
): Promise<{ context: BrowserContext; userDataDir: string }> {
  const withExtension = opts.withExtension ?? true;
  if (withExtension) assertBuilt();
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'dramatis-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: opts.viewport ?? { width: 1200, height: 900 },
    ...(opts.lang
      ? { locale: opts.lang, env: { ...process.env, LANGUAGE: opts.lang.replace('-', '_') } as Record<string, string> }
      : {}),
    args: [
      ...CHROMIUM_FLAGS,
      ...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      ...(opts.extraArgs ?? []),
    ],
  });
  return { context, userDataDir };
}

/** The extension's id, read from its service worker's URL. */
export async function extensionId(context: BrowserContext): Promise<string> {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return new URL(worker.url()).host;
}
