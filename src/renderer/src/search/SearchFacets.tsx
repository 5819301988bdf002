import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FACETS, type FacetDefinition, type FacetField } from '@shared/search/facets';
import type { FacetCount, SearchFacets as Facets } from '@shared/search/response';
import { parseQuery, toggleFilter, type Filter } from '@shared/search/query';
import { useCollectionTitles } from './use-collection-titles';

interface Props {
  facets: Facets;
  query: string;
  onQueryChange: (query: string) => void;
}

/** The values the query's filters select, in the facet's terms (lower case: filters ignore case). */
function selectedValues(filters: readonly Filter[], facet: FacetDefinition): Set<string> {
  const values = new Set<string>();
  for (const filter of filters) {
    if (filter.negated || filter.field !== facet.filter) continue;
    const value = facet.selected(filter);
    if (value !== undefined) values.add(value.toLowerCase());
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
      case 'repression':
        return t(`person.repressionType.${value}`);
      case 'decade':
        return t('search.facet.decadeValue', { decade: value });
      default:
        // Places and sources are labelled with their titles by the engine; person places as written.
        return label ?? value;
    }
  };

  const groups = (FACETS as readonly FacetDefinition[])
    .map((facet) => ({ facet, field: facet.id as FacetField, counts: facets[facet.id as FacetField] ?? [] }))
    // A facet without values in these results is left out; one collection is no choice either.
    .filter(({ facet, counts }) => counts.length > 0 && counts.length >= facet.minValues);
  if (groups.length === 0) return null;

  return (
    <aside className="search-facets" aria-label={t('search.refine')}>
      {groups.map(({ facet, field, counts }) => {
        const selected = selectedValues(filters, facet);
        return (
          <fieldset key={field} className="search-facet">
            <legend>{t(`search.facet.${field}`)}</legend>
            <ul>
              {counts.map((count: FacetCount) => (
                <li key={count.value}>
                  <label>
                    <input
                      type="checkbox"
                      checked={selected.has(count.value.toLowerCase())}
                      onChange={() =>
                        onQueryChange(
                          toggleFilter(query, facet.filter, facet.filterValue?.(count.value) ?? count.value),
                        )
                      }
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
