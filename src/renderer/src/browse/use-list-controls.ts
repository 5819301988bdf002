import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_FILTER, type RecordFilter, type Sort, type SortKey } from '@shared/collection/record-filters';

/** The Browse table's filter and sort as the reader sets them, whichever way the rows are listed. */
export function useListControls() {
  const { i18n } = useTranslation();
  const [filter, setFilter] = useState<RecordFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<Sort>({ key: 'date', direction: 'ascending' });
  const collator = useMemo(() => new Intl.Collator(i18n.language), [i18n.language]);
  return {
    filter,
    sort,
    collator,
    locale: i18n.language,
    update: (patch: Partial<RecordFilter>) => setFilter((current) => ({ ...current, ...patch })),
    reset: () => setFilter(EMPTY_FILTER),
    toggleSort: (key: SortKey) =>
      setSort((current) => ({
        key,
        direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
      })),
  };
}
