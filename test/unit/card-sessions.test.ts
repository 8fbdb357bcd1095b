import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CardSessions, SESSIONS_PER_TAB, TICKET_TTL_MS } from '../../lib/background/card-sessions';
import { handleMessage } from '../../lib/background/handlers';
import { NotesDb } from '../../lib/notes/db';
import { NotesRepository } from '../../lib/notes/repository';
import { CardPort } from '../../lib/ui/card-port';
import { handlerContext } from './support/handler-context';

function sessions() {
  let now = 1_000;
  let n = 0;
  const s = new CardSessions(
    () => now,
    () => `${(++n).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
  );
  return { s, advance: (ms: number) => (now += ms) };
}

describe('card sessions', () => {
  it('a ticket opens one card frame in the tab it was issued for, once', () => {
    const { s } = sessions();
    const t = s.issue({ tabId: 1, frameId: 0 });
    expect(t).toMatch(/^[0-9a-f]{64}$/);
    expect(s.isClaimed({ tabId: 1, frameId: 7 })).toBe(false);
    expect(s.claim(t, { tabId: 1, frameId: 7 })).toBe(true);
    expect(s.isClaimed({ tabId: 1, frameId: 7 })).toBe(true);
    expect(s.claim(t, { tabId: 1, frameId: 8 })).toBe(false); // used
    expect(s.isClaimed({ tabId: 1, frameId: 8 })).toBe(false);
  });

  it('refuses a ticket from another tab, an expired one and one never issued', () => {
    const { s, advance } = sessions();
    const t1 = s.issue({ tabId: 1, frameId: 0 });
    expect(s.claim(t1, { tabId: 2, frameId: 3 })).toBe(false);
    expect(s.claim(t1, { tabId: 1, frameId: 3 })).toBe(false); // a refused claim uses it up too
    const t2 = s.issue({ tabId: 1, frameId: 0 });
    advance(TICKET_TTL_MS + 1);
    expect(s.claim(t2, { tabId: 1, frameId: 3 })).toBe(false);
    expect(s.claim('f'.repeat(64), { tabId: 1, frameId: 3 })).toBe(false);
  });

  it('binds a session to the document where the browser names it', () => {
    const { s } = sessions();
    s.claim(s.issue({ tabId: 1, frameId: 0 }), { tabId: 1, frameId: 5, documentId: 'A' });
    expect(s.isClaimed({ tabId: 1, frameId: 5, documentId: 'A' })).toBe(true);
    expect(s.isClaimed({ tabId: 1, frameId: 5, documentId: 'B' })).toBe(false); // the frame was navigated
  });

  it('keeps a bounded number of sessions per tab, forgets a closed tab, and survives save/restore', () => {
    const { s } = sessions();
    for (let f = 0; f < SESSIONS_PER_TAB + 4; f++) s.claim(s.issue({ tabId: 1, frameId: 0 }), { tabId: 1, frameId: f });
    expect(s.isClaimed({ tabId: 1, frameId: 0 })).toBe(false);
    expect(s.isClaimed({ tabId: 1, frameId: SESSIONS_PER_TAB + 3 })).toBe(true);
    const pending = s.issue({ tabId: 2, frameId: 0 });
    const copy = sessions().s;
    copy.restore(JSON.parse(JSON.stringify(s.save())));
    expect(copy.isClaimed({ tabId: 1, frameId: SESSIONS_PER_TAB + 3 })).toBe(true);
    expect(copy.claim(pending, { tabId: 2, frameId: 9 })).toBe(true);
    copy.forgetTab(1);
    expect(copy.isClaimed({ tabId: 1, frameId: SESSIONS_PER_TAB + 3 })).toBe(false);
    copy.restore({ tickets: 'nonsense' });
    copy.restore(undefined);
    expect(copy.isClaimed({ tabId: 2, frameId: 9 })).toBe(true);
  });
});

describe('background: who may read notes', () => {
  const repo = () => new NotesRepository(new NotesDb(`cards-${Math.random()}`));
  const list = { type: 'notes:list', payload: { entityId: 'us-aapl' } };

  it('a card frame reads notes only once it claimed a ticket issued to a content script of its tab', async () => {
    const r = repo();
    await r.add({ entityId: 'us-aapl', text: 'secret' });
    const cards = new CardSessions();
    const card = handlerContext(r, { sender: 'card', tabId: 4, frameId: 9, cards });
    expect(await handleMessage(list, card)).toEqual({ ok: false, error: 'notes:list: not allowed from a web page' });

    // A card frame cannot mint its own ticket, nor can a page (extension page) or a content script claim one.
    expect((await handleMessage({ type: 'card:ticket', payload: {} }, card))?.ok).toBe(false);
    const issued = await handleMessage(
      { type: 'card:ticket', payload: {} },
      handlerContext(r, { sender: 'content', tabId: 4, frameId: 0, cards }),
    );
    const ticket = (issued as { ok: true; data: { ticket: string } }).data.ticket;
    const claimAs = (over: object) =>
      handleMessage({ type: 'card:claim', payload: { ticket } }, handlerContext(r, { cards, ...over }));
    expect((await claimAs({ sender: 'content', tabId: 4, frameId: 0 }))?.ok).toBe(false);
    expect(await claimAs({ sender: 'card', tabId: 4, frameId: 9 })).toEqual({ ok: true, data: { claimed: true } });
    const notes = await handleMessage(list, card);
    expect(notes?.ok && (notes.data as { text: string }[]).map((n) => n.text)).toEqual(['secret']);
    // Another card frame in the same tab is still refused.
    expect((await handleMessage(list, handlerContext(r, { sender: 'card', tabId: 4, frameId: 10, cards })))?.ok).toBe(
      false,
    );
  });

  it('a malformed claim is refused, not thrown', async () => {
    const r = repo();
    const ctx = handlerContext(r, { sender: 'card', tabId: 1, cards: new CardSessions() });
    expect((await handleMessage({ type: 'card:claim', payload: { ticket: '<script>' } }, ctx))?.ok).toBe(false);
    expect((await handleMessage({ type: 'card:claim', payload: { ticket: 'a'.repeat(64) } }, ctx))?.ok).toBe(false);
  });
});

describe('agent:load', () => {
  const repo = () => new NotesRepository(new NotesDb(`agent-${Math.random()}`));
  it('injects the page agent into the asking frame of a content script, and only there', async () => {
    const r = repo();
    const asked: unknown[] = [];
    const injectAgent = async (t: object) => (asked.push(t), true);
    const msg = { type: 'agent:load', payload: {} };
    const from = (over: object) => handleMessage(msg, handlerContext(r, { injectAgent, ...over }));
    expect(await from({ sender: 'content', tabId: 3, frameId: 5, documentId: 'D' })).toEqual({
      ok: true,
      data: { injected: true },
    });
    expect(asked).toEqual([{ tabId: 3, frameId: 5, documentId: 'D' }]);
    // Not from a card frame, an extension page or a content script outside a tab; nor malformed.
    expect((await from({ sender: 'card', tabId: 3, frameId: 6 }))?.ok).toBe(false);
    expect((await from({ sender: 'page' }))?.ok).toBe(false);
    expect((await from({ sender: 'content', tabId: undefined }))?.ok).toBe(false);
    expect(
      (
        await handleMessage(
          { type: 'agent:load', payload: { file: '/x.js' } },
          handlerContext(r, { sender: 'content', tabId: 3, injectAgent }),
        )
      )?.ok,
    ).toBe(false);
    expect(asked.length).toBe(1);
  });
});

describe('card port', () => {
  class FakeWindow extends EventTarget {}
  const send = (win: FakeWindow, data: unknown) => {
    const channel = new MessageChannel();
    const got: unknown[] = [];
    channel.port1.onmessage = (e) => got.push(e.data);
    win.dispatchEvent(new MessageEvent('message', { data, ports: [channel.port2] }));
    return { port: channel.port1, got };
  };
  const tick = () => new Promise((r) => setTimeout(r, 20));

  it('stays silent for a port without a valid ticket, and connects for one the background confirms', async () => {
    const win = new FakeWindow();
    const claims: string[] = [];
    const port = new CardPort(win as unknown as Window, async (t) => {
      claims.push(t);
      return t === 'good';
    });
    const shown: unknown[] = [];
    port.onMessage((m) => shown.push(m));
    const a = send(win, { type: 'dramatis:connect' });
    const b = send(win, { type: 'dramatis:connect', ticket: 'forged' });
    const c = send(win, { type: 'hello', ticket: 'good' });
    await tick();
    expect(claims).toEqual(['forged']);
    expect([a.got, b.got, c.got]).toEqual([[], [], []]);
    expect(port.connected).toBe(false);

    const d = send(win, { type: 'dramatis:connect', ticket: 'good' });
    await tick();
    expect(port.connected).toBe(true);
    expect(d.got).toEqual([{ type: 'ready' }]);
    d.port.postMessage({ type: 'hidden' });
    await tick();
    expect(shown).toEqual([{ type: 'hidden' }]);
    // Once connected, nobody else gets in.
    const e = send(win, { type: 'dramatis:connect', ticket: 'good' });
    await tick();
    expect(e.got).toEqual([]);
    expect(claims).toEqual(['forged', 'good']);
    for (const x of [a, b, c, d, e]) x.port.close();
  });
});
