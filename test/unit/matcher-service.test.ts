import { beforeAll, describe, expect, test } from 'vitest';
import { MatcherService, type MatchPort } from '../../lib/background/matcher-service';
import { compileDataset } from '../../lib/dataset/compile';
import { defaultExpandOptions, loadDataset } from '../../lib/dataset/load';
import { serializeIndex } from '../../lib/match/index-format';
import { PageMatcher, runSteps } from '../../lib/match/page-matcher';
import { Scanner } from '../../lib/match/scan';
import type { MarksMessage, MatcherToAgent, PassMessage } from '../../lib/match-protocol';
import { deserializeIndex } from '../../lib/match/index-format';

let bytes: Uint8Array;
let scanner: Scanner;
beforeAll(() => {
  const ds = loadDataset();
  const { index } = compileDataset(ds.records, defaultExpandOptions(), ds.curatedIds);
  bytes = serializeIndex(index);
  scanner = new Scanner(deserializeIndex(bytes));
});

const idOf = (entity: number) => scanner.index.meta.ids[entity];

describe('page matcher', () => {
  test('resolves across blocks: a surname in one block counts after the full name in another', () => {
    const m = new PageMatcher(scanner);
    m.update(
      [1, 2],
      [
        { id: 1, text: 'Niu Yibing of the Cyberspace Administration of China spoke.' },
        { id: 2, text: 'Niu said the rules would apply.' },
      ],
    );
    const found = runSteps(m.match()).map((x) => `${x.block}:${idOf(x.entity)}`);
    expect(found).toContain('2:cn-niu-yibing');
    // Without the first block, the bare surname is not marked.
    m.update([2], []);
    expect(runSteps(m.match()).map((x) => idOf(x.entity))).not.toContain('cn-niu-yibing');
  });

  test('keeps what it was told, forgets blocks no longer on the page, reports what it lacks', () => {
    const m = new PageMatcher(scanner);
    expect(m.update([1, 2, 3], [{ id: 1, text: 'The SEC said so.' }])).toEqual([2, 3]);
    m.add([
      { id: 2, text: 'x' },
      { id: 3, text: 'y' },
    ]);
    expect(m.missing()).toEqual([]);
    m.update([3, 1], []); // block 2 removed, order changed
    expect(m.missing()).toEqual([]);
    expect(m.size).toBe('The SEC said so.'.length + 1);
    expect(m.update([3, 1, 9], [])).toEqual([9]);
  });

  test('marks come back in page order with block ids, also when the order changes', () => {
    const m = new PageMatcher(scanner);
    m.update(
      [10, 20],
      [
        { id: 10, text: 'Alibaba Group' },
        { id: 20, text: 'Tencent Holdings' },
      ],
    );
    expect(runSteps(m.match()).map((x) => [x.block, idOf(x.entity)])).toEqual([
      [10, 'cn-alibaba'],
      [20, 'cn-tencent'],
    ]);
    m.update([20, 10], []);
    expect(runSteps(m.match()).map((x) => x.block)).toEqual([20, 10]);
  });
});

class FakePort implements MatchPort {
  sent: MatcherToAgent[] = [];
  private listeners: ((m: unknown) => void)[] = [];
  private closers: (() => void)[] = [];
  onMessage = { addListener: (l: (m: unknown) => void) => void this.listeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => void this.closers.push(l) };
  postMessage(m: MatcherToAgent) {
    this.sent.push(m);
  }
  send(m: unknown) {
    for (const l of this.listeners) l(m);
  }
  close() {
    for (const c of this.closers) c();
  }
}

const settle = () => new Promise((r) => setTimeout(r, 30));
async function until(cond: () => boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await settle();
}
const pass = (p: Partial<PassMessage> & { pass: number }): PassMessage => ({
  type: 'pass',
  blocks: [],
  last: true,
  ...p,
});

