import type { CardEntity } from '../lib/entities';
import { referencedIds, sourceUrl } from '../lib/dataset/refs';

const TYPE_LABEL: Record<CardEntity['type'], string> = {
  regulator: 'Regulator',
  firm: 'Firm',
  official: 'Official',
};

export function jurisdictionName(code: string): string {
  if (code === 'EU') return 'European Union';
  if (code === 'INT') return 'International';
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function dateRange(start?: string, end?: string | null): string {
  if (start && end) return `${start} – ${end}`;
  if (start) return `since ${start}`;
  if (end) return `until ${end}`;
  return '';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
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
    <button type="button" class={`link cat-${e.type}`} onClick={() => onOpen?.(id)} title={`Open ${e.name}`}>
      {e.name}
      {onPage?.has(id) ? <span class="on-page"> · on this page</span> : null}
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
          <span class={`badge cat-${e.type}`}>{TYPE_LABEL[e.type]}</span>
          <span class="jurisdiction">{jurisdictionName(e.jurisdiction)}</span>
        </div>
        <h1 id="entity-name">{e.name}</h1>
        {e.nativeNames?.length ? (
          <p class="native" lang={e.nativeNames[0]!.lang}>
            {e.nativeNames.map((n) => n.text).join(' · ')}
          </p>
        ) : null}
      </header>

      {e.official ? (
        <section aria-label="Roles">
          <ul class="roles">
            {e.official.roles.map((r, i) => (
              <li key={i}>
                <strong>{r.title}</strong>
                {r.org ? (
                  <>
                    {', '}
                    <EntityLink id={r.org} {...props} />
                  </>
                ) : r.orgName ? (
                  `, ${r.orgName}`
                ) : null}
                {dateRange(r.start, r.end) ? <span class="dates"> ({dateRange(r.start, r.end)})</span> : null}
              </li>
            ))}
          </ul>
          {e.official.party ? <p class="meta">Party: {e.official.party}</p> : null}
        </section>
      ) : null}

      {e.regulator ? (
        <section aria-label="Regulator">
          <dl class="facts">
            {e.regulator.parent || e.regulator.parentName ? (
              <>
                <dt>Part of</dt>
                <dd>
                  {e.regulator.parent ? <EntityLink id={e.regulator.parent} {...props} /> : e.regulator.parentName}
                </dd>
              </>
            ) : null}
            <dt>Remit</dt>
            <dd>{e.regulator.remit.join(', ')}</dd>
            {e.regulator.website ? (
              <>
                <dt>Website</dt>
                <dd>
                  <a href={e.regulator.website} target="_blank" rel="noreferrer noopener">
                    {hostOf(e.regulator.website)}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {e.firm ? (
        <section aria-label="Firm">
          <dl class="facts">
            {e.firm.tickers?.length ? (
              <>
                <dt>Tickers</dt>
                <dd>{e.firm.tickers.map((t) => `${t.exchange}: ${t.symbol}`).join(' · ')}</dd>
              </>
            ) : null}
            {e.firm.sector ? (
              <>
                <dt>Sector</dt>
                <dd>{e.firm.sector}</dd>
              </>
            ) : null}
            {e.firm.headquarters ? (
              <>
                <dt>HQ</dt>
                <dd>{e.firm.headquarters}</dd>
              </>
            ) : null}
            {e.firm.legalName && e.firm.legalName !== e.name ? (
              <>
                <dt>Legal name</dt>
                <dd>{e.firm.legalName}</dd>
              </>
            ) : null}
            {e.firm.parent ? (
              <>
                <dt>Parent</dt>
                <dd>
                  <EntityLink id={e.firm.parent} {...props} />
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      <p class="description">{e.description}</p>

      {shownRelated.length ? (
        <section aria-label="Related">
          <h2>Related</h2>
          <ul class="related">
            {shownRelated.map((id) => (
              <li key={id}>
                <EntityLink id={id} {...props} />
              </li>
            ))}
          </ul>
          {moreRelated > 0 ? <p class="meta">and {moreRelated.toLocaleString()} more</p> : null}
        </section>
      ) : null}

      {e.events?.length ? (
        <section aria-label="Events">
          <h2>Events</h2>
          <ul class="events">
            {[...e.events]
              .sort((a, b) => b.date.localeCompare(a.date))
              .map((ev, i) => (
                <li key={i}>
                  <time>{ev.date}</time> {ev.title}{' '}
                  <a href={ev.source} target="_blank" rel="noreferrer noopener" class="src">
                    [{hostOf(ev.source)}]
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      <footer class="provenance">
        <span>As of {e.asOf}</span>
        {' · Sources: '}
        {e.sources.map(sourceUrl).map((s, i) => (
          <span key={s}>
            {i ? ', ' : ''}
            <a href={s} target="_blank" rel="noreferrer noopener">
              {hostOf(s)}
            </a>
          </span>
        ))}
      </footer>
    </article>
  );
}
