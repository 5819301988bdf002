import { Fragment, lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import type { LoadedCollection } from '@shared/collection/model';
import { Charts } from '../browse/Charts';
import { compositions } from '@shared/collection/chart-model';
import { hasMapPoints } from '@shared/collection/map-model';
import { CollectionChooser } from '../browse/CollectionChooser';
import { EXPLORE_TABS } from '../browse/paths';
import { PagedRecordList } from '../browse/PagedRecordList';
import { RecordPage } from '../browse/RecordPage';
import { Timeline } from '../browse/Timeline';
import { CollectionState } from '../collection/CollectionState';
import { localizedManifest } from '../collection/localized';
import { useChosenCollection } from '../collection/use-chosen-collection';
import { useRecordSlice } from '../collection/use-record-slice';
import { Loading } from '../shell/Loading';
import { ViewHeading } from '../shell/ViewHeading';
import { Welcome } from '../welcome/Welcome';
import type { AsyncState } from '../api/use-result';
import { useBrowseListing, type BrowseListing } from '../browse/use-browse-listing';
import type { Manifest } from '@shared/collection/schema';

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
        {/* No children: the Records tab lists the collection page by page, never fetching it whole. */}
        <ExploreLayout />
      </Route>
    </Switch>
  );
}

/** A tab shows only when the collection has something for it: no empty map for a list of people. */
function tabApplies(
  key: (typeof EXPLORE_TABS)[number]['key'],
  tabs: BrowseListing['options']['tabs'],
): boolean {
  if (key === 'map') return tabs.map;
  if (key === 'charts') return tabs.charts;
  return true;
}

const wholeTabs = (collection: LoadedCollection) => ({
  map: hasMapPoints(collection.records),
  charts: compositions(collection.records).length > 0,
});

/**
 * The explore tabs around one view. With `children`, the view gets the chosen collection whole; without,
 * it is the Records tab, which lists the collection page by page and only fetches its details.
 */
function ExploreLayout({ children }: { children?: (collection: LoadedCollection) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const [location] = useLocation();
  const paged = children === undefined;
  const { summaries, listed, chosenId, choose, collection } = useChosenCollection({ whole: !paged });
  const listing = useBrowseListing(paged ? chosenId : undefined);
  // Until a collection is chosen, the list's own state (loading, an error, none installed) is shown.
  const pagedState: AsyncState<BrowseListing> =
    !listed || chosenId === undefined ? (collection as AsyncState<never>) : listing;
  // The list mounts as soon as a collection is chosen, so its first page is asked for alongside the
  // details (PagedRecordList shows the details' loading state itself).
  const listState: AsyncState<string> =
    !listed || chosenId === undefined ? (collection as AsyncState<never>) : { status: 'ok', value: chosenId };
  const about: { manifest: Manifest; tabs: BrowseListing['options']['tabs'] } | undefined = paged
    ? pagedState.status === 'ok'
      ? { manifest: pagedState.value.details.manifest, tabs: pagedState.value.options.tabs }
      : undefined
    : collection.status === 'ok'
      ? { manifest: collection.value.manifest, tabs: wholeTabs(collection.value) }
      : undefined;
  return (
    <section className="view" aria-labelledby="browse-heading">
      <ViewHeading id="browse-heading">{t('browse.title')}</ViewHeading>
      {/* Shown once the collections are listed: before that it would say none is installed. */}
      {location === '/' && listed && <Welcome summaries={summaries} />}
      <CollectionChooser summaries={summaries} chosenId={chosenId} onChoose={choose} />
      {about && (
        <p className="view-intro">
          {localizedManifest(about.manifest, i18n.language).title}
          {about.manifest.synthetic && <span className="badge">{t('browse.synthetic')}</span>}
        </p>
      )}
      <nav aria-label={t('browse.exploreNav')} className="tabs">
        <ul>
          {EXPLORE_TABS.filter((tab) => !about || tabApplies(tab.key, about.tabs)).map((tab) => {
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
      {/* Keyed by collection, so a view's filters and scroll position do not carry over to another. */}
      {children ? (
        <CollectionState emptyMessage={t('browse.empty')} state={collection}>
          {(loaded) => <Fragment key={loaded.manifest.id}>{children(loaded)}</Fragment>}
        </CollectionState>
      ) : (
        <CollectionState emptyMessage={t('browse.empty')} state={listState}>
          {(id) => (
            <PagedRecordList key={id} collectionId={id} listing={listing} emptyMessage={t('browse.empty')} />
          )}
        </CollectionState>
      )}
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
