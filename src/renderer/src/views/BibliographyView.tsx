import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import type { LoadedCollection } from '@shared/collection/model';
import type { AsyncState } from '../api/use-result';
import { EntryList } from '../bibliography/EntryList';
import { EntryPage } from '../bibliography/EntryPage';
import { useWarmCitations } from '../bibliography/use-formatter';
import { CollectionState } from '../collection/CollectionState';
import { localizedManifest } from '../collection/localized';
import { useCollection, useDefaultCollection } from '../collection/use-collection';
import { ViewHeading } from '../shell/ViewHeading';
import '../bibliography/bibliography.css';

/** Mounted with `nest` at /bibliography: `/` lists a collection's works, `/:collectionId/:entryId` shows one. */
export default function BibliographyView() {
  // The CSL worker starts now, compiling the chosen style while the collection loads.
  useWarmCitations();
  return (
    <Switch>
      <Route path="/:collectionId/:entryId">
        {(params) => <EntryRoute collectionId={params.collectionId} entryId={params.entryId} />}
      </Route>
      <Route path="/:collectionId">{(params) => <ListRoute collectionId={params.collectionId} />}</Route>
      <Route>
        <ListRoute />
      </Route>
    </Switch>
  );
}

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

function ListRoute({ collectionId }: { collectionId?: string }) {
  return collectionId === undefined ? <DefaultList /> : <NamedList collectionId={decode(collectionId)} />;
}

function DefaultList() {
  return <ListLayout state={useDefaultCollection()} />;
}

function NamedList({ collectionId }: { collectionId: string }) {
  return <ListLayout state={useCollection(collectionId)} />;
}

function ListLayout({ state }: { state: AsyncState<LoadedCollection> }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="view" aria-labelledby="bibliography-heading">
      <ViewHeading id="bibliography-heading">{t('bibliography.title')}</ViewHeading>
      <p className="view-intro">
        {state.status === 'ok'
          ? t('bibliography.introFor', {
              collection: localizedManifest(state.value.manifest, i18n.language).title,
              count: state.value.bibliography.length,
            })
          : t('bibliography.intro')}
      </p>
      <CollectionState emptyMessage={t('bibliography.empty')} state={state}>
        {(collection) => <EntryList collection={collection} />}
      </CollectionState>
    </section>
  );
}

function EntryRoute({ collectionId, entryId }: { collectionId: string; entryId: string }) {
  const state = useCollection(decode(collectionId));
  const { t } = useTranslation();
  return (
    <CollectionState emptyMessage={t('bibliography.empty')} state={state}>
      {(collection) => <EntryPage key={entryId} collection={collection} entryId={decode(entryId)} />}
    </CollectionState>
  );
}
