import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessagesText, SUPPORTED_LOCALES } from '@wxt-dev/i18n/build';
import { describe, expect, test } from 'vitest';
import { ENGLISH_STORAGE_ERRORS } from '../../lib/notes/errors';
import { LOCALES_DIR } from './support/i18n';

// One catalogue per language (locales/*.yml). The English one types `t` (a key it lacks fails tsc);
// these tests hold every other catalogue to it: same keys, same placeholders, same plural forms,
// actually translated, and every key in use somewhere.

type Parsed = ReturnType<typeof parseMessagesText>;
const ROOT = join(LOCALES_DIR, '..');
const load = (file: string): Parsed => parseMessagesText(readFileSync(join(LOCALES_DIR, file), 'utf8'), 'YAML');
const files = readdirSync(LOCALES_DIR).filter((f) => f.endsWith('.yml'));
const en = load('en.yml');
const others = files.filter((f) => f !== 'en.yml');
const byKey = (p: Parsed) => new Map(p.map((m) => [m.key.join('.'), m]));
/** A message's text; a plural one's forms joined. */
const textOf = (m: Parsed[number] | undefined): string | undefined =>
  !m ? undefined : m.type === 'plural' ? Object.values(m.plurals).join(' | ') : m.message;

/** What a message needs from the code: its `$n` count, its `{name}`s, whether it takes a count. */
function shape(m: Parsed[number]) {
  return {
    substitutions: m.substitutions,
    named: [...m.namedSubstitutions].sort(),
    plural: m.type === 'plural' ? Object.keys(m.plurals).sort() : false,
  };
}

/** Messages that are the same in every language: the language tag, and the name. */
const SAME_EVERYWHERE = new Set(['locale', 'manifest.name', 'popup.documentTitle']);

test('there is a Simplified Chinese catalogue besides the English one, and browsers know both names', () => {
  expect(files.sort()).toEqual(['en.yml', 'zh_CN.yml']);
  for (const f of files) expect(SUPPORTED_LOCALES.has(f.replace('.yml', ''))).toBe(true);
});

describe.each(others)('%s against en.yml', (file) => {
  const other = load(file);
  const enKeys = byKey(en);
  const otherKeys = byKey(other);

  test('has every key, and no other', () => {
    expect([...enKeys.keys()].filter((k) => !otherKeys.has(k))).toEqual([]);
    expect([...otherKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  test('every message takes the same placeholders and plural forms as the English one', () => {
    const differ = [...enKeys].flatMap(([k, m]) => {
      const o = otherKeys.get(k);
      return o && JSON.stringify(shape(o)) !== JSON.stringify(shape(m))
        ? [`${k}: en ${JSON.stringify(shape(m))}, ${file} ${JSON.stringify(shape(o))}`]
        : [];
    });
    expect(differ).toEqual([]);
  });

  test('every message is translated (Chinese words or punctuation), except the name and the language tag', () => {
    const untranslated = other
      .filter((m) => !m.key[0]!.startsWith('@@') && !SAME_EVERYWHERE.has(m.key.join('.')))
      .filter((m) => {
        return !/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(textOf(m)!);
      })
      .map((m) => m.key.join('.'));
    expect(untranslated).toEqual([]);
  });

  test('its language tag names its own language', () => {
    expect(textOf(otherKeys.get('locale'))).toBe(file.replace('.yml', '').replace('_', '-'));
    expect(textOf(enKeys.get('locale'))).toBe('en');
  });
});

test('keys make valid, distinct message names for the browser (a-z, 0-9, _; case is ignored)', () => {
  const names = en.filter((m) => !m.key[0]!.startsWith('@@')).map((m) => m.key.join('_'));
  expect(names.filter((n) => !/^[A-Za-z0-9_]+$/.test(n))).toEqual([]);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
});

test('every key is used by the code, and the manifest names only keys that exist', () => {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true }))
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (/\.(tsx?|html)$/.test(e.name)) sources.push(readFileSync(join(ROOT, dir, e.name), 'utf8'));
  };
  for (const dir of ['components', 'entrypoints', 'lib']) walk(dir);
  const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
  const code = [...sources, config].join('\n');
  const keys = en.filter((m) => !m.key[0]!.startsWith('@@')).map((m) => m.key.join('.'));
  const unused = keys.filter((k) => !code.includes(`'${k}'`) && !code.includes(`__MSG_${k.replace(/\./g, '_')}__`));
  expect(unused).toEqual([]);
  const names = new Set(keys.map((k) => k.replace(/\./g, '_')));
  const inManifest = [...code.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
  expect(inManifest.length).toBeGreaterThanOrEqual(4); // name, description, two commands
  expect(inManifest.filter((n) => !names.has(n))).toEqual([]);
});

test('the background words storage failures as the English catalogue does', () => {
  const m = byKey(en);
  expect(textOf(m.get('errors.storageFull'))).toBe(ENGLISH_STORAGE_ERRORS.storageFull);
  expect(textOf(m.get('errors.newerDatabase'))).toBe(ENGLISH_STORAGE_ERRORS.newerDatabase);
  expect(textOf(m.get('errors.databaseClosed'))?.replace('{detail}', 'x')).toBe(
    ENGLISH_STORAGE_ERRORS.databaseClosed('x'),
  );
});
