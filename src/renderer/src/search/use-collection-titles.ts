import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { collectionsSignal } from '../api/collections-changed';
import { useResult } from '../api/use-result';
import { localizedManifest } from '../collection/localized';
import { PHOTOS_NOTE_COLLECTION } from '@shared/notes/region';

const NONE: ReadonlyMap<string, string> = new Map();

/** Collection titles by id (the list only, not the collections), for the collection facet. */
export function useCollectionTitles(): ReadonlyMap<string, string> {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // A change of language only re-titles the list it has: no new call, no empty moment.
  const list = useResult(() => api.call('collections.list', {}), [api], {
    refetchOn: collectionsSignal(api),
  });
  return useMemo(
    () =>
      list.status === 'ok'
        ? new Map([
            // Photo items and their regions are in no collection; the facet names them plainly.
            [PHOTOS_NOTE_COLLECTION, t('search.photosCollection')],
            ...list.value.map((summary): [string, string] => [
              summary.id,
              localizedManifest(summary, language).title,
            ]),
          ])
        : NONE,
    [list, language, t],
  );
}
