import type { CustomEntity } from '../lib/custom/types';
import { formatDay, kindOf, t } from '../lib/ui/i18n';
import { safeHref } from '../lib/ui/links';

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
          <span class="badge cat-custom">{t('custom.yours')}</span>
          <span class="jurisdiction">{kindOf(e)}</span>
        </div>
        <h1 id="entity-name">{e.name}</h1>
        {e.aliases.length ? (
          <p class="native" aria-label={t('custom.alsoWritten')}>
            {e.aliases.join(' · ')}
          </p>
        ) : null}
      </header>
      <p class="description">{e.description || <span class="meta">{t('custom.noDescription')}</span>}</p>
      {links.length ? (
        <section aria-label={t('custom.links')}>
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
        {t('custom.added', { date: formatDay(e.createdAt) })}
        {e.updatedAt !== e.createdAt ? ` · ${t('custom.edited', { date: formatDay(e.updatedAt) })}` : ''}
        {onEdit ? (
          <>
            {' · '}
            <button type="button" class="link" onClick={onEdit}>
              {t('custom.edit')}
            </button>
          </>
        ) : null}
      </footer>
    </article>
  );
}
