import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultRangeExtractor,
  observeElementRect,
  useVirtualizer,
  type Range,
} from '@tanstack/react-virtual';
import { Link } from 'wouter';
import type { LoadedRecord } from '@shared/collection/model';
import { displayTitle, formatEdtf, formatRecordDates } from '../collection/format';
import { recordLink } from './paths';
import { hasUnverifiedContent, type Sort, type SortKey } from '@shared/collection/record-filters';
import type { Column, ColumnKey } from '@shared/collection/table-columns';
import { useFocusWhenRendered } from '../shell/use-focus-when-rendered';

/** Row height to start from, before a row is rendered and measured (a long title or badge wraps). */
const ESTIMATED_ROW = 38;
/** The sticky header row sits above the first record in the pane; rows scrolled to stay below it. */
const HEADER_HEIGHT = 40;
/** Rows rendered beyond each edge of the pane, so a quick scroll or ↓ rarely shows an empty gap. */
const OVERSCAN = 10;
/** How far PageUp / PageDown move focus. */
const PAGE = 10;
/**
 * A pane not laid out yet, or where there is no layout (jsdom), reports no height, and the virtualiser
 * would render no row at all: it renders a first screenful as if the pane were this tall instead.
 */
const UNMEASURED_PANE_HEIGHT = 600;

const RECORD_LINK_CLASS = 'record-link';

interface Props {
  collectionId: string;
  /**
   * The rows; a row is `undefined` while its page has not arrived (a listing fetched page by page,
   * use-record-pages.ts): it is left out, a spacer standing in, until it comes.
   */
  records: readonly (LoadedRecord | undefined)[];
  /** Told the rows [start, end) in view (and just beyond), so a paged listing can fetch them. */
  onRange?: (start: number, end: number) => void;
  sort: Sort;
  onSort: (key: SortKey) => void;
  /** The columns this collection's records fill (see table-columns.ts). */
  columns: readonly Column[];
}

/**
 * The records as a table of which only the rows in view exist in the DOM (a registry can hold 200,000
 * people). It stays one table: the header row and the rendered rows carry aria-rowindex, and the table
 * aria-rowcount, so a screen reader still announces "row 5,012 of 200,001". Empty spacer rows stand in
 * for the rows not rendered, so the pane scrolls over the whole list.
 */
