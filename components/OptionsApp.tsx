import { useEffect, useState } from 'preact/hooks';
import { parseEntitiesHash, parseHistoryHash, type EntitiesRoute } from '../lib/custom/routes';
import { parseAddNoteHash } from '../lib/notes/add-from-selection';
import { t } from '../lib/ui/i18n';
import { requestPersistence } from '../lib/ui/notes-api';
import { CustomEntitiesTab } from './CustomEntities';
import { HistoryView } from './HistoryView';
import { NotesAdd } from './NotesAdd';
import { NotesBackup } from './NotesBackup';
import { NotesBrowser } from './NotesBrowser';

type Route =
  | { tab: 'notes' }
  | { tab: 'add'; hash: string }
  | { tab: 'backup' }
  | { tab: 'entities'; route: EntitiesRoute }
  | { tab: 'history'; entityId?: string };

function routeOf(hash: string): Route {
  if (parseAddNoteHash(hash)) return { tab: 'add', hash };
  if (hash.startsWith('#/backup')) return { tab: 'backup' };
  const entities = parseEntitiesHash(hash);
  if (entities) return { tab: 'entities', route: entities };
  const history = parseHistoryHash(hash);
  if (history) return { tab: 'history', ...history };
  return { tab: 'notes' };
}

const TABS: { tab: Route['tab']; label: () => string; hash: string }[] = [
  { tab: 'notes', label: () => t('options.tabNotes'), hash: '#/notes' },
  { tab: 'add', label: () => t('options.tabAdd'), hash: '#/add' },
  { tab: 'entities', label: () => t('options.tabEntities'), hash: '#/entities' },
  { tab: 'history', label: () => t('options.tabHistory'), hash: '#/history' },
  { tab: 'backup', label: () => t('options.tabBackup'), hash: '#/backup' },
];

/**
 * The options page: every note (search, filters, edit), adding a note, the reader's own entities,
 * where names were met, export and import.
 */
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
        {route.tab === 'entities' ? <CustomEntitiesTab route={route.route} /> : null}
        {route.tab === 'history' ? <HistoryView entityId={route.entityId} /> : null}
      </main>
    </div>
  );
}
