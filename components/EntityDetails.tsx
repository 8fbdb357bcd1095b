import type { CardEntity } from '../lib/entities';
import { referencedIds, sourceUrl } from '../lib/dataset/refs';
import {
  formatCount,
  formatDate,
  formatDateRange,
  jurisdictionName,
  listSeparator,
  rich,
  slot,
  t,
  typeLabel,
} from '../lib/ui/i18n';
import { hostOf, safeHref } from '../lib/ui/links';

/** The dataset's own language: names, descriptions, titles stay as written, marked so screen readers read them right. */
const DATA_LANG = 'en';

/** A link to a source or website, named by its site; only web addresses become links. */
function ExternalLink({ url, class: cls, bracketed }: { url: string; class?: string; bracketed?: boolean }) {
  const href = safeHref(url);
  const label = bracketed ? `[${hostOf(url)}]` : hostOf(url);
  return href ? (
    <a href={href} target="_blank" rel="noreferrer noopener" class={cls}>
      {label}
    </a>
  ) : (
    <span class={cls}>{label}</span>
  );
}

export interface EntityDetailsProps {
  /** The entity, with the names of those it links to and that link to it (`links`, `backrefs`). */
  entity: CardEntity;
  onPage?: ReadonlySet<string>;
  onOpen?: (id: string) => void;
}

function EntityLink({ id, entity, onOpen, onPage }: { id: string } & EntityDetailsProps) {
  const e = entity.links[id];
  if (!e) return <span>{id}</span>;
  return (
    <button
      type="button"
      class={`link cat-${e.type}`}
      onClick={() => onOpen?.(id)}
      title={t('entity.open', { name: e.name })}
    >
      <span lang={DATA_LANG}>{e.name}</span>
      {onPage?.has(id) ? <span class="on-page"> · {t('entity.onThisPage')}</span> : null}
    </button>
  );
}

export function EntityDetails(props: EntityDetailsProps) {
  const { entity: e, onPage } = props;
  // Bodies already linked from the roles or the parent line are not listed again.
  const linkedAbove = new Set<string>(
    [...(e.official?.roles.map((r) => r.org) ?? []), e.regulator?.parent, e.firm?.parent].filter(
      (x): x is string => !!x,
    ),
  );
  const related = [...new Set([...referencedIds(e), ...e.backrefs])]
    .filter((id) => id !== e.id && !!e.links[id] && !linkedAbove.has(id))
    .sort((a, b) => Number(onPage?.has(b) ?? false) - Number(onPage?.has(a) ?? false));
  const shownRelated = related.slice(0, 12);
  const moreRelated = related.length - shownRelated.length + (e.backrefCount - e.backrefs.length);
  return (
    <article class="entity" aria-labelledby="entity-name">
      <header>
        <div class="badges">
          <span class={`badge cat-${e.type}`}>{typeLabel(e.type)}</span>
          <span class="jurisdiction">{jurisdictionName(e.jurisdiction)}</span>
        </div>
        <h1 id="entity-name" lang={DATA_LANG}>
          {e.name}
        </h1>
        {e.nativeNames?.length ? (
          <p class="native" lang={e.nativeNames[0]!.lang}>
            {e.nativeNames.map((n) => n.text).join(' · ')}
          </p>
        ) : null}
      </header>

      {e.official ? (
        <section aria-label={t('entity.roles')}>
          <ul class="roles">
            {e.official.roles.map((r, i) => (
              <li key={i}>
                <strong lang={DATA_LANG}>{r.title}</strong>
                {r.org ? (
                  <>
                    {', '}
                    <EntityLink id={r.org} {...props} />
                  </>
                ) : r.orgName ? (
                  <span lang={DATA_LANG}>, {r.orgName}</span>
                ) : null}
                {r.start || r.end ? <span class="dates"> ({formatDateRange(r.start, r.end)})</span> : null}
              </li>
            ))}
          </ul>
          {e.official.party ? <p class="meta">{t('entity.party', { party: e.official.party })}</p> : null}
        </section>
      ) : null}

      {e.regulator ? (
        <section aria-label={typeLabel('regulator')}>
          <dl class="facts">
            {e.regulator.parent || e.regulator.parentName ? (
              <>
                <dt>{t('entity.partOf')}</dt>
                <dd>
                  {e.regulator.parent ? (
                    <EntityLink id={e.regulator.parent} {...props} />
                  ) : (
                    <span lang={DATA_LANG}>{e.regulator.parentName}</span>
                  )}
                </dd>
              </>
            ) : null}
            <dt>{t('entity.remit')}</dt>
            <dd lang={DATA_LANG}>{e.regulator.remit.join(', ')}</dd>
            {e.regulator.website ? (
              <>
                <dt>{t('entity.website')}</dt>
                <dd>
                  <ExternalLink url={e.regulator.website} />
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {e.firm ? (
        <section aria-label={typeLabel('firm')}>
          <dl class="facts">
            {e.firm.tickers?.length ? (
              <>
                <dt>{t('entity.tickers')}</dt>
                <dd>{e.firm.tickers.map((t) => `${t.exchange}: ${t.symbol}`).join(' · ')}</dd>
              </>
            ) : null}
            {e.firm.sector ? (
              <>
                <dt>{t('entity.sector')}</dt>
                <dd lang={DATA_LANG}>{e.firm.sector}</dd>
              </>
            ) : null}
            {e.firm.headquarters ? (
              <>
                <dt>{t('entity.headquarters')}</dt>
                <dd lang={DATA_LANG}>{e.firm.headquarters}</dd>
              </>
            ) : null}
            {e.firm.legalName && e.firm.legalName !== e.name ? (
              <>
                <dt>{t('entity.legalName')}</dt>
                <dd lang={DATA_LANG}>{e.firm.legalName}</dd>
              </>
            ) : null}
            {e.firm.parent ? (
              <>
                <dt>{t('entity.parent')}</dt>
                <dd>
                  <EntityLink id={e.firm.parent} {...props} />
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      <p class="description" lang={DATA_LANG}>
        {e.description}
      </p>

      {shownRelated.length ? (
        <section aria-labelledby="entity-related">
          <h2 id="entity-related">{t('entity.related')}</h2>
          <ul class="related">
            {shownRelated.map((id) => (
              <li key={id}>
                <EntityLink id={id} {...props} />
              </li>
            ))}
          </ul>
          {moreRelated > 0 ? <p class="meta">{t('entity.moreRelated', { count: formatCount(moreRelated) })}</p> : null}
        </section>
      ) : null}

      {e.events?.length ? (
        <section aria-labelledby="entity-events">
          <h2 id="entity-events">{t('entity.events')}</h2>
          <ul class="events">
            {[...e.events]
              .sort((a, b) => b.date.localeCompare(a.date))
              .map((ev, i) => (
                <li key={i}>
                  <time dateTime={ev.date}>{formatDate(ev.date)}</time> <span lang={DATA_LANG}>{ev.title}</span>{' '}
                  <ExternalLink url={ev.source} class="src" bracketed />
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      <footer class="provenance">
        <span>
          {rich(t('entity.asOf', { date: slot('date') }), {
            date: <time dateTime={e.asOf}>{formatDate(e.asOf)}</time>,
          })}
        </span>
        {' · '}
        {rich(t('entity.sources', { links: slot('links') }), {
          links: e.sources.map(sourceUrl).map((s, i) => (
            <span key={s}>
              {i ? listSeparator() : ''}
              <ExternalLink url={s} />
            </span>
          )),
        })}
      </footer>
    </article>
  );
}
