import { useTranslation } from 'react-i18next';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { passageNotePath, passageTextPath } from '@shared/links';
import { BackupsPage } from '../notes/BackupsPage';
import { NotesListPage } from '../notes/NotesListPage';
import { TrashPage } from '../notes/TrashPage';
import { ViewHeading } from '../shell/ViewHeading';
import '../notes/notes.css';

const TABS = [
  { path: '/', key: 'all' },
  { path: '/trash', key: 'trash' },
  { path: '/backups', key: 'backups' },
] as const;

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/**
 * Where an address of the old highlight pane (`/notes/texts/<collection>/<text>[/<note>]`, kept in
 * bookmarks and history) now leads: the same text in the Reader, with the same note focused.
 */
function readerPathOfOldPane(params: { collectionId: string; textId: string; noteId?: string }): string {
  const [collectionId, textId] = [decode(params.collectionId), decode(params.textId)];
  return params.noteId
    ? passageNotePath(collectionId, textId, decode(params.noteId))
    : passageTextPath(collectionId, textId);
}

/** All notes, the trash, and export/import/backups (nested under #/notes). */
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
          {(params) => <Redirect to={`~${readerPathOfOldPane(params)}`} replace />}
        </Route>
        <Route path="/texts" nest>
          <Redirect to="~/reader" replace />
        </Route>
        <Route path="/trash" component={TrashPage} />
        <Route path="/backups" component={BackupsPage} />
        <Route component={NotesListPage} />
      </Switch>
    </section>
  );
}
