/**
 * The reader's own names joined to the bundled matcher: flags as in the dataset, public marks
 * exactly as without them, the rest private, "same as" names marking the bundled entity, and the
 * matcher service rebuilding them and asking every frame for a pass.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { MatcherService, type MatchPort } from '../../lib/background/matcher-service';
import { ALIAS_AMBIGUOUS, ALIAS_CASE_SENSITIVE, ALIAS_READER } from '../../lib/dataset/aliases';
import { compileDataset } from '../../lib/dataset/compile';
import { defaultExpandOptions, englishWords, loadDataset } from '../../lib/dataset/load';
import { buildCustomLayer, scanCustom, type CustomLayer, type ReaderEntity } from '../../lib/match/custom-layer';
import { deserializeIndex, serializeIndex, type MatchIndex } from '../../lib/match/index-format';
import { PageMatcher, runSteps, type BlockMention } from '../../lib/match/page-matcher';
import { Scanner } from '../../lib/match/scan';
import { LISTED_WORD, sortedWordLookup, wordListText } from '../../lib/match/word-list';
import { MARK_FIELDS, type MarksMessage, type MatcherToAgent } from '../../lib/match-protocol';

let bytes: Uint8Array;
let index: MatchIndex;
let scanner: Scanner;
let wordsText: string;
let isWord: (w: string) => boolean;
let ids: Map<string, number>;
beforeAll(() => {
  const { index: built } = compileDataset(loadDataset().records, defaultExpandOptions());
  bytes = serializeIndex(built);
  index = deserializeIndex(bytes);
  scanner = new Scanner(index);
  wordsText = wordListText(englishWords());
  const lookup = sortedWordLookup(wordsText);
  isWord = (w) => LISTED_WORD.test(w) && lookup(w);
  ids = new Map(index.meta.ids.map((id, i) => [id, i]));
});

let version = 0;
function layerOf(entities: ReaderEntity[]): CustomLayer {
  return buildCustomLayer(index, entities, { isWord, bundledIndexOf: (id) => ids.get(id), version: ++version });
}

/** Marks of a page (one block per text) as "private? id: text". */
function marks(texts: string[], layer?: CustomLayer): string[] {
  const m = new PageMatcher(scanner, () => layer);
  m.update(
    texts.map((_, i) => i),
    texts.map((text, id) => ({ id, text })),
  );
  return runSteps(m.match()).map((x: BlockMention) => {
    const id = x.entity < index.meta.ids.length ? index.meta.ids[x.entity] : layer!.ids[x.entity - layer!.bundledCount];
    return `${x.private ? 'private ' : ''}${id}: ${texts[x.block]!.slice(x.start, x.end)}`;
  });
}

const XU: ReaderEntity = { id: 'custom:xu', name: 'Xu Ming', aliases: ['许明', 'XM Holdings'] };

describe('the word list shipped for the reader’s names', () => {
  test('answers exactly as the build’s word set, by binary search in one string', () => {
    const set = englishWords();
    const sample = [...set].filter((w) => LISTED_WORD.test(w));
    const lookup = sortedWordLookup(wordsText);
    for (let i = 0; i < sample.length; i += 997) expect(lookup(sample[i]!)).toBe(true);
    for (const w of ['acme', 'apple', 'shell', 'a', 'zymurgy']) expect(lookup(w)).toBe(set.has(w));
    for (const w of ['xuming', 'zhipu', 'gensler', '', 'apple\npie', 'zzzzzz']) expect(lookup(w)).toBe(false);
  });
});

