import { useEffect, useMemo, useState } from 'preact/hooks';
import { parsePack, toPackJson } from '../lib/custom/pack';
import { editEntityHash, historyHash, newEntityHash, type EntitiesRoute } from '../lib/custom/routes';
import {
  CUSTOM_TYPES,
  customInputSchema,
  normalizeInput,
  type CustomEntity,
  type CustomInput,
  type CustomType,
} from '../lib/custom/types';
import type { MergeCounts } from '../lib/notes/import-export';
import { useEntities, useEntitySearch } from '../lib/ui/clients';
import { customApi, searchCustom, useCustomList } from '../lib/ui/custom-api';
import { download, stamp } from './NotesBackup';
import { formatCount, kindOf, rich, slot, t, typeLabel } from '../lib/ui/i18n';
import { safeHref } from '../lib/ui/links';
import { describeInputIssue } from '../lib/ui/problems';

/** A form's fields as typed (lists one item a line). */
interface Draft {
  name: string;
  aliases: string;
  type: CustomType;
  jurisdiction: string;
  description: string;
  links: string;
  sameAs?: string;
}

function draftOf(e?: CustomEntity, prefill: { name?: string; url?: string; sameAs?: string } = {}): Draft {
  if (e)
    return {
      name: e.name,
      aliases: e.aliases.join('\n'),
      type: e.type,
      jurisdiction: e.jurisdiction ?? '',
      description: e.description,
      links: e.links.join('\n'),
      ...(e.sameAs ? { sameAs: e.sameAs } : {}),
    };
  return {
    name: prefill.name ?? '',
    aliases: '',
    type: 'official',
    jurisdiction: '',
    description: '',
    links: safeHref(prefill.url) ?? '',
    ...(prefill.sameAs ? { sameAs: prefill.sameAs } : {}),
  };
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** The draft as a validated input, or the problems by field. */
export function inputOf(d: Draft): { ok: true; input: CustomInput } | { ok: false; errors: Record<string, string> } {
  const input = normalizeInput({
    name: d.name,
    aliases: lines(d.aliases),
    type: d.type,
    ...(d.jurisdiction.trim() ? { jurisdiction: d.jurisdiction } : {}),
    description: d.description,
    links: lines(d.links),
    ...(d.sameAs ? { sameAs: d.sameAs } : {}),
  });
  const r = customInputSchema.safeParse(input);
  if (r.success) return { ok: true, input: r.data as CustomInput };
  const errors: Record<string, string> = {};
  for (const i of r.error.issues) {
    const field = String(i.path[0] ?? 'name');
    const problem = describeInputIssue(i);
    errors[field] ??=
      typeof i.path[1] === 'number'
        ? t('invalid.onLine', {
            problem,
            line: formatCount(i.path[1] + 1),
            text: JSON.stringify(input[field as 'links'][i.path[1]]),
          })
        : problem;
  }
  return { ok: false, errors };
}

function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: unknown }) {
  return (
    <label class="field">
      <span>{label}</span>
      {children as never}
      {hint ? <span class="hint">{hint}</span> : null}
      {error ? (
        <span class="error" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}

function SameAsPicker({ value, onChange }: { value?: string; onChange: (id?: string) => void }) {
  const [query, setQuery] = useState('');
  const search = useEntitySearch(query, { limit: 8 });
  const { entities } = useEntities(value ? [value] : []);
  const chosen = value ? entities?.get(value) : undefined;
  return (
    <div class="field same-as">
      <span>{t('editor.sameAsLabel')}</span>
      {value ? (
        <div class="row">
          <span class="chosen-name">{chosen ? `${chosen.name} · ${kindOf(chosen)}` : value}</span>
          <button type="button" class="secondary" onClick={() => onChange(undefined)}>
            {t('editor.sameAsRemove')}
          </button>
        </div>
      ) : (
        <>
          <input
            type="search"
            aria-label={t('editor.sameAsLabel')}
            placeholder={t('editor.sameAsSearch')}
            value={query}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
          {query.trim() && search.answer?.hits.length ? (
            <ul class="results" aria-label={t('editor.sameAsResults')}>
              {search.answer.hits.map((h) => (
                <li key={h.id}>
                  <button
                    type="button"
                    onClick={() => {
                      onChange(h.id);
                      setQuery('');
                    }}
                  >
                    <span>{h.name}</span>
                    <span class="sub">{kindOf(h)}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <span class="hint">{t('editor.sameAsHint')}</span>
    </div>
  );
}

/** Adding or editing one of the reader's entities. */
function CustomEditor({
  route,
  existing,
  onSaved,
}: {
  route: Extract<EntitiesRoute, { view: 'new' | 'edit' }>;
  existing?: CustomEntity;
  onSaved: (e: CustomEntity) => void;
}) {
  const params = route.view === 'new' ? route.params : {};
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing, params));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const href = safeHref(params.url);

  const save = async (ev: Event) => {
    ev.preventDefault();
    const r = inputOf(draft);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onSaved(existing ? await customApi.update(existing.id, r.input) : await customApi.add(r.input));
    } catch (e) {
      setFailure(t('notes.notSaved', { error: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const value = (e: Event) => (e.target as HTMLInputElement).value;
  return (
    <form class="custom-editor" aria-label={existing ? t('editor.editTitle') : t('editor.newTitle')} onSubmit={save}>
      <h1>{existing ? t('editor.editTitle') : t('editor.newTitle')}</h1>
      {params.url || params.title ? (
        <p class="meta">
          {rich(t('editor.from', { source: slot('source') }), {
            source: href ? (
              <a href={href} target="_blank" rel="noreferrer noopener">
                {params.title || params.url}
              </a>
            ) : (
              params.title || params.url
            ),
          })}
        </p>
      ) : null}
      <Field label={t('editor.name')} hint={t('editor.nameHint')} error={errors.name}>
        <input
          type="text"
          aria-label={t('editor.name')}
          value={draft.name}
          autoFocus
          required
          onInput={(e) => set({ name: value(e) })}
        />
      </Field>
      <Field label={t('editor.aliases')} hint={t('editor.aliasesHint')} error={errors.aliases}>
        <textarea
          aria-label={t('editor.aliases')}
          value={draft.aliases}
          rows={3}
          onInput={(e) => set({ aliases: value(e) })}
        />
      </Field>
      <div class="row wrap">
        <Field label={t('editor.type')} error={errors.type}>
          <select
            aria-label={t('editor.type')}
            value={draft.type}
            onChange={(e) => set({ type: value(e) as CustomType })}
          >
            {CUSTOM_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('editor.jurisdiction')} hint={t('editor.jurisdictionHint')} error={errors.jurisdiction}>
          <input
            type="text"
            aria-label={t('editor.jurisdiction')}
            size={6}
            maxLength={3}
            value={draft.jurisdiction}
            onInput={(e) => set({ jurisdiction: value(e) })}
          />
        </Field>
      </div>
      <Field label={t('editor.description')} error={errors.description}>
        <textarea
          aria-label={t('editor.description')}
          value={draft.description}
          rows={3}
          onInput={(e) => set({ description: value(e) })}
        />
      </Field>
      <Field label={t('editor.links')} hint={t('editor.linksHint')} error={errors.links}>
        <textarea
          aria-label={t('editor.links')}
          value={draft.links}
          rows={2}
          onInput={(e) => set({ links: value(e) })}
        />
      </Field>
      <SameAsPicker value={draft.sameAs} onChange={(sameAs) => set({ sameAs })} />
      {errors.sameAs ? <p class="error">{errors.sameAs}</p> : null}
      {failure ? (
        <p class="error" role="alert">
          {failure}
        </p>
      ) : null}
      <div class="row">
        <button type="submit" disabled={busy}>
          {busy ? t('editor.saving') : t('common.save')}
        </button>
        <a href="#/entities" class="secondary-link">
          {t('common.cancel')}
        </a>
      </div>
    </form>
  );
}

/** "2 entities", or "1 of 2 entities" while a search leaves some out. */
function countText(shown: number, of?: number): string {
  return of !== undefined && of !== shown
    ? t('entities.filteredCount', of, [formatCount(of)], { shown: formatCount(shown) })
    : t('entities.count', shown, [formatCount(shown)]);
}

type Outcome =
  | { kind: 'imported'; file: string; counts: MergeCounts }
  | { kind: 'refused'; file: string; errors: string[] }
  | { kind: 'exported'; count: number }
  | { kind: 'error'; message: string };

function RowView({
  e,
  sameAsName,
  onDelete,
}: {
  e: CustomEntity;
  sameAsName?: string;
  onDelete: (e: CustomEntity) => void;
}) {
  return (
    <li class="custom-row" data-entity-id={e.id}>
      <p class="custom-name">
        <strong>{e.name}</strong>{' '}
        <span class="meta">
          {kindOf(e)}
          {e.sameAs ? ` · ${t('entities.sameAs', { name: sameAsName ?? e.sameAs })}` : ''}
        </span>
      </p>
      {e.aliases.length ? <p class="meta">{e.aliases.join(' · ')}</p> : null}
      {e.description ? <p class="custom-description">{e.description}</p> : null}
      <p class="note-meta">
        <a href={editEntityHash(e.id)}>{t('entities.edit')}</a>{' '}
        <a href={historyHash(e.sameAs ?? e.id)}>{t('entities.seen')}</a>{' '}
        <button type="button" class="link" onClick={() => onDelete(e)}>
          {t('entities.delete')}
        </button>
      </p>
    </li>
  );
}

/** The options page's "Your entities" tab: list, search, add and edit, delete with undo, packs. */
export function CustomEntitiesTab({ route }: { route: EntitiesRoute }) {
  const [refresh, setRefresh] = useState(0);
  const { list, error } = useCustomList(refresh);
  const [query, setQuery] = useState('');
  const [undo, setUndo] = useState<CustomEntity>();
  const [status, setStatus] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const shown = useMemo(
    () => (query.trim() ? searchCustom(list ?? [], query).map((h) => h.entity) : (list ?? [])),
    [list, query],
  );
  const sameAsIds = useMemo(() => [...new Set((list ?? []).flatMap((e) => (e.sameAs ? [e.sameAs] : [])))], [list]);
  const { entities: bundled } = useEntities(sameAsIds);

  useEffect(() => {
    if (route.view === 'list') setRefresh((n) => n + 1);
  }, [route.view]);

  if (route.view !== 'list') {
    if (route.view === 'edit' && !list) return <p class="meta">{t('common.loading')}</p>;
    const existing = route.view === 'edit' ? list?.find((e) => e.id === route.id) : undefined;
    if (route.view === 'edit' && !existing) return <p class="error">{t('entities.notFound')}</p>;
    return (
      <CustomEditor
        key={route.view === 'edit' ? route.id : newEntityHash(route.params)}
        route={route}
        existing={existing}
        onSaved={(e) => {
          setStatus(t('entities.saved', { name: e.name }));
          setUndo(undefined);
          location.hash = '#/entities';
        }}
      />
    );
  }

  const remove = async (e: CustomEntity) => {
    try {
      await customApi.remove(e.id);
      setUndo(e);
      setStatus(undefined);
      setRefresh((n) => n + 1);
    } catch (err) {
      setFailure(t('notes.notDeleted', { error: (err as Error).message }));
    }
  };
  const restore = async () => {
    if (!undo) return;
    try {
      await customApi.restore(undo.id);
      setUndo(undefined);
      setRefresh((n) => n + 1);
    } catch (err) {
      setFailure(t('notes.notRestored', { error: (err as Error).message }));
    }
  };
  const exportPack = async () => {
    setBusy(true);
    try {
      const ids = query.trim() ? shown.map((e) => e.id) : undefined;
      const pack = await customApi.export(ids);
      const now = Date.now();
      download(`dramatis-entities-${stamp(now)}.json`, 'application/json', toPackJson(pack.entities, now));
      setOutcome({ kind: 'exported', count: pack.entities.length });
    } catch (e) {
      setOutcome({ kind: 'error', message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const importPack = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const parsed = parsePack(await file.text());
      if (!parsed.ok) setOutcome({ kind: 'refused', file: file.name, errors: parsed.errors });
      else {
        setOutcome({ kind: 'imported', file: file.name, counts: await customApi.import(parsed.file.entities) });
        setRefresh((n) => n + 1);
      }
    } catch (e) {
      setOutcome({ kind: 'error', message: (e as Error).message });
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <section class="custom-entities" aria-label={t('entities.heading')}>
      <div class="row spread">
        <h1>{t('entities.heading')}</h1>
        <a class="button" href={newEntityHash()}>
          {t('entities.add')}
        </a>
      </div>
      <p class="hint">{t('entities.intro')}</p>
      <div class="filters" role="search">
        <input
          type="search"
          aria-label={t('entities.searchLabel')}
          placeholder={t('entities.searchPlaceholder')}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </div>
      {status ? (
        <p role="status" class="outcome">
          {status}
        </p>
      ) : null}
      {undo ? (
        <p role="status" class="outcome">
          {t('entities.deleted', { name: undo.name })}{' '}
          <button type="button" class="link" onClick={() => void restore()}>
            {t('entities.undo')}
          </button>
        </p>
      ) : null}
      {error || failure ? (
        <p class="error" role="alert">
          {failure ?? t('entities.loadFailed', { error: error! })}
        </p>
      ) : null}
      <p class="meta result-count" aria-live="polite">
        {!list ? t('common.loading') : countText(shown.length, query.trim() ? list.length : undefined)}
      </p>
      {list && !list.length ? <p class="meta">{t('entities.none')}</p> : null}
      {list?.length && query.trim() && !shown.length ? (
        <p class="meta">{t('entities.noneFound', { query: query.trim() })}</p>
      ) : null}
      <ul class="note-list custom-list">
        {shown.map((e) => (
          <RowView
            key={e.id}
            e={e}
            sameAsName={e.sameAs ? bundled?.get(e.sameAs)?.name : undefined}
            onDelete={(x) => void remove(x)}
          />
        ))}
      </ul>
      <h2>{t('entities.packs')}</h2>
      <div class="row">
        <button type="button" class="secondary" disabled={busy || !shown.length} onClick={() => void exportPack()}>
          {query.trim()
            ? t('entities.exportShown', shown.length, [formatCount(shown.length)])
            : t('entities.exportAll')}
        </button>
      </div>
      <label class="field">
        <span>{t('entities.importHint')}</span>
        <input
          type="file"
          accept=".json,application/json"
          aria-label={t('entities.importPack')}
          disabled={busy}
          onChange={(e) => void importPack(e.target as HTMLInputElement)}
        />
      </label>
      {outcome?.kind === 'imported' ? (
        <p role="status" class="outcome">
          {t('entities.imported', {
            file: outcome.file,
            added: formatCount(outcome.counts.added),
            updated: formatCount(outcome.counts.updated),
            kept: formatCount(outcome.counts.kept),
          })}
        </p>
      ) : null}
      {outcome?.kind === 'exported' ? (
        <p role="status" class="outcome">
          {t('entities.exported', outcome.count, [formatCount(outcome.count)])}
        </p>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <div role="alert" class="error import-errors">
          <p>{t('entities.refused', { file: outcome.file })}</p>
          <ul>
            {outcome.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p role="alert" class="error">
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}
