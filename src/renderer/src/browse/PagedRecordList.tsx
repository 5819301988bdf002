import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrowseQuery } from '@shared/ipc/channels/collections';
import type { AsyncState } from '../api/use-result';
import { CollectionState } from '../collection/CollectionState';
import { sortRecords } from '@shared/collection/record-filters';
import { RecordFilterForm } from './RecordFilterForm';
import { RecordTable } from './RecordTable';
import type { BrowseListing } from './use-browse-listing';
import { useListControls } from './use-list-controls';
import { useRecordPages } from './use-record-pages';

interface Props {
  collectionId: string;
  /** The collection's details and the filter fields' choices, asked for alongside the first page. */
  listing: AsyncState<BrowseListing>;
  /** Shown when no collection is installed. */
  emptyMessage: string;
}

/**
 * The Browse table of a collection of any size: main filters and sorts (browse-listing.ts) and the
 * page holds only the pages of rows scrolled to, never the whole collection. The first page is asked
 * for at once, not after the collection's details, so the two requests overlap.
 */
export function PagedRecordList({ collectionId, listing, emptyMessage }: Props) {
  const { t } = useTranslation();
  const controls = useListControls();
  const { filter, sort, collator, locale } = controls;
  const query: BrowseQuery = { key: sort.key, direction: sort.direction, locale, filter };
  const { state, shown, request } = useRecordPages(collectionId, query);
  const placeRecords = listing.status === 'ok' ? listing.value.options.places : undefined;
  const places = useMemo(
    () => sortRecords(placeRecords ?? [], { key: 'title', direction: 'ascending' }, collator),
    [placeRecords, collator],
  );

  return (
    <CollectionState emptyMessage={emptyMessage} state={listing}>
      {({ details, options }) => (
        <>
          <RecordFilterForm
            filter={filter}
            onChange={controls.update}
            onReset={controls.reset}
            kinds={options.kinds}
            years={options.years}
            places={places}
          />
          {/* Empty while a changed filter is answered: the count said is always that of the rows shown. */}
          <p role="status" className="meta">
            {state.status === 'ok' &&
              t('browse.showing', { count: state.value.total, total: details.summary.recordCount })}
          </p>
          {state.status === 'error' && (
            <p role="alert" className="error-text">
              {t('error.loadFailed', { message: state.error.message })}
            </p>
          )}
          {shown && (
            <RecordTable
              collectionId={collectionId}
              records={shown.rows()}
              onRange={request}
              sort={sort}
              onSort={controls.toggleSort}
              columns={options.columns}
            />
          )}
        </>
      )}
    </CollectionState>
  );
}