describe('matcher service', () => {
  test('answers a pass with marks naming entity ids and categories', async () => {
    const svc = new MatcherService(async () => bytes);
    const port = new FakePort();
    svc.connect(port);
    port.send(pass({ pass: 1, order: [5], blocks: [{ id: 5, text: 'The Cyberspace Administration of China (CAC)' }] }));
    await until(() => port.sent.length > 0);
    const m = port.sent[0] as MarksMessage;
    expect(m.type).toBe('marks');
    expect(m.partial).toBe(false);
    expect(m.marks.length).toBe(10);
    expect(Object.values(m.entities)).toEqual([['cn-cac', 0]]);
  });

  test.each([
    ['not an object', 'hello'],
    ['unknown type', { type: 'scan', pass: 1, blocks: [], last: true }],
    ['bad block', { type: 'pass', pass: 1, blocks: [{ id: -1, text: 3 }], last: true }],
    ['extra field', { type: 'pass', pass: 1, blocks: [], last: true, evil: 1 }],
    ['huge pass number', { type: 'pass', pass: 1.5, blocks: [], last: true }],
  ])('a malformed message (%s) is refused without a throw or an answer', async (_what, raw) => {
    const svc = new MatcherService(async () => bytes);
    const port = new FakePort();
    svc.connect(port);
    expect(() => port.send(raw)).not.toThrow();
    await settle();
    expect(port.sent).toEqual([]);
    // The port still works afterwards.
    port.send(pass({ pass: 2, order: [1], blocks: [{ id: 1, text: 'the SEC' }] }));
    await until(() => port.sent.length > 0);
    expect(port.sent[0]!.type).toBe('marks');
  });

  test('asks for everything when it lacks a block the order names', async () => {
    const svc = new MatcherService(async () => bytes);
    const port = new FakePort();
    svc.connect(port);
    port.send(pass({ pass: 1, order: [1, 2], blocks: [{ id: 1, text: 'the SEC' }] }));
    await until(() => port.sent.length > 0);
    expect(port.sent[0]).toEqual({ type: 'resend', pass: 1 });
  });

  test('a long page: the first part is answered first (partial), then the whole', async () => {
    const svc = new MatcherService(async () => bytes);
    const port = new FakePort();
    svc.connect(port);
    port.send(pass({ pass: 1, order: [1, 2], blocks: [{ id: 1, text: 'Alibaba Group' }], last: false, show: true }));
    port.send(pass({ pass: 1, blocks: [{ id: 2, text: 'Tencent Holdings' }] }));
    await until(() => port.sent.length > 1);
    const [a, b] = port.sent as MarksMessage[];
    expect([a!.partial, b!.partial]).toEqual([true, false]);
    expect(Object.values(a!.entities).map((e) => e[0])).toEqual(['cn-alibaba']);
    expect(
      Object.values(b!.entities)
        .map((e) => e[0])
        .sort(),
    ).toEqual(['cn-alibaba', 'cn-tencent']);
  });

  test('frames share the matcher fairly, a newer pass replaces a queued one, a closed port cancels', async () => {
    const svc = new MatcherService(async () => bytes);
    const big = new FakePort();
    const small = new FakePort();
    const gone = new FakePort();
    svc.connect(big);
    svc.connect(small);
    svc.connect(gone);
    const long = Array.from({ length: 400 }, (_, i) => ({
      id: i,
      text: `Paragraph ${i}: the SEC and the Federal Reserve met Alibaba Group. `.repeat(40),
    }));
    big.send(pass({ pass: 1, order: long.map((b) => b.id), blocks: long }));
    gone.send(pass({ pass: 1, order: long.map((b) => b.id), blocks: long }));
    gone.close();
    await settle();
    small.send(pass({ pass: 1, order: [1], blocks: [{ id: 1, text: 'Tencent Holdings' }] }));
    small.send(pass({ pass: 2, order: [1], blocks: [{ id: 1, text: 'Didi Global' }] }));
    await until(() => big.sent.length > 0 && small.sent.length > 0, 20_000);
    // The short page did not wait for the long one, and only its newest pass was answered.
    expect(small.sent.map((m) => m.pass)).toEqual([2]);
    expect(Object.values((small.sent[0] as MarksMessage).entities)[0]![0]).toBe('cn-didi');
    expect(gone.sent).toEqual([]);
    expect(svc.sessions).toBe(2);
  }, 30_000);

  test('measure (for the bench): loads an index afresh and times a scan and a pass over texts', async () => {
    let loads = 0;
    const svc = new MatcherService(async () => {
      loads++;
      return bytes;
    });
    const texts = ['The Cyberspace Administration of China (CAC) met Alibaba Group.', 'Tencent Holdings'];
    const m = await svc.measure(texts, undefined, 2);
    expect(loads).toBe(1);
    expect(m.units).toBe(texts[0]!.length + texts[1]!.length);
    expect(m.scanMs).toHaveLength(2);
    expect(m.passMs).toHaveLength(2);
    expect(m.candidates).toBeGreaterThanOrEqual(m.mentions);
    expect(m.mentions).toBeGreaterThanOrEqual(3);
    // Handed bytes are used as they are (no package read), and the service's own state is untouched.
    const copy = bytes.slice().buffer;
    expect((await svc.measure([], copy, 0)).scanMs).toEqual([]);
    expect(loads).toBe(1);
    expect(svc.sessions).toBe(0);
  });
});
