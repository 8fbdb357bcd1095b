import type { CustomEntity } from '../lib/custom/types';
import { jurisdictionName } from '../lib/ui/i18n';
import { safeHref } from '../lib/ui/links';

/** Words shown here (kept together for the translation catalogue). */
const TEXT = {
  yours: 'Your entity',
  type: { regulator: 'Regulator', firm: 'Firm', official: 'Official', other: 'Other' } as Record<string, string>,
  alsoWritten: 'Also written',
  links: 'Links',
  noDescription: 'No description yet.',
  added: 'Added',
  edited: 'edited',
  edit: 'Edit',
};

function day(t: number): string {
  return new Date(t).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.host.replace(/^www\./, '') + (u.pathname.length > 1 ? u.pathname : '');
  } catch {
    return url;
  }
}

/**
 * One of the reader's own entities, as the card and the popup show it: "Your entity", its type
 * and jurisdiction, names, description and links (web links only). Private data: in the card it
 * sits in a fixed-height box, so its length changes nothing the page can measure.
 */
export function CustomDetails({ entity: e, onEdit }: { entity: CustomEntity; onEdit?: () => void }) {
  const links = e.links.map((l) => ({ l, href: safeHref(l) }));
  return (
    <article class="entity custom-entity" aria-labelledby="entity-name">
      <header>
        <div class="badges">
          <span class="badge cat-custom">{TEXT.yours}</span>
          <span class="jurisdiction">
            {TEXT.type[e.type] ?? e.type}
            {e.jurisdiction ? ` · ${jurisdictionName(e.jurisdiction)}` : ''}
          </span>
        </div>
        <h1 id="entity-name">{e.name}</h1>
        {e.aliases.length ? (
          <p class="native" aria-label={TEXT.alsoWritten}>
            {e.aliases.join(' · ')}
          </p>
        ) : null}
      </header>
      <p class="description">{e.description || <span class="meta">{TEXT.noDescription}</span>}</p>
      {links.length ? (
        <section aria-label={TEXT.links}>
          <ul class="custom-links">
            {links.map(({ l, href }) => (
              <li key={l}>
                {href ? (
                  <a href={href} target="_blank" rel="noreferrer noopener">
                    {hostOf(href)}
                  </a>
                ) : (
                  l
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <footer class="provenance">
        {TEXT.added} {day(e.createdAt)}
        {e.updatedAt !== e.createdAt ? ` · ${TEXT.edited} ${day(e.updatedAt)}` : ''}
        {onEdit ? (
          <>
            {' · '}
            <button type="button" class="link" onClick={onEdit}>
              {TEXT.edit}
            </button>
          </>
        ) : null}
      </footer>
    </article>
  );
}
