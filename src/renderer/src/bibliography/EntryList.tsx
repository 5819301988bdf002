import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedCollection } from '@shared/collection/model';
import { bibliographyHref } from '@shared/links';
import { ExportControls } from './ExportControls';
import { FormattedHtml } from './FormattedHtml';
import { IncompleteMark } from './IncompleteMark';
import {
  EMPTY_ENTRY_FILTER,
  ENTRY_SORTS,
  citingRecordsIndex,
  filterEntries,
  findingsIndex,
  shortLabel,
  sortEntries,
  typeCounts,
  type EntryFilter,
  type EntrySort,
} from './model';
import { useCitationPreferences } from './preferences';
import { SourceNotesList } from './SourceNotes';
import { StyleChooser } from './StyleChooser';
import { useFormattedList } from './use-formatter';

const sortValue = (sort: EntrySort) => `${sort.key}-${sort.direction}`;

/** The collection's bibliography: every work in the chosen style, sortable, filterable, exportable. */
export function EntryList({ collection }: { collection: LoadedCollection }) {
  const { t, i18n } = useTranslation();
  const collectionId = collection.manifest.id;
  const [filter, setFilter] = useState<EntryFilter>(EMPTY_ENTRY_FILTER);
  const [sort, setSort] = useState<EntrySort>({ key: 'author', direction: 'ascending' });
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const ids = { text: useId(), type: useId(), sort: useId(), notes: useId() };
  const collator = useMemo(() => new Intl.Collator(i18n.language), [i18n.language]);

  const [{ style, locale }] = useCitationPreferences();
  const citing = useMemo(() => citingRecordsIndex(collection), [collection]);
  const notes = useMemo(() => findingsIndex(collection.integrity.findings), [collection.integrity]);
  const bibliography = useMemo(
    () => new Map(collection.bibliography.map((item) => [item.id, item])),
    [collection.bibliography],
  );
  const records = useMemo(
    () => new Map(collection.records.map((record) => [record.id, record])),
    [collection],
  );
  const types = useMemo(() => typeCounts(collection.bibliography), [collection.bibliography]);
  const shown = useMemo(
    () => sortEntries(filterEntries(collection.bibliography, filter), sort, collator),
    [collection.bibliography, filter, sort, collator],
  );
  const shownIds = useMemo(() => shown.map((item) => item.id), [shown]);
  // Every entry is listed at once from the data; the worker fills in the references, the first screen
  // first (see useFormattedList).
  const formatted = useFormattedList(collection.bibliography, shownIds, { style, locale });
  const selected = collection.bibliography.filter((item) => selectedIds.has(item.id));
  const allShownSelected = shown.length > 0 && shown.every((item) => selectedIds.has(item.id));
  const editedBy = (names: string) => t('bibliography.editedBy', { names });

  const toggle = (id: string, on: boolean) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggleShown = (on: boolean) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      for (const item of shown) {
        if (on) next.add(item.id);
        else next.delete(item.id);
      }
      return next;
    });

  return (
    <>
      <StyleChooser />
      <form
        className="filters"
        aria-label={t('bibliography.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor={ids.text}>{t('bibliography.filter.text')}</label>
          <input
            id={ids.text}
            type="search"
            value={filter.text}
            onChange={(event) => setFilter((current) => ({ ...current, text: event.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.type}>{t('bibliography.filter.type')}</label>
          <select
            id={ids.type}
            value={filter.type}
            onChange={(event) => setFilter((current) => ({ ...current, type: event.target.value }))}
          >
            <option value="all">{t('bibliography.filter.allTypes')}</option>
            {types.map(([type, count]) => (
              <option key={type} value={type}>
                {t('bibliography.filter.typeCount', {
                  type: t(`bibliography.type.${type}`, { defaultValue: type }),
                  count,
                })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.sort}>{t('bibliography.sort.label')}</label>
          <select
            id={ids.sort}
            value={sortValue(sort)}
            onChange={(event) =>
              setSort(ENTRY_SORTS.find((option) => sortValue(option) === event.target.value) ?? sort)
            }
          >
            {ENTRY_SORTS.map((option) => (
              <option key={sortValue(option)} value={sortValue(option)}>
                {t(`bibliography.sort.${sortValue(option)}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => setFilter(EMPTY_ENTRY_FILTER)}>
          {t('bibliography.filter.reset')}
        </button>
      </form>
      <ExportControls collectionId={collectionId} all={collection.bibliography} selected={selected} />
      <p role="status" className="meta">
        {t('bibliography.showing', { count: shown.length, total: collection.bibliography.length })}
        {!formatted.complete && !formatted.error && ` ${t('bibliography.formatting')}`}
      </p>
      {formatted.error !== null && (
        <p role="alert" className="error-text">
          {t('bibliography.formatFailed', { message: formatted.error })}
        </p>
      )}
      {shown.length > 0 && (
        <label className="select-all">
          <input
            type="checkbox"
            checked={allShownSelected}
            onChange={(event) => toggleShown(event.target.checked)}
          />{' '}
          {t('bibliography.selectShown', { count: shown.length })}
        </label>
      )}
      <ul
        className="entry-list"
        aria-label={t('bibliography.listLabel')}
        aria-busy={!formatted.complete && !formatted.error}
      >
        {shown.map((item) => {
          const reference = formatted.references?.get(item.id);
          const label = shortLabel(item, editedBy);
          const citedBy = citing.get(item.id)?.length ?? 0;
          const noteCount = notes.get(item.id)?.length ?? 0;
          return (
            <li key={item.id} className="entry">
              <input
                type="checkbox"
                className="entry-select"
                aria-label={t('bibliography.select', { work: label })}
                checked={selectedIds.has(item.id)}
                onChange={(event) => toggle(item.id, event.target.checked)}
              />
              <div>
                <a href={bibliographyHref(collectionId, item.id)} className="entry-link">
                  {reference ? (
                    <FormattedHtml html={reference.html} className="formatted-reference" />
                  ) : (
                    // Until the worker answers for it, or a work the style prints nothing for.
                    <span className="formatted-reference">
                      {item.title && label !== item.title ? `${label}. ${item.title}` : label}
                    </span>
                  )}
                </a>
                {formatted.complete && !reference && (
                  <div className="meta">{t('bibliography.noReferenceShort')}</div>
                )}
                <div className="meta entry-meta">
                  <span>{t(`bibliography.type.${item.type}`, { defaultValue: item.type })}</span>
                  <IncompleteMark item={item} />
                  {citedBy > 0 && <span>{t('bibliography.citedByCount', { count: citedBy })}</span>}
                  {noteCount > 0 && (
                    <span className="badge badge-warning">
                      {t('bibliography.noteCount', { count: noteCount })}
                    </span>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <section aria-labelledby={ids.notes} className="source-notes-section">
        <h2 id={ids.notes}>{t('bibliography.notes.title')}</h2>
        <p className="meta">{t('bibliography.notes.intro')}</p>
        {collection.integrity.findings.length === 0 ? (
          <p>{t('bibliography.notes.none')}</p>
        ) : (
          <SourceNotesList
            findings={collection.integrity.findings}
            collectionId={collectionId}
            bibliography={bibliography}
            records={records}
            showWorks
          />
        )}
      </section>
    </>
  );
}
