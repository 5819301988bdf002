import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { TARGET_KINDS, type Note } from '@shared/notes/model';
import { describeTarget } from '@shared/notes/targets';
import { passageNotePath } from '@shared/links';
import { regionNotePath } from '@shared/notes/region';
import { filterNotes, NO_FILTERS, SORTS, type NoteFilters } from './filters';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import { newNoteId } from './NotesPanel';
import type { NoteDraft } from './repository';
import { useNotes } from './NotesContext';
import { UndoBar } from './UndoBar';
import { useCollections } from './use-collections';
import { localizedManifest } from '../collection/localized';
import type { Manifest } from '@shared/collection/schema';
import { useLiveQuery } from './use-live-query';
import { useTrashWithUndo } from './use-trash-with-undo';

/** Where "open" takes a note: its record or entry; passages to the Reader with the note focused,
 *  regions to their photo with the region selected. */
function jumpPath(note: Note, href: string): string {
  if (note.target.kind === 'passage')
    return passageNotePath(note.target.collectionId, note.target.textId, note.id);
  if (note.target.kind === 'region')
    return regionNotePath(note.target.itemId, note.target.photo, note.target.page, note.id);
  return href.replace(/^#/, '');
}

export function NotesListPage() {
  const { t, i18n } = useTranslation();
  const { repository } = useNotes();
  const id = useId();
  const notes = useLiveQuery(() => repository.live(), [repository]);
  const localizedTitle = (collection: { manifest: Manifest } | undefined) =>
    collection && localizedManifest(collection.manifest, i18n.language).title;
  const [filters, setFilters] = useState<NoteFilters>(NO_FILTERS);
  const [editing, setEditing] = useState<NoteDraft | null>(null);
  /** A new note being written: its editor stays at the top (not in the list) until "Done". */
  const [creating, setCreating] = useState<NoteDraft | null>(null);
  const trash = useTrashWithUndo();
  const all = useMemo(() => (notes.status === 'ok' ? notes.value : []), [notes]);
  const collections = useCollections(useMemo(() => all.map((note) => note.target), [all]));
  const info = useMemo(() => {
    const described = new Map(
      all.map((note) => [note.id, describeTarget(note.target, collections.get(note.target.collectionId))]),
    );
    return (note: Note) =>
      described.get(note.id) ?? describeTarget(note.target, collections.get(note.target.collectionId));
  }, [all, collections]);
  const shown = useMemo(() => filterNotes(all, filters, (note) => info(note).label), [all, filters, info]);
  const tags = useMemo(
    () => [...new Set(all.flatMap((note) => note.tags))].sort((a, b) => a.localeCompare(b)),
    [all],
  );
  const collectionIds = useMemo(
    () => [...new Set(all.map((note) => note.target.collectionId))].sort(),
    [all],
  );
  const set = (patch: Partial<NoteFilters>) => setFilters((previous) => ({ ...previous, ...patch }));

  return (
    <div className="notes-list-page">
      <form
        className="notes-filters"
        role="search"
        aria-label={t('notes.filters.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('notes.filters.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={filters.query}
            onChange={(event) => set({ query: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-tag`}>{t('notes.filters.tag')}</label>
          <select id={`${id}-tag`} value={filters.tag} onChange={(event) => set({ tag: event.target.value })}>
            <option value="">{t('notes.filters.any')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('notes.filters.kind')}</label>
          <select
            id={`${id}-kind`}
            value={filters.kind}
            onChange={(event) => set({ kind: event.target.value as NoteFilters['kind'] })}
          >
            <option value="">{t('notes.filters.any')}</option>
            {TARGET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`notes.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-collection`}>{t('notes.filters.collection')}</label>
          <select
            id={`${id}-collection`}
            value={filters.collectionId}
            onChange={(event) => set({ collectionId: event.target.value })}
          >
            <option value="">{t('notes.filters.any')}</option>
            {collectionIds.map((collectionId) => (
              <option key={collectionId} value={collectionId}>
                {localizedTitle(collections.get(collectionId)) ?? collectionId}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('notes.filters.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={filters.from}
            onChange={(event) => set({ from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('notes.filters.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={filters.to}
            onChange={(event) => set({ to: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`}>{t('notes.filters.sort')}</label>
          <select
            id={`${id}-sort`}
            value={filters.sort}
            onChange={(event) => set({ sort: event.target.value as NoteFilters['sort'] })}
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`notes.sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <div className="button-row">
        {[...collections.values()].map((collection) => (
          <button
            key={collection.manifest.id}
            type="button"
            disabled={creating !== null}
            onClick={() =>
              setCreating({
                id: newNoteId(),
                target: { kind: 'collection', collectionId: collection.manifest.id },
                body: '',
                tags: [],
                colour: null,
              })
            }
          >
            {t('notes.list.newOn', { title: localizedTitle(collection) })}
          </button>
        ))}
      </div>
      {creating ? (
        <NoteEditor key={creating.id} initial={creating} onClose={() => setCreating(null)} />
      ) : null}
      {notes.status === 'error' ? (
        <p role="alert" className="error-text">
          {notes.error.message}
        </p>
      ) : null}
      <p role="status" className="muted">
        {notes.status === 'ok' ? t('notes.filters.count', { count: shown.length, total: all.length }) : ''}
      </p>
      {notes.status === 'ok' && all.length === 0 ? <p>{t('notes.list.empty')}</p> : null}
      <ul className="note-list">
        {shown
          .filter((note) => note.id !== creating?.id)
          .map((note) => {
            const target = info(note);
            return (
              <li key={note.id}>
                {editing?.id === note.id ? (
                  <NoteEditor initial={editing} onClose={() => setEditing(null)} />
                ) : (
                  <NoteCard
                    note={note}
                    heading={
                      <>
                        <span className="note-kind">{t(`notes.kind.${note.target.kind}`)}</span>{' '}
                        <Link href={`~${jumpPath(note, target.href)}`}>{target.label}</Link>
                      </>
                    }
                  >
                    <button type="button" onClick={() => setEditing(note)}>
                      {t('notes.actions.edit')}
                    </button>
                    <button type="button" onClick={() => void trash.trash(note)}>
                      {t('notes.actions.delete')}
                    </button>
                  </NoteCard>
                )}
              </li>
            );
          })}
      </ul>
      <UndoBar trash={trash} />
    </div>
  );
}
