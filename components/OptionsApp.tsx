import { useEffect, useState } from 'preact/hooks';
import { parseAddNoteHash } from '../lib/notes/add-from-selection';
import { t } from '../lib/ui/i18n';
import { requestPersistence } from '../lib/ui/notes-api';
import { NotesAdd } from './NotesAdd';
import { NotesBackup } from './NotesBackup';
import { NotesBrowser } from './NotesBrowser';

type Route = { tab: 'notes' } | { tab: 'add'; hash: string } | { tab: 'backup' };

function routeOf(hash: string): Route {
  if (parseAddNoteHash(hash)) return { tab: 'add', hash };
  if (hash.startsWith('#/backup')) return { tab: 'backup' };
  return { tab: 'notes' };
}

const TABS: { tab: Route['tab']; label: () => string; hash: string }[] = [
  { tab: 'notes', label: () => t('options.tabNotes'), hash: '#/notes' },
  { tab: 'add', label: () => t('options.tabAdd'), hash: '#/add' },
  { tab: 'backup', label: () => t('options.tabBackup'), hash: '#/backup' },
];

/** The options page: every note (search, filters, edit), adding a note, export and import. */
export function OptionsApp() {
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  const [persisted, setPersisted] = useState<boolean | undefined>();

  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onHash);
    // Ask the browser not to evict our storage (a service worker cannot ask; a page can).
    void requestPersistence().then(setPersisted);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div class="options">
      <header class="options-head">
        <strong>{t('manifest.name')}</strong>
        {/* Links between the page's sections (each its own address), so a nav with the current one marked. */}
        <nav aria-label={t('options.sections')} class="tabs">
          {TABS.map((tab) => (
            <a
              key={tab.tab}
              href={tab.hash}
              aria-current={route.tab === tab.tab ? 'page' : undefined}
              class={route.tab === tab.tab ? 'tab current' : 'tab'}
            >
              {tab.label()}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {route.tab === 'notes' ? <NotesBrowser /> : null}
        {route.tab === 'add' ? <NotesAdd key={route.hash} hash={route.hash} /> : null}
        {route.tab === 'backup' ? <NotesBackup persisted={persisted} /> : null}
      </main>
    </div>
  );
}
