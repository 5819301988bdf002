import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedCollection } from '@shared/collection/model';
import { browseOptions } from '@shared/collection/browse-options';
import { filterIndexed, indexRecords, sortedOrder, sortRecords } from '@shared/collection/record-filters';
import { RecordFilterForm } from './RecordFilterForm';
import { RecordTable } from './RecordTable';
import { useListControls } from './use-list-controls';

/**
 * The Browse table over a collection held whole in the page, filtered and sorted here with the rules
 * main applies to a listing fetched page by page (PagedRecordList, which the app shows): the same
 * rows in the same order either way.
 */
export function RecordList({ collection }: { collection: LoadedCollection }) {
  const { t } = useTranslation();
  const controls = useListControls();
  const { filter, sort, collator } = controls;
  const options = useMemo(() => browseOptions(collection.records), [collection.records]);
  const places = useMemo(
    () => sortRecords(options.places, { key: 'title', direction: 'ascending' }, collator),
    [options.places, collator],
  );
  // Sorted once per sort order; each keystroke then only filters that order (see record-filters.ts).
  const index = useMemo(() => indexRecords(collection.records), [collection.records]);
  const order = useMemo(() => sortedOrder(index, sort, collator), [index, sort, collator]);
  // The fields update at once; the list follows when React has time, so typing never waits on it.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterIndexed(index, deferredFilter, order), [index, deferredFilter, order]);

  return (
    <>
      <RecordFilterForm
        filter={filter}
        onChange={controls.update}
        onReset={controls.reset}
        kinds={options.kinds}
        years={options.years}
        places={places}
      />
      <p role="status" className="meta">
        {t('browse.showing', { count: shown.length, total: collection.records.length })}
      </p>
      <RecordTable
        collectionId={collection.manifest.id}
        records={shown}
        sort={sort}
        onSort={controls.toggleSort}
        columns={options.columns}
      />
    </>
  );
}
