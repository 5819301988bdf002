import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';

/** Collection titles by id (the list only, not the collections), for the collection facet. */
export function useCollectionTitles(): ReadonlyMap<string, string> {
  const api = useApi();
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let current = true;
    void api.call('collections.list', {}).then((list) => {
      if (current && list.ok) setTitles(new Map(list.value.map((summary) => [summary.id, summary.title])));
    });
    return () => {
      current = false;
    };
  }, [api]);
  return titles;
}
