import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useApi } from '../api/ApiContext';
import { ErrorBoundary } from './ErrorBoundary';
import { Loading } from './Loading';
import { DEFAULT_ROUTE, LINKED_ROUTES, VIEW_ROUTES } from './routes';
import NotFoundView from '../views/NotFoundView';
import { useSearchShortcut } from '../search/use-search-shortcut';
import { BACK_ROUTE } from '@shared/ipc/channel-names';
import { openedFromSearch } from './origin';
import { SyncIndicator } from '../sync/SyncIndicator';

export function Shell() {
  return (
    <Router hook={useHashLocation}>
      <ShellLayout />
    </Router>
  );
}

function ShellLayout() {
  const { t } = useTranslation();
  const api = useApi();
  const [location, navigate] = useLocation();
  useSearchShortcut();
  useEffect(
    () =>
      api.onOpenView((route) => {
        if (route === BACK_ROUTE) window.history.back();
        else navigate(`/${route}`);
      }),
    [api, navigate],
  );
  // A page opened from the results stays under Search in the navigation, wherever its address is.
  const section = openedFromSearch() ? '/search' : location;

  return (
    <div className="shell">
      {/* Not a hash link: the hash is the router's, so the skip link moves focus itself. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <span className="brand" aria-hidden="true">
          {t('app.name')}
        </span>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {VIEW_ROUTES.map((route) => {
              const active = section === route.path || section.startsWith(`${route.path}/`);
              return (
                <li key={route.path}>
                  <Link href={route.path} aria-current={active ? 'page' : undefined}>
                    {t(route.labelKey)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <SyncIndicator />
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        <ErrorBoundary resetKey={location}>
          <Suspense fallback={<Loading />}>
            <Switch>
              <Route path="/">
                <Redirect to={DEFAULT_ROUTE} replace />
              </Route>
              {LINKED_ROUTES.map((route) => (
                <Route key={route.path} path={route.path} component={route.view} />
              ))}
              {VIEW_ROUTES.map((route) => (
                <Route key={route.path} path={route.path} nest component={route.view} />
              ))}
              <Route component={NotFoundView} />
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
