import { useState } from 'preact/hooks';
import { getEntities } from '../lib/ui/clients';
import { parseNotesFile, toJson, toMarkdown, type MergeCounts } from '../lib/notes/import-export';
import { formatCount, t } from '../lib/ui/i18n';
import { allNotes, importNotes } from '../lib/ui/notes-api';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function stamp(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

type Outcome =
  | { kind: 'exported'; count: number; format: string }
  | { kind: 'imported'; counts: MergeCounts; file: string }
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
      // Names for the Markdown headings; a note whose entity is not in this dataset keeps its id.
      const entities =
        format === 'markdown' ? await getEntities(notes.map((n) => n.entityId)).catch(() => undefined) : undefined;
      if (format === 'json') download(`dramatis-notes-${stamp(now)}.json`, 'application/json', toJson(notes, now));
      else
        download(
          `dramatis-notes-${stamp(now)}.md`,
          'text/markdown',
          toMarkdown(notes, (id) => entities?.get(id)?.name ?? id, now),
        );
      setOutcome({ kind: 'exported', count: notes.length, format: format === 'json' ? 'JSON' : 'Markdown' });
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
      const counts = await importNotes(parsed.file.notes);
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
      <p class="hint">{t('backup.exportHint')}</p>
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
