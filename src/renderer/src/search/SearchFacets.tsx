import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacetCount, FacetField, SearchFacets as Facets } from '@shared/search/response';
import { parseQuery, toggleFilter, type Filter } from '@shared/search/query';
import { useCollectionTitles } from './useCollectionTitles';

interface Props {
  facets: Facets;
  query: string;
  onQueryChange: (query: string) => void;
}

const FACET_FIELDS: readonly FacetField[] = ['collection', 'kind', 'year', 'place', 'source', 'status'];

/** The value a filter selects, in the facet's terms. */
function selectedValues(filters: readonly Filter[], field: FacetField): Set<string> {
  const values = new Set<string>();
  for (const filter of filters) {
    if (filter.negated || filter.field !== field) continue;
    if (filter.field === 'kind') values.add(filter.kind);
    else if (filter.field === 'year' && filter.from !== null && filter.from === filter.to)
      values.add(String(filter.from));
    else if (
      filter.field === 'place' ||
      filter.field === 'source' ||
      filter.field === 'status' ||
      filter.field === 'collection'
    )
      values.add(filter.value);
  }
  return values;
}

/**
 * Facets beside the results: each group of checkboxes adds or removes a filter in the query text, so
 * what is shown always reads back as a query (and a saved search keeps its facets).
 */
export function SearchFacets({ facets, query, onQueryChange }: Props) {
  const { t } = useTranslation();
  const filters = useMemo(() => parseQuery(query).filters, [query]);
  const collectionTitles = useCollectionTitles();
  const labelOf = (field: FacetField, { value, label }: FacetCount): string => {
    switch (field) {
      case 'kind':
        return t(`search.kind.${value}`);
      case 'status':
        return t(`search.status.${value}`);
      case 'collection':
        return collectionTitles.get(value) ?? value;
      default:
        // Places and sources are labelled with their titles by the engine.
        return label ?? value;
    }
  };

  const groups = FACET_FIELDS.map((field) => ({ field, counts: facets[field] })).filter(
    // One collection is no choice: its box appears once results come from two or more.
    ({ field, counts }) => counts.length > (field === 'collection' ? 1 : 0),
  );
  if (groups.length === 0) return null;

  return (
    <aside className="search-facets" aria-label={t('search.refine')}>
      {groups.map(({ field, counts }) => {
        const selected = selectedValues(filters, field);
        return (
          <fieldset key={field} className="search-facet">
            <legend>{t(`search.facet.${field}`)}</legend>
            <ul>
              {counts.map((count: FacetCount) => (
                <li key={count.value}>
                  <label>
                    <input
                      type="checkbox"
                      checked={selected.has(count.value)}
                      onChange={() => onQueryChange(toggleFilter(query, field, count.value))}
                    />{' '}
                    {t('search.facet.option', { label: labelOf(field, count), count: count.count })}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </aside>
  );
}
