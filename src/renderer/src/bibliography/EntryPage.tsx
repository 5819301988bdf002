import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CslItem, CslName } from '@shared/collection/schema';
import type { LoadedCollection } from '@shared/collection/model';
import { recordHref } from '@shared/links';
import { citationStyle } from '@shared/citations/styles';
import { ReturnLink } from '../shell/ReturnLink';
import { ViewHeading } from '../shell/ViewHeading';
import { CiteButton } from './CiteThis';
import { CopyButton } from './CopyButton';
import { FormattedHtml } from './FormattedHtml';
import { IncompleteMark } from './IncompleteMark';
import { citingRecordsIndex, findingsIndex, shortLabel, yearOf } from './model';
import { SourceNotesList } from './SourceNotes';
import { StyleChooser } from './StyleChooser';
import { WithFormatter } from './WithFormatter';
import type { FormatOptions, FormattedText } from '@shared/citations/formatter';

const personName = (name: CslName) =>
  name.literal ?? [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' ');

/** One work: its reference in the chosen style, what the collection knows of it, its notes, its citers. */
export function EntryPage({ collection, entryId }: { collection: LoadedCollection; entryId: string }) {
  const { t } = useTranslation();
  const collectionId = collection.manifest.id;
  const item = collection.bibliography.find((entry) => entry.id === entryId);
  const citing = useMemo(() => citingRecordsIndex(collection).get(entryId) ?? [], [collection, entryId]);
  const findings = useMemo(
    () => findingsIndex(collection.integrity.findings).get(entryId) ?? [],
    [collection.integrity, entryId],
  );
  const records = useMemo(
    () => new Map(collection.records.map((record) => [record.id, record])),
    [collection],
  );
  const bibliography = useMemo(
    () => new Map(collection.bibliography.map((entry) => [entry.id, entry])),
    [collection.bibliography],
  );

  if (!item) {
    return (
      <section className="view" aria-labelledby="bibliography-heading">
        <ViewHeading id="bibliography-heading">{t('bibliography.title')}</ViewHeading>
        <p role="alert" className="error-text">
          {t('bibliography.entryNotFound', { id: entryId, collection: collection.manifest.title })}
        </p>
        <p>
          <a href="#/bibliography">{t('bibliography.back')}</a>
        </p>
      </section>
    );
  }

  return (
    <section className="view bibliography-entry" aria-labelledby="bibliography-heading">
      <p>
        <ReturnLink href="~/bibliography" label={t('bibliography.back')} />
      </p>
      <ViewHeading id="bibliography-heading">
        {shortLabel(item, (names) => t('bibliography.editedBy', { names }))}
      </ViewHeading>
      <StyleChooser />
      <FormattedEntry item={item} />
      <h2>{t('bibliography.entry.details')}</h2>
      <EntryDetails item={item} />
      <section aria-labelledby="entry-notes-heading">
        <h2 id="entry-notes-heading">{t('bibliography.notes.title')}</h2>
        {findings.length === 0 ? (
          <p className="meta">{t('bibliography.notes.noneForEntry')}</p>
        ) : (
          <SourceNotesList
            findings={findings}
            collectionId={collectionId}
            bibliography={bibliography}
            records={records}
            showWorks={false}
          />
        )}
      </section>
      <section aria-labelledby="entry-citing-heading">
        <h2 id="entry-citing-heading">{t('bibliography.entry.citedBy', { count: citing.length })}</h2>
        {citing.length === 0 ? (
          <p className="meta">{t('bibliography.entry.citedByNone')}</p>
        ) : (
          <ul className="plain-list">
            {citing.map(({ record, claimIds, references }) => (
              <li key={record.id} className="citing-record">
                <a href={recordHref(collectionId, record.id)}>{record.title}</a>{' '}
                <span className="meta">
                  {t(`browse.kind.${record.kind}`, { defaultValue: record.kind })}
                  {claimIds.length > 0 && ` · ${t('bibliography.entry.claims', { count: claimIds.length })}`}
                </span>{' '}
                <CiteButton collection={collection} references={references} subject={record.title} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

function FormattedEntry({ item }: { item: CslItem }) {
  return (
    <WithFormatter
      className="formatted-entry"
      deps={[item]}
      load={async (client, options) => {
        const [reference, citation] = await Promise.all([
          client.reference(item, options),
          client.citation({ source: item }, options),
        ]);
        return { reference, citation };
      }}
    >
      {({ reference, citation }, options) => (
        <FormattedEntryBody item={item} reference={reference} citation={citation} options={options} />
      )}
    </WithFormatter>
  );
}

function FormattedEntryBody({
  item,
  reference,
  citation,
  options,
}: {
  item: CslItem;
  reference: FormattedText | null;
  citation: FormattedText;
  options: FormatOptions;
}) {
  const { t } = useTranslation();
  const isNote = citationStyle(options.style).citationForm === 'note';
  return (
    <>
      <h2>{t('bibliography.cite.reference')}</h2>
      {reference ? (
        <>
          <p className="formatted-reference" data-testid="formatted-reference">
            <FormattedHtml html={reference.html} />
          </p>
          <IncompleteMark item={item} as="p" />
          <CopyButton text={reference.text} label={t('bibliography.cite.copyReference')} />
        </>
      ) : (
        <>
          <p className="meta">{t('bibliography.noReference')}</p>
          <IncompleteMark item={item} as="p" />
        </>
      )}
      <h2>{isNote ? t('bibliography.cite.note') : t('bibliography.cite.inText')}</h2>
      <p className="formatted-citation">
        <FormattedHtml html={citation.html} />
      </p>
      <CopyButton
        text={citation.text}
        label={isNote ? t('bibliography.cite.copyNote') : t('bibliography.cite.copyInText')}
      />
    </>
  );
}

/** What the collection records about the work, field by field (its CSL-JSON, readably). */
function EntryDetails({ item }: { item: CslItem }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode][] = [];
  const add = (key: string, value: ReactNode) => {
    if (value !== undefined && value !== null && value !== '') rows.push([key, value]);
  };
  add('type', t(`bibliography.type.${item.type}`, { defaultValue: item.type }));
  add('title', item.title);
  add('author', item.author?.map(personName).join('; '));
  add('editor', item.editor?.map(personName).join('; '));
  add('translator', item.translator?.map(personName).join('; '));
  add('year', yearOf(item));
  add('container', item['container-title']);
  add('collection', item['collection-title']);
  add('volume', item.volume);
  add('issue', item.issue);
  add('pages', item.page);
  add('publisher', item.publisher);
  add('place', item['publisher-place']);
  add('language', item.language);
  add('isbn', item.ISBN);
  add('url', item.URL);
  add('note', item.note);
  add('id', item.id);
  return (
    <dl className="entry-details">
      {rows.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`bibliography.field.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {!item.title && (
        <div>
          <dt>{t('bibliography.field.title')}</dt>
          <dd className="meta">{t('bibliography.entry.untitled')}</dd>
        </div>
      )}
    </dl>
  );
}
