import { useEffect, useState } from 'preact/hooks';
import type { Responses } from '../lib/messages';
import { ago, historyApi } from '../lib/ui/custom-api';
import { safeHref } from '../lib/ui/links';

/** Words shown here (kept together for the translation catalogue). */
const TEXT = {
  seenOn: (n: number) => `Seen on ${n.toLocaleString()} page${n === 1 ? '' : 's'}`,
  last: 'last',
  notYet: 'Not seen on a page yet.',
  seeAll: 'See the list',
};

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
          {TEXT.seenOn(summary.pages)}, {TEXT.last}:{' '}
          <a href={safeHref(summary.last.url)} target="_blank" rel="noreferrer noopener" class="history-title">
            {summary.last.title || summary.last.url}
          </a>
          , {ago(summary.last.lastSeen)}.{' '}
        </>
      ) : (
        `${TEXT.notYet} `
      )}
      <button type="button" class="link" onClick={onOpenList}>
        {TEXT.seeAll}
      </button>
    </p>
  );
}
