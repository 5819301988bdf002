/**
 * The registry part of a person's record page: the typed fields with labels in the interface language
 * and values exactly as the source wrote them, the source's other columns under their own headers,
 * the other members of the same family or case file, and where the row came from with "Cite this".
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CslItem, PersonRecord } from '@shared/collection/schema';
import {
  PERSON_DATE_FIELDS,
  type DateCell,
  type PersonFields as PersonFieldValues,
} from '@shared/collection/person';
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import { CiteButton } from '../bibliography/CiteThis';
import { displayTitle } from '../collection/format';
import { recordLink } from './paths';
import { formatEdtf } from '../collection/dates';
import './person.css';

type Person = PersonRecord & LoadedRecord;

/** The order of the page: who, birth, life, persecution, fate, references. */
const FIELD_ORDER = [
  'sourceId',
  'surname',
  'givenName',
  'patronymic',
  'fullName',
  'sex',
  'birthDate',
  'birthPlace',
  'nationality',
  'education',
  'occupation',
  'party',
  'residence',
  'caseNumber',
  'familyRole',
  'arrestDate',
  'charge',
  'sentenceDate',
  'sentence',
  'repression',
  'operation',
  'deportationDate',
  'destination',
  'releaseDate',
  'returnDate',
  'deathDate',
  'deathPlace',
  'burialPlace',
  'rehabilitationDate',
  'notes',
] as const satisfies readonly (keyof PersonFieldValues)[];

const DATE_FIELDS = new Set<string>(PERSON_DATE_FIELDS);
const REFERENCE_PARTS = ['archive', 'fond', 'opis', 'delo', 'sheet'] as const;
const LIST_PARTS = ['list', 'page'] as const;

function DateValue({ cell }: { cell: DateCell }) {
  const { t, i18n } = useTranslation();
  // The one EDTF formatter of the app, so a person's dates read as every other date does; a reading
  // is shown only where it adds to the source's text (not for a bare "1927").
  const reading = cell.edtf ? formatEdtf(cell.edtf, i18n.language) : null;
  const alternatives = (cell.alternatives ?? []).map((alt) => formatEdtf(alt, i18n.language)).join('; ');
  return (
    <>
      <span className="person-verbatim">{cell.text}</span>
      {reading && cell.edtf !== cell.text && reading !== cell.text && (
        <span className="meta"> ({t('person.date.readAs', { date: reading })})</span>
      )}
      {alternatives && (
        <span className="meta"> ({t('person.date.alternatives', { dates: alternatives })})</span>
      )}
      {cell.review && (
        <>
          {' '}
          <span className="badge badge-warning" title={t(`person.review.${cell.review}`)}>
            {t('person.review.badge')}
          </span>
        </>
      )}
    </>
  );
}

