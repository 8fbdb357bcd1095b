import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { historyHash } from '../lib/custom/routes';
import type { Sighting } from '../lib/custom/types';
import { HISTORY_DAYS_DEFAULT, HISTORY_DAYS_MAX, readSettings, writeSettings, type Settings } from '../lib/settings';
import { useEntities } from '../lib/ui/clients';
import { ago, historyApi, useCustomEntities } from '../lib/ui/custom-api';
import { safeHref } from '../lib/ui/links';

/** Words shown here (kept together for the translation catalogue). */
const TEXT = {
  title: 'Where you met names',
  switchLabel: 'Keep a list of the pages where names were marked',
  explain:
    'When this is on, Dramatis remembers, for each regulator, firm, official or entity of yours it marks, the pages where it did: the address, the title, when, and how many times. Cards then say “Seen on 12 pages, last: …”. The list stays on this device and is never sent anywhere. Nothing is kept from private windows or from sites where Dramatis is paused, and nothing at all while this is off.',
  offNote: 'Off: nothing is being recorded. What was recorded before stays until you delete it or it ages out.',
  keep: 'Keep pages for',
  days: 'days after they were last seen',
  search: 'Search pages',
  searchPlaceholder: 'Search titles and addresses…',
  filtered: (name: string) => `Pages where “${name}” was marked.`,
  showAll: 'Show every entity',
  count: (n: number) => `${n.toLocaleString()} entr${n === 1 ? 'y' : 'ies'}`,
  none: 'No pages recorded.',
  del: 'Delete',
  delSite: (host: string) => `Delete all from ${host}`,
  delAll: 'Delete the whole list',
  confirmAll: (n: number) => `Yes, delete all ${n.toLocaleString()} (cannot be undone)`,
  keepAll: 'Keep them',
  deleted: (n: number) => `Deleted ${n.toLocaleString()} entr${n === 1 ? 'y' : 'ies'}.`,
  times: (n: number) => `${n} mention${n === 1 ? '' : 's'}`,
  failed: (m: string) => `Failed: ${m}`,
};

const LIMIT = 500;

/** The options page's history tab: the setting, and the list (search, delete one, per site, all). */
export function HistoryView({ entityId }: { entityId?: string }) {
  const [settings, setSettings] = useState<Settings>();
  const [days, setDays] = useState('');
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Sighting[]>();
  const [refresh, setRefresh] = useState(0);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void readSettings(browser.storage.local).then((s) => {
      setSettings(s);
      setDays(String(s.historyDays));
    });
  }, []);
  useEffect(() => {
    let live = true;
    historyApi.list({ ...(entityId ? { entityId } : {}), ...(text.trim() ? { text } : {}) }).then(
      (r) => live && setRows(r),
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [entityId, text, refresh]);

  const ids = useMemo(
    () => [...new Set([...(rows ?? []).map((r) => r.entityId), ...(entityId ? [entityId] : [])])],
    [rows, entityId],
  );
  const { entities } = useEntities(ids);
  const { entities: mine } = useCustomEntities(ids);
  const nameOf = (id: string) => entities?.get(id)?.name ?? mine?.get(id)?.name ?? id;

  const save = async (next: Settings) => {
    setSettings(next);
    await writeSettings(browser.storage.local, next);
  };
  const remove = async (what: Parameters<typeof historyApi.remove>[0]) => {
    try {
      const { deleted } = await historyApi.remove(what);
      setStatus(TEXT.deleted(deleted));
      setRefresh((n) => n + 1);
    } catch (e) {
      setError(TEXT.failed((e as Error).message));
    }
  };

  return (
    <section class="history" aria-label={TEXT.title}>
      <h1>{TEXT.title}</h1>
      {settings ? (
        <>
          <label class="switch">
            <input
              type="checkbox"
              checked={settings.history}
              onChange={(e) => void save({ ...settings, history: (e.target as HTMLInputElement).checked })}
            />{' '}
            {TEXT.switchLabel}
          </label>
          <p class="hint">{TEXT.explain}</p>
          {!settings.history ? <p class="meta">{TEXT.offNote}</p> : null}
          <label class="row">
            {TEXT.keep}{' '}
            <input
              type="number"
              min={1}
              max={HISTORY_DAYS_MAX}
              aria-label="Days to keep"
              value={days}
              onInput={(e) => setDays((e.target as HTMLInputElement).value)}
              onChange={(e) => {
                const n = Math.round(Number((e.target as HTMLInputElement).value));
                const v = Number.isFinite(n) && n >= 1 ? Math.min(n, HISTORY_DAYS_MAX) : HISTORY_DAYS_DEFAULT;
                setDays(String(v));
                void save({ ...settings, historyDays: v }).then(() => setRefresh((x) => x + 1));
              }}
            />{' '}
            {TEXT.days}
          </label>
        </>
      ) : null}
      <div class="filters" role="search">
        <input
          type="search"
          aria-label={TEXT.search}
          placeholder={TEXT.searchPlaceholder}
          value={text}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
      </div>
      {entityId ? (
        <p class="meta">
          {TEXT.filtered(nameOf(entityId))} <a href={historyHash()}>{TEXT.showAll}</a>
        </p>
      ) : null}
      {status ? (
        <p role="status" class="outcome">
          {status}
        </p>
      ) : null}
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      <div class="row spread">
        <p class="meta result-count" aria-live="polite">
          {rows ? TEXT.count(rows.length) : 'Loading…'}
        </p>
        {rows?.length && !confirming ? (
          <button type="button" class="secondary" onClick={() => setConfirming(true)}>
            {TEXT.delAll}
          </button>
        ) : null}
        {rows?.length && confirming ? (
          <span class="row">
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                void remove({ all: true });
              }}
            >
              {TEXT.confirmAll(rows.length)}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {TEXT.keepAll}
            </button>
          </span>
        ) : null}
      </div>
      {rows && !rows.length ? <p class="meta">{TEXT.none}</p> : null}
      <ul class="note-list history-list">
        {(rows ?? []).slice(0, LIMIT).map((r) => (
          <li key={`${r.entityId}\n${r.url}`} class="note history-row">
            <p class="note-entity">
              <a href={historyHash(r.entityId)}>{nameOf(r.entityId)}</a>
            </p>
            <p class="history-page">
              <a href={safeHref(r.url)} target="_blank" rel="noreferrer noopener">
                {r.title || r.url}
              </a>
            </p>
            <p class="note-meta">
              {r.host} · <time dateTime={new Date(r.lastSeen).toISOString()}>{ago(r.lastSeen)}</time> ·{' '}
              {TEXT.times(r.count)}{' '}
              <button type="button" class="link" onClick={() => void remove({ entityId: r.entityId, url: r.url })}>
                {TEXT.del}
              </button>
              <button type="button" class="link" onClick={() => void remove({ host: r.host })}>
                {TEXT.delSite(r.host)}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
