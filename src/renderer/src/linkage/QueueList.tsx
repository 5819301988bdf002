import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LinkRecord } from '@shared/linkage/types';
import { formatBits, recordTitle } from './labels';
import type { QueueItem } from './queue-model';

const ROW_HEIGHT = 64;

export interface QueueListHandle {
  focus(): void;
}

export interface QueueListProps {
  items: readonly QueueItem[];
  current: string | null;
  records: ReadonlyMap<string, LinkRecord>;
  /** Keys of pairs whose records are in a group with a contradiction. */
  flagged: ReadonlySet<string>;
  /** Keys of the one-to-one proposals. */
  proposed: ReadonlySet<string>;
  onSelect(key: string): void;
}

export const optionId = (index: number) => `linkage-pair-${index}`;

/**
 * The queue as a virtualised listbox: it keeps focus while j/k move (the keys are handled by the review section around it) the active pair
 * (aria-activedescendant), so a long queue never puts thousands of rows in the page.
 */
export const QueueList = forwardRef<QueueListHandle, QueueListProps>(function QueueList(
  { items, current, records, flagged, proposed, onSelect },
  ref,
) {
  const { t, i18n } = useTranslation();
  const pane = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => pane.current?.focus() }), []);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => pane.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => items[index]?.key ?? index,
    overscan: 8,
  });
  const currentIndex = items.findIndex((item) => item.key === current);
  useEffect(() => {
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex, virtualizer]);

  return (
    <div
      ref={pane}
      role="listbox"
      tabIndex={0}
      aria-label={t('linkage.queue.label')}
      aria-activedescendant={currentIndex >= 0 ? optionId(currentIndex) : undefined}
      className="linkage-queue-pane"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (!item) return null;
          const { candidate, decision } = item;
          return (
            <div
              key={row.key}
              id={optionId(row.index)}
              role="option"
              aria-selected={item.key === current}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              className={`linkage-option linkage-band-${item.band}${decision ? ` linkage-decided-${decision.decision}` : ''}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${row.start}px)`,
              }}
              data-index={row.index}
              ref={virtualizer.measureElement}
              onClick={() => onSelect(item.key)}
            >
              <span className="linkage-option-names">
                {recordTitle(records, candidate.a)} ↔ {recordTitle(records, candidate.b)}
              </span>
              <span className="linkage-option-meta">
                {t('linkage.queue.score', { score: formatBits(candidate.score, i18n.language) })} ·{' '}
                {t(`linkage.queue.bandShort.${item.band}`)} ·{' '}
                {proposed.has(item.key) && `${t('linkage.queue.proposed')} · `}
                {t(`linkage.queue.decision.${decision?.decision ?? 'none'}`)}
                {flagged.has(item.key) && (
                  <>
                    {' · '}
                    <span aria-hidden="true">⚠ </span>
                    {t('linkage.queue.contradiction')}
                  </>
                )}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
});
