import { Fragment, lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import type { LoadedCollection } from '@shared/collection/model';
import { Charts } from '../browse/Charts';
import { compositions } from '../browse/chart-model';
import { hasMapPoints } from '../browse/map-model';
import { CollectionChooser } from '../browse/CollectionChooser';
import { EXPLORE_TABS } from '../browse/paths';
import { RecordList } from '../browse/RecordList';
import { RecordPage } from '../browse/RecordPage';
import { Timeline } from '../browse/Timeline';
import { CollectionState } from '../collection/CollectionState';
import { localizedManifest } from '../collection/localized';
import { useChosenCollection } from '../collection/use-chosen-collection';
import { useRecordSlice } from '../collection/use-record-slice';
import { Loading } from '../shell/Loading';
import { ViewHeading } from '../shell/ViewHeading';
import { Welcome } from '../welcome/Welcome';

// The map carries the world's borders (TopoJSON): loaded only when the map is opened.
const ExileMap = lazy(() => import('../browse/ExileMap').then((module) => ({ default: module.ExileMap })));

export default function BrowseView() {
  return (
    <Switch>
      <Route path="/record/:collectionId/:recordId">
        {(params) => <RecordRoute collectionId={params.collectionId} recordId={params.recordId} />}
      </Route>
      <Route path="/timeline">
        <ExploreLayout>{(collection) => <Timeline collection={collection} />}</ExploreLayout>
      </Route>
      <Route path="/charts">
        <ExploreLayout>{(collection) => <Charts collection={collection} />}</ExploreLayout>
      </Route>
      <Route path="/map">
        <ExploreLayout>
          {(collection) => (
            <Suspense fallback={<Loading />}>
              <ExileMap collection={collection} />
            </Suspense>
          )}
        </ExploreLayout>
      </Route>
      <Route>
        <ExploreLayout>{(collection) => <RecordList collection={collection} />}</ExploreLayout>
      </Route>
    </Switch>
  );
}

/** A tab shows only when the collection has something for it: no empty map for a list of people. */
function tabApplies(key: (typeof EXPLORE_TABS)[number]['key'], collection: LoadedCollection): boolean {
  if (key === 'map') return hasMapPoints(collection.records);
  if (key === 'charts') return compositions(collection.records).length > 0;
  return true;
}

function ExploreLayout({ children }: { children: (collection: LoadedCollection) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const [location] = useLocation();
  const { summaries, listed, chosenId, choose, collection } = useChosenCollection();
  return (
    <section className="view" aria-labelledby="browse-heading">
      <ViewHeading id="browse-heading">{t('browse.title')}</ViewHeading>
      {/* Shown once the collections are listed: before that it would say none is installed. */}
      {location === '/' && listed && <Welcome summaries={summaries} />}
      <CollectionChooser summaries={summaries} chosenId={chosenId} onChoose={choose} />
      {collection.status === 'ok' && (
        <p className="view-intro">
          {localizedManifest(collection.value.manifest, i18n.language).title}
          {collection.value.manifest.synthetic && <span className="badge">{t('browse.synthetic')}</span>}
        </p>
      )}
      <nav aria-label={t('browse.exploreNav')} className="tabs">
        <ul>
          {EXPLORE_TABS.filter(
            (tab) => collection.status !== 'ok' || tabApplies(tab.key, collection.value),
          ).map((tab) => {
            const nested = tab.path.replace('~/browse', '') || '/';
            return (
              <li key={tab.key}>
                <Link href={tab.path} aria-current={location === nested ? 'page' : undefined}>
                  {t(`browse.tab.${tab.key}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <CollectionState emptyMessage={t('browse.empty')} state={collection}>
        {/* Keyed by collection, so a view's filters and scroll position do not carry over to another. */}
        {(loaded) => <Fragment key={loaded.manifest.id}>{children(loaded)}</Fragment>}
      </CollectionState>
    </section>
  );
}

function RecordRoute({ collectionId, recordId }: { collectionId: string; recordId: string }) {
  // Only the record and the records its page names: never the whole collection (record-slice.ts).
  const collection = useRecordSlice(decodeURIComponent(collectionId), decodeURIComponent(recordId));
  const { t } = useTranslation();
  return (
    <CollectionState emptyMessage={t('browse.empty')} state={collection}>
      {(loaded) => <RecordPage key={recordId} collection={loaded} recordId={decodeURIComponent(recordId)} />}
    </CollectionState>
  );
}
