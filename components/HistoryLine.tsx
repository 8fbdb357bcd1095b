import { useEffect, useState } from 'preact/hooks';
import type { Responses } from '../lib/messages';
import { historyApi } from '../lib/ui/custom-api';
import { formatAgo, formatCount, rich, slot, t } from '../lib/ui/i18n';
import { safeHref } from '../lib/ui/links';

/**
 * "Seen on 12 pages, last: <title>, 3 days ago", with a link to the list (the options page,
 * filtered to this entity). Nothing while the reader keeps no history. In the card it sits in the
 * fixed-height private box: its presence and length change nothing the page can measure.
 */
export function HistoryLine({
  entityId,
  refreshKey,
  onOpenList,
}: {
  entityId: string;
  refreshKey?: number;
  onOpenList: () => void;
}) {
  const [summary, setSummary] = useState<Responses['history:summary']>();
  useEffect(() => {
    let live = true;
    historyApi.summary(entityId).then(
      (s) => live && setSummary(s),
      () => live && setSummary(undefined),
    );
    return () => {
      live = false;
    };
  }, [entityId, refreshKey]);
  if (!summary?.enabled) return null;
  return (
    <p class="history-line meta">
      {summary.last ? (
        <>
          {rich(
            t('history.seenLast', summary.pages, [formatCount(summary.pages)], {
              title: slot('title'),
              when: formatAgo(summary.last.lastSeen),
            }),
            {
              title: (
                <a href={safeHref(summary.last.url)} target="_blank" rel="noreferrer noopener" class="history-title">
                  {summary.last.title || summary.last.url}
                </a>
              ),
            },
          )}{' '}
        </>
      ) : (
        <>{t('history.notYet')} </>
      )}
      <button type="button" class="link" onClick={onOpenList}>
        {t('history.seeAll')}
      </button>
    </p>
  );
}
