import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import { BackupsPage } from '../notes/BackupsPage';
import { NotesListPage } from '../notes/NotesListPage';
import { TextsPage } from '../notes/TextsPage';
import { TrashPage } from '../notes/TrashPage';
import { ViewHeading } from '../shell/ViewHeading';
import '../notes/notes.css';

const TABS = [
  { path: '/', key: 'all' },
  { path: '/texts', key: 'texts' },
  { path: '/trash', key: 'trash' },
  { path: '/backups', key: 'backups' },
] as const;

/** All notes, the highlight reading pane, the trash, and export/import/backups (nested under #/notes). */
export default function NotesView() {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <section className="view notes-view" aria-labelledby="notes-heading">
      <ViewHeading id="notes-heading">{t('notes.title')}</ViewHeading>
      <p className="view-intro">{t('notes.intro')}</p>
      <nav aria-label={t('notes.sections')}>
        <ul className="notes-tabs">
          {TABS.map((tab) => {
            const active = tab.path === '/' ? location === '/' : location.startsWith(tab.path);
            return (
              <li key={tab.key}>
                <Link href={tab.path} aria-current={active ? 'page' : undefined}>
                  {t(`notes.tabs.${tab.key}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <Switch>
        <Route path="/texts/:collectionId/:textId/:noteId?">
          {(params) => (
            <TextsPage
              collectionId={decodeURIComponent(params.collectionId)}
              textId={decodeURIComponent(params.textId)}
              noteId={params.noteId ? decodeURIComponent(params.noteId) : undefined}
            />
          )}
        </Route>
        <Route path="/texts">
          <TextsPage />
        </Route>
        <Route path="/trash" component={TrashPage} />
        <Route path="/backups" component={BackupsPage} />
        <Route component={NotesListPage} />
      </Switch>
    </section>
  );
}
