import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { localizedManifest } from '../collection/localized';

/** Collection titles by id (the list only, not the collections), for the collection facet. */
export function useCollectionTitles(): ReadonlyMap<string, string> {
  const api = useApi();
  const { i18n } = useTranslation();
  const language = i18n.language;
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let current = true;
    void api.call('collections.list', {}).then((list) => {
      if (!current || !list.ok) return;
      setTitles(
        new Map(list.value.map((summary) => [summary.id, localizedManifest(summary, language).title])),
      );
    });
    return () => {
      current = false;
    };
  }, [api, language]);
  return titles;
}