describe('the reader’s names in the matcher', () => {
  test('flags as in the dataset: an ordinary word is ambiguous (and case-sensitive when capitalised)', () => {
    const layer = layerOf([{ id: 'custom:acme', name: 'Acme Analytics', aliases: ['Acme', 'ACMA'] }]);
    const found = scanCustom(layer, 'Acme said. Acme Analytics said. ACMA said. acme said.');
    const byText = new Map(found.map((c) => [`${c.start}`, c.flags]));
    expect(found.every((c) => c.flags & ALIAS_READER)).toBe(true);
    expect(byText.get('0')! & ALIAS_AMBIGUOUS).toBeTruthy(); // "Acme": an English word
    expect(byText.get('0')! & ALIAS_CASE_SENSITIVE).toBeTruthy();
    expect(found.some((c) => c.start === 47)).toBe(false); // "acme" in lower case is not the name
    // On a page: the ambiguous short name alone is not marked; beside the full name it is.
    expect(marks(['Acme said the deal was off.'], layer)).toEqual([]);
    expect(marks(['Acme Analytics won. Later, Acme said the deal was off.'], layer)).toEqual([
      'private custom:acme: Acme Analytics',
      'private custom:acme: Acme',
    ]);
  });

  test('public marks are exactly those without the reader’s names; what only they find is private', () => {
    const page = [
      'Xu Ming, a deputy head of the Cyberspace Administration of China, met the SEC.',
      '许明 said the rules would apply.',
    ];
    const without = marks(page);
    const layer = layerOf([XU]);
    const withMine = marks(page, layer);
    expect(withMine.filter((m) => !m.startsWith('private '))).toEqual(without);
    expect(withMine.filter((m) => m.startsWith('private '))).toEqual([
      'private custom:xu: Xu Ming',
      'private custom:xu: 许明',
    ]);
    expect(layer.view.entityCategory[layer.bundledCount]).toBe(3); // category "custom"
  });

  test('“same as” names mark the bundled entity, privately, and never change its public marks', () => {
    const khan = ids.get('us-lina-khan');
    expect(khan).toBeDefined();
    const layer = layerOf([{ id: 'custom:k', name: 'Commissioner Khan', aliases: ['LMK'], sameAs: 'us-lina-khan' }]);
    expect(layer.ids).toEqual([]); // no entity of its own
    // "Khan" alone is a surname: only marked once the person is named in full. Named by the
    // reader's alias, the surname is accepted too: a private mark, since the page did not name her.
    const page = ['Commissioner Khan spoke first.', 'Later Khan said the rules stand.'];
    const withMine = marks(page, layer);
    expect(withMine.filter((m) => !m.startsWith('private '))).toEqual(marks(page));
    expect(withMine).toContain('private us-lina-khan: Commissioner Khan');
    expect(withMine.every((m) => !m.startsWith('private ') || m.startsWith('private us-lina-khan'))).toBe(true);
    // An id not in this dataset: its names mark nothing.
    expect(marks(['Commissioner Khan spoke.'], layerOf([{ ...XU, sameAs: 'zz-gone' }]))).toEqual([]);
  });

  test('the reader’s name shared with a bundled one: the page’s evidence decides, else the reader’s wins (in private)', () => {
    // "CAC" is the Cyberspace Administration of China's acronym; the reader also calls a firm so.
    const layer = layerOf([{ id: 'custom:cac', name: 'Cape Air Cargo', aliases: ['CAC'] }]);
    const page = ['The Cyberspace Administration of China said on Monday that the CAC would act.'];
    expect(marks(page)).toEqual(['cn-cac: Cyberspace Administration of China', 'cn-cac: CAC']);
    // The page names the Cyberspace Administration first: its acronym is the body's, for this reader too.
    expect(marks(page, layer)).toEqual(['cn-cac: Cyberspace Administration of China', 'cn-cac: CAC']);
    // Alone, the acronym is not enough for the bundled entity, but it is the reader's own name.
    expect(marks(['The CAC said on Monday it would fly more routes.'])).toEqual([]);
    expect(marks(['The CAC said on Monday it would fly more routes.'], layer)).toEqual(['private custom:cac: CAC']);
  });

  test('a changed layer rescans only the reader’s names; the bundled candidates stay cached', () => {
    let layer: CustomLayer | undefined = layerOf([XU]);
    let scans = 0;
    const counting = new Proxy(scanner, {
      get(t, p) {
        if (p === 'scan') return (...a: Parameters<Scanner['scan']>) => (scans++, t.scan(...a));
        return Reflect.get(t, p, t) as unknown;
      },
    });
    const m = new PageMatcher(counting, () => layer);
    m.update([1], [{ id: 1, text: 'Xu Ming met Acme Analytics.' }]);
    expect(runSteps(m.match()).filter((x) => x.private)).toHaveLength(1);
    layer = layerOf([XU, { id: 'custom:acme', name: 'Acme Analytics', aliases: [] }]);
    expect(runSteps(m.match()).filter((x) => x.private)).toHaveLength(2);
    layer = undefined;
    expect(runSteps(m.match()).filter((x) => x.private)).toHaveLength(0);
    expect(scans).toBe(1);
  });

  test('300 entities with 3,000 names: built quickly, and a page scans in about the same time', () => {
    const many: ReaderEntity[] = Array.from({ length: 300 }, (_, i) => ({
      id: `custom:e${i}`,
      name: `Zorvath Quellin ${i}`,
      aliases: Array.from({ length: 9 }, (_, k) => `Qz${i}x${k} Holdings`),
    }));
    const t0 = performance.now();
    const layer = layerOf(many);
    const built = performance.now() - t0;
    expect(layer.aliasCount).toBeGreaterThanOrEqual(3000);
    expect(built).toBeLessThan(2000);
    expect(marks(['Zorvath Quellin 17 met Qz4x2 Holdings.'], layer)).toEqual([
      'private custom:e17: Zorvath Quellin 17',
      'private custom:e4: Qz4x2 Holdings',
    ]);
  });
});

