import { useState } from 'preact/hooks';
import { isCustomId } from '../lib/custom/types';
import { getEntities } from '../lib/ui/clients';
import { parseNotesFile, toJson, toMarkdown } from '../lib/notes/import-export';
import type { ImportCounts } from '../lib/notes/repository';
import { customApi, historyApi } from '../lib/ui/custom-api';
import { formatCount, t } from '../lib/ui/i18n';
import { allNotes, importNotes } from '../lib/ui/notes-api';

/** "With 1 entity of your own and 3 pages of history.", after the notes exported. */
function exportedWith(entities: number, pages: number): string {
  return t('backup.exportedWith', {
    entities: t('backup.exportedEntities', entities, [formatCount(entities)]),
    pages: t('backup.exportedPages', pages, [formatCount(pages)]),
  });
}

/** "Your entities: 1 added, …" and "History: 3 added, …", after the notes imported. */
function importedMore(c: ImportCounts): string {
  const counts = (m: { added: number; updated: number; kept: number }) => ({
    added: formatCount(m.added),
    updated: formatCount(m.updated),
    kept: formatCount(m.kept),
  });
  return [
    c.entities ? ` ${t('backup.importedEntities', counts(c.entities))}` : '',
    c.history ? ` ${t('backup.importedHistory', counts(c.history))}` : '',
  ].join('');
}

export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function stamp(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

type Outcome =
  | { kind: 'exported'; count: number; format: string; entities?: number; pages?: number }
  | { kind: 'imported'; counts: ImportCounts; file: string }
  | { kind: 'refused'; file: string; errors: string[] }
  | { kind: 'error'; message: string };

/** Export (JSON to re-import, Markdown to read) and import with validation before any change. */
export function NotesBackup({ persisted }: { persisted: boolean | undefined }) {
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  const exportAs = async (format: 'json' | 'markdown') => {
    setBusy(true);
    try {
      const notes = await allNotes();
      const now = Date.now();
      if (format === 'json') {
        const [pack, history] = await Promise.all([customApi.export(), historyApi.list()]);
        download(
          `dramatis-notes-${stamp(now)}.json`,
          'application/json',
          toJson(notes, now, { entities: pack.entities, history }),
        );
        setOutcome({
          kind: 'exported',
          count: notes.length,
          format: 'JSON',
          entities: pack.entities.length,
          pages: history.length,
        });
        return;
      }
      // Names for the Markdown headings; a note whose entity is not in this dataset keeps its id.
      const ids = notes.map((n) => n.entityId);
      const [entities, mine] = await Promise.all([
        getEntities(ids.filter((id) => !isCustomId(id))).catch(() => undefined),
        customApi.get(ids.filter(isCustomId)).catch(() => []),
      ]);
      const mineById = new Map(mine.map((e) => [e.id, e]));
      download(
        `dramatis-notes-${stamp(now)}.md`,
        'text/markdown',
        toMarkdown(notes, (id) => entities?.get(id)?.name ?? mineById.get(id)?.name ?? id, now),
      );
      setOutcome({ kind: 'exported', count: notes.length, format: 'Markdown' });
    } catch (e) {
      setOutcome({ kind: 'error', message: t('backup.exportFailed', { error: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const parsed = parseNotesFile(await file.text());
      if (!parsed.ok) {
        setOutcome({ kind: 'refused', file: file.name, errors: parsed.errors });
        return;
      }
      const counts = await importNotes(parsed.file.notes, {
        entities: parsed.file.entities,
        history: parsed.file.history,
      });
      setOutcome({ kind: 'imported', counts, file: file.name });
    } catch (e) {
      setOutcome({ kind: 'error', message: t('backup.importFailed', { error: (e as Error).message }) });
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <section class="backup" aria-labelledby="backup-heading">
      <h1 id="backup-heading">{t('backup.heading')}</h1>
      <p class="meta storage-status">
        {persisted === true ? t('backup.persisted') : persisted === false ? t('backup.notPersisted') : ''}
      </p>
      <h2>{t('backup.export')}</h2>
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void exportAs('json')}>
          {t('backup.exportJson')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => void exportAs('markdown')}>
          {t('backup.exportMarkdown')}
        </button>
      </div>
      <p class="hint">
        {t('backup.exportHint')} {t('backup.includes')}
      </p>
      <h2>{t('backup.import')}</h2>
      <label class="field">
        <span>{t('backup.importHelp')}</span>
        <input
          type="file"
          accept=".json,application/json"
          aria-label={t('backup.importLabel')}
          disabled={busy}
          onChange={(e) => void importFile(e.target as HTMLInputElement)}
        />
      </label>
      {outcome?.kind === 'exported' ? (
        <p role="status" class="outcome">
          {t('backup.exported', outcome.count, [formatCount(outcome.count)], { format: outcome.format })}
          {outcome.entities !== undefined ? ` ${exportedWith(outcome.entities, outcome.pages ?? 0)}` : ''}
        </p>
      ) : null}
      {outcome?.kind === 'imported' ? (
        <p role="status" class="outcome">
          {t('backup.imported', {
            file: outcome.file,
            added: formatCount(outcome.counts.added),
            updated: formatCount(outcome.counts.updated),
            kept: formatCount(outcome.counts.kept),
          })}
          {importedMore(outcome.counts)}
        </p>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <div role="alert" class="error import-errors">
          <p>{t('backup.refused', outcome.errors.length, { file: outcome.file })}</p>
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