function FieldRows({ person }: { person: PersonFieldValues }) {
  const { t } = useTranslation();
  const rows: { key: string; label: string; value: React.ReactNode }[] = [];
  for (const field of FIELD_ORDER) {
    const value = person[field];
    if (value === undefined) continue;
    let shown: React.ReactNode;
    if (DATE_FIELDS.has(field)) shown = <DateValue cell={value as DateCell} />;
    else if (field === 'sex') shown = person.sex?.text;
    else if (field === 'repression') {
      const types = person.repression?.types ?? [];
      shown = (
        <>
          {person.repression?.text}
          {types.length > 0 && (
            <span className="meta">
              {' '}
              ({types.map((type) => t(`person.repressionType.${type}`)).join(', ')})
            </span>
          )}
        </>
      );
    } else shown = value as string;
    rows.push({ key: field, label: t(`person.field.${field}`), value: shown });
  }
  const reference = person.archivalReference;
  if (reference?.text)
    rows.push({ key: 'ref', label: t('person.field.archivalReference'), value: reference.text });
  for (const part of REFERENCE_PARTS) {
    const value = reference?.[part];
    if (value) rows.push({ key: `ref-${part}`, label: t(`person.field.${part}`), value });
  }
  const source = person.listSource;
  if (source?.text) rows.push({ key: 'src', label: t('person.field.listSource'), value: source.text });
  for (const part of LIST_PARTS) {
    const value = source?.[part];
    if (value) rows.push({ key: `src-${part}`, label: t(`person.field.list.${part}`), value });
  }
  if (rows.length === 0) return null;
  return (
    <dl className="person-fields">
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** People of the collection sharing a case file number, by number; built once per collection. */
export function familiesByCase(records: readonly LoadedRecord[]): Map<string, LoadedRecord[]> {
  const byCase = new Map<string, LoadedRecord[]>();
  for (const record of records) {
    if (record.kind !== 'person') continue;
    const caseNumber = record.person?.caseNumber;
    if (!caseNumber) continue;
    const members = byCase.get(caseNumber);
    if (members) members.push(record);
    else byCase.set(caseNumber, [record]);
  }
  return byCase;
}

/**
 * Protects a name from the style's case changes (CSL "nocase"): English title case would turn a list
 * named "Tremtiniai iš Kauno" into "Tremtiniai Iš Kauno", and sentence capitals would misspell the file.
 */
const verbatim = (value: string) => `<span class="nocase">${value}</span>`;

/** The imported list itself as a work to cite: its title as the user named it, the file it came from. */
export function listAsSource(collection: LoadedCollection, file: string): CslItem {
  return {
    id: `atmintis-list-${collection.manifest.id}`,
    type: 'dataset',
    title: verbatim(collection.manifest.title),
    medium: verbatim(file),
  };
}

export function PersonFields({ collection, record }: { collection: LoadedCollection; record: Person }) {
  const { t, i18n } = useTranslation();
  const families = useMemo(() => familiesByCase(collection.records), [collection.records]);
  const collectionId = collection.manifest.id;
  const caseNumber = record.person?.caseNumber;
  const family = caseNumber ? (families.get(caseNumber) ?? []).filter((r) => r.id !== record.id) : [];
  const other = record.otherFields ?? [];
  const provenance = record.provenance;
  const list = provenance ? listAsSource(collection, provenance.file) : undefined;
  const importedAt = provenance ? new Date(provenance.importedAt) : undefined;

  return (
    <>
      {record.person && (
        <section aria-labelledby="person-heading">
          <h2 id="person-heading">{t('person.section.fields')}</h2>
          <FieldRows person={record.person} />
        </section>
      )}
      {other.length > 0 && (
        <section aria-labelledby="other-fields-heading">
          <h2 id="other-fields-heading">{t('person.section.otherFields')}</h2>
          <p className="meta">{t('person.otherFieldsNote')}</p>
          <dl className="person-fields">
            {other.map((field, index) => (
              <div key={index}>
                <dt>{field.header}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {family.length > 0 && (
        <section aria-labelledby="family-heading">
          <h2 id="family-heading">{t('person.section.family', { caseNumber })}</h2>
          <ul>
            {family.map((member) => (
              <li key={member.id}>
                <Link href={recordLink(collectionId, member.id)}>{displayTitle(member, i18n.language)}</Link>
                {member.kind === 'person' && member.person?.familyRole && (
                  <span className="meta"> — {member.person.familyRole}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {provenance && list && (
        <section aria-labelledby="provenance-heading">
          <h2 id="provenance-heading">{t('person.section.provenance')}</h2>
          <dl className="person-fields">
            <div>
              <dt>{t('person.provenance.collection')}</dt>
              <dd>{collection.manifest.title}</dd>
            </div>
            <div>
              <dt>{t('person.provenance.file')}</dt>
              <dd>{provenance.file}</dd>
            </div>
            <div>
              <dt>{t('person.provenance.row')}</dt>
              <dd>{provenance.row}</dd>
            </div>
            <div>
              <dt>{t('person.provenance.importedAt')}</dt>
              <dd>
                <time dateTime={provenance.importedAt}>
                  {importedAt && !Number.isNaN(importedAt.getTime())
                    ? new Intl.DateTimeFormat(i18n.language, {
                        dateStyle: 'long',
                        timeStyle: 'short',
                      }).format(importedAt)
                    : provenance.importedAt}
                </time>
              </dd>
            </div>
          </dl>
          <CiteButton
            collection={{ bibliography: [list] }}
            references={[
              {
                source: list.id,
                locator: record.person?.listSource?.page
                  ? t('person.cite.rowAndPage', { row: provenance.row, page: record.person.listSource.page })
                  : t('person.cite.row', { row: provenance.row }),
              },
            ]}
            subject={displayTitle(record, i18n.language)}
          />
        </section>
      )}
    </>
  );
}