class FakePort implements MatchPort {
  sent: MatcherToAgent[] = [];
  private listeners: ((m: unknown) => void)[] = [];
  onMessage = { addListener: (l: (m: unknown) => void) => void this.listeners.push(l) };
  onDisconnect = { addListener: () => {} };
  postMessage(m: MatcherToAgent) {
    this.sent.push(m);
  }
  send(m: unknown) {
    for (const l of this.listeners) l(m);
  }
}

async function until(ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the matcher service and the reader’s names', () => {
  test('loads them with the index, marks them privately, and on a change rebuilds and asks every frame again', async () => {
    let mine: ReaderEntity[] = [XU];
    let wordLoads = 0;
    const svc = new MatcherService(async () => bytes, undefined, undefined, {
      entities: async () => mine,
      words: async () => {
        wordLoads++;
        return wordsText;
      },
    });
    const port = new FakePort();
    svc.connect(port);
    port.send({
      type: 'pass',
      pass: 1,
      order: [1],
      blocks: [{ id: 1, text: 'Xu Ming met the Securities and Exchange Commission.' }],
      last: true,
    });
    await until(() => port.sent.length === 1);
    const first = port.sent[0] as MarksMessage;
    expect(first.marks.length / MARK_FIELDS).toBe(1); // the Securities and Exchange Commission, public
    expect(first.private).toEqual([1, 0, 7, expect.any(Number), expect.any(Number)]);
    expect(first.entities[first.private![3]!]).toEqual(['custom:xu', 3]);
    expect(wordLoads).toBe(0); // no single-word name: the word list is not needed

    mine = [{ id: 'custom:acme', name: 'Acme', aliases: [] }];
    await svc.customChanged();
    expect(port.sent[1]).toEqual({ type: 'rescan' });
    expect(wordLoads).toBe(1);
    expect(svc.customLayer?.ids).toEqual(['custom:acme']);
    port.send({ type: 'pass', pass: 2, order: [1], blocks: [], last: true });
    await until(() => port.sent.length === 3);
    expect((port.sent[2] as MarksMessage).private).toBeUndefined(); // "Acme" alone: ambiguous, no evidence
  });

  test('the shipped word list (npm install and every build compile it) is the build’s word set', () => {
    expect(readFileSync(new URL('../../.generated/words.txt', import.meta.url), 'utf8')).toBe(wordsText);
  });
});
