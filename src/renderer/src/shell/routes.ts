import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface ViewRoute {
  /** Path under the hash, e.g. "/search" for #/search. */
  path: string;
  /** i18n key of the navigation label. */
  labelKey: string;
  view: LazyExoticComponent<ComponentType>;
}

/** The main views, in navigation order. Each is its own chunk, loaded when first opened. */
export const VIEW_ROUTES: readonly ViewRoute[] = [
  { path: '/search', labelKey: 'nav.search', view: lazy(() => import('../views/SearchView')) },
  { path: '/browse', labelKey: 'nav.browse', view: lazy(() => import('../views/BrowseView')) },
  { path: '/reader', labelKey: 'nav.reader', view: lazy(() => import('../views/ReaderView')) },
  {
    path: '/bibliography',
    labelKey: 'nav.bibliography',
    view: lazy(() => import('../views/BibliographyView')),
  },
  { path: '/notes', labelKey: 'nav.notes', view: lazy(() => import('../views/NotesView')) },
  { path: '/items', labelKey: 'nav.items', view: lazy(() => import('../views/ItemsView')) },
  { path: '/import', labelKey: 'nav.import', view: lazy(() => import('../views/ImportView')) },
  { path: '/linkage', labelKey: 'nav.linkage', view: lazy(() => import('../views/LinkageView')) },
  { path: '/about', labelKey: 'nav.about', view: lazy(() => import('../views/AboutView')) },
];

export const DEFAULT_ROUTE = '/browse';