export function RecordTable({ collectionId, records, onRange, sort, onSort, columns }: Props) {
  const { t } = useTranslation();
  const paneRef = useRef<HTMLDivElement>(null);

  // The row holding focus stays rendered when scrolled away, so focus is not lost to <body>; the row
  // focus is moving to is rendered at once, so it can take focus in the same commit.
  const [focused, setFocused] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const kept = useMemo(
    () =>
      [focused, focusTarget].flatMap((id) => {
        const index = id === null ? -1 : records.findIndex((record) => record?.id === id);
        return index >= 0 ? [index] : [];
      }),
    [focused, focusTarget, records],
  );
  const rangeExtractor = useCallback(
    (range: Range) => [...new Set([...defaultRangeExtractor(range), ...kept])].sort((a, b) => a - b),
    [kept],
  );

  // The app is not built with React Compiler, whose memoisation this warning is about; the virtualizer
  // re-renders this component itself when the pane scrolls or a row's size changes.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: records.length,
    getScrollElement: () => paneRef.current,
    estimateSize: () => ESTIMATED_ROW,
    getItemKey: (index) => records[index]?.id ?? index,
    overscan: OVERSCAN,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
    observeElementRect: (instance, onRect) =>
      observeElementRect(instance, (rect) =>
        onRect(rect.height > 0 ? rect : { ...rect, height: UNMEASURED_PANE_HEIGHT }),
      ),
  });

  useFocusWhenRendered(paneRef, focusTarget, () => setFocusTarget(null), `a.${RECORD_LINK_CLASS}`);

  // A row keys can reach before its page has arrived (End in a paged listing): focus goes to it when
  // it comes. Only the latest key press counts.
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  const pendingRecord = pendingFocus === null ? undefined : records[pendingFocus];
  useEffect(() => {
    if (!pendingRecord) return;
    setPendingFocus(null);
    setFocusTarget(pendingRecord.id);
  }, [pendingRecord]);

  const focusRow = (index: number) => {
    if (index < 0 || index >= records.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const record = records[index];
    if (record) {
      setPendingFocus(null);
      setFocusTarget(record.id);
    } else {
      setPendingFocus(index);
      // Asked for now rather than when the scroll lands, which may be a frame or two later.
      onRange?.(index, index + 1);
    }
  };

  // The rows in view and the overscan each side, not the far-away focused row kept rendered. Read after
  // getVirtualItems, which works out this render's range (before it, `range` is the last render's).
  const items = virtualizer.getVirtualItems();
  const range = virtualizer.range;
  const wantFrom = range ? Math.max(0, range.startIndex - OVERSCAN) : 0;
  const wantTo = range ? Math.min(records.length, range.endIndex + OVERSCAN + 1) : 0;
  useEffect(() => {
    if (onRange && wantTo > wantFrom) onRange(wantFrom, wantTo);
  }, [onRange, wantFrom, wantTo]);

  const rowIndexOf = (element: Element | null) => {
    const value = element?.closest<HTMLElement>('tr[data-index]')?.dataset['index'];
    return value === undefined ? undefined : Number(value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as Element;
    const index = rowIndexOf(target);
    if (index === undefined || !target.classList.contains(RECORD_LINK_CLASS)) return;
    const last = records.length - 1;
    const to: Partial<Record<string, number>> = {
      ArrowDown: Math.min(index + 1, last),
      ArrowUp: Math.max(index - 1, 0),
      PageDown: Math.min(index + PAGE, last),
      PageUp: Math.max(index - PAGE, 0),
      Home: 0,
      End: last,
    };
    const next = to[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(next);
  };
  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const index = rowIndexOf(event.target);
    setFocused(index === undefined ? null : (records[index]?.id ?? null));
  };
  const onBlur = (event: FocusEvent<HTMLTableSectionElement>) => {
    // Focus moving to another row is handled by onFocus; leaving the table frees the row.
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(null);
  };

  // Rendered rows, with a spacer standing in for each run of rows not rendered (the focused row kept
  // rendered far from the others leaves a run between them).
  const body: ReactNode[] = [];
  let end = HEADER_HEIGHT;
  for (const item of items) {
    const record = records[item.index];
    if (!record) continue;
    if (item.start > end)
      body.push(<Spacer key={`gap-${item.index}`} height={item.start - end} columns={columns.length} />);
    body.push(
      <RecordRow
        key={item.key}
        ref={virtualizer.measureElement}
        index={item.index}
        collectionId={collectionId}
        record={record}
        columns={columns}
      />,
    );
    end = item.end;
  }
  const total = virtualizer.getTotalSize();
  if (total > end) body.push(<Spacer key="gap-end" height={total - end} columns={columns.length} />);

  const header = (column: Column) => {
    const key = column.sort;
    if (key === undefined) {
      return (
        <th key={column.key} scope="col">
          {t(`browse.column.${column.key}`)}
        </th>
      );
    }
    return (
      <th key={column.key} scope="col" aria-sort={sort.key === key ? sort.direction : 'none'}>
        <button type="button" className="sort-button" onClick={() => onSort(key)}>
          {t(`browse.column.${column.key}`)}
          <span aria-hidden="true">
            {sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div ref={paneRef} className="record-table-pane">
      <table className="record-table" aria-rowcount={records.length + 1}>
        <caption className="visually-hidden">{t('browse.tableCaption')}</caption>
        <thead>
          <tr aria-rowindex={1}>{columns.map(header)}</tr>
        </thead>
        <tbody onKeyDown={onKeyDown} onFocus={onFocus} onBlur={onBlur}>
          {body}
        </tbody>
      </table>
    </div>
  );
}

function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="record-spacer">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

interface RowProps {
  index: number;
  collectionId: string;
  record: LoadedRecord;
  columns: readonly Column[];
  ref: (element: HTMLTableRowElement | null) => void;
}

function RecordRow({ index, collectionId, record, columns, ref }: RowProps) {
  const { t, i18n } = useTranslation();
  const cell = (key: ColumnKey) => {
    switch (key) {
      case 'title':
        return (
          <td key={key}>
            <Link className={RECORD_LINK_CLASS} href={recordLink(collectionId, record.id)}>
              {displayTitle(record, i18n.language)}
            </Link>
            {hasUnverifiedContent(record) && (
              <span className="badge badge-warning">{t('browse.unverifiedContent')}</span>
            )}
          </td>
        );
      case 'kind':
        return <td key={key}>{t(`browse.kind.${record.kind}`)}</td>;
      case 'date':
        return <td key={key}>{formatRecordDates(record, i18n.language) ?? '—'}</td>;
      case 'born': {
        const born = record.kind === 'person' ? record.person?.birthDate : undefined;
        // At its own precision when it was read as EDTF ("1898", "about 1910"); a cell flagged for
        // review is shown as the source wrote it, never as a reading that may be wrong.
        const shown = born?.edtf && !born.review ? formatEdtf(born.edtf, i18n.language) : born?.text;
        return <td key={key}>{shown ?? '—'}</td>;
      }
      case 'birthPlace':
        return <td key={key}>{(record.kind === 'person' && record.person?.birthPlace) || '—'}</td>;
      case 'figures':
        return (
          <td key={key}>
            {record.claims.length > 0 ? t('browse.claimCount', { count: record.claims.length }) : '—'}
          </td>
        );
    }
  };
  return (
    <tr ref={ref} data-index={index} data-key={record.id} aria-rowindex={index + 2}>
      {columns.map((column) => cell(column.key))}
    </tr>
  );
}
