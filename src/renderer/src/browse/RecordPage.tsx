import { useMemo } from 'react';
import { bibliographyHref } from '@shared/links';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Claim, CslItem } from '@shared/collection/schema';
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import {
  bibliographyIndex,
  displayTitle,
  formatClaimFigure,
  formatEdtf,
  formatNumber,
  formatRecordDates,
  shortSource,
} from '../collection/format';
import { ReturnLink } from '../shell/ReturnLink';
import {
  localizedClaimLabel,
  localizedClaimNote,
  localizedFlagNote,
  localizedRecordText,
} from '../collection/localized';
import { ViewHeading } from '../shell/ViewHeading';
import { CiteButton } from '../bibliography/CiteThis';
import { NotesPanel } from '../notes/NotesPanel';
import { AlsoIn } from './AlsoIn';
import { InPhotographedFiles } from '../photos/InPhotographedFiles';
import { groupClaims } from '@shared/collection/claim-groups';
import { LinkedText } from './LinkedText';
import { PersonFields } from './PersonFields';
import { recordLink } from './paths';
import { hasUnverifiedContent, incomingRelations } from '@shared/collection/record-filters';

export function RecordPage({ collection, recordId }: { collection: LoadedCollection; recordId: string }) {
  const { t, i18n } = useTranslation();
  const byId = useMemo(
    () => new Map(collection.records.map((record) => [record.id, record])),
    [collection.records],
  );
  const bibliography = useMemo(() => bibliographyIndex(collection.bibliography), [collection.bibliography]);
  const claimRecord = useMemo(() => {
    const map = new Map<string, string>();
    for (const record of collection.records) for (const claim of record.claims) map.set(claim.id, record.id);
    return (claimId: string) => map.get(claimId);
  }, [collection.records]);
  const incoming = useMemo(() => incomingRelations(collection.records), [collection.records]);
  const record = byId.get(recordId);
  const collectionId = collection.manifest.id;

  if (!record) {
    return (
      <section className="view" aria-labelledby="record-missing">
        <ViewHeading id="record-missing">{t('browse.recordMissing.title')}</ViewHeading>
        <p>{t('browse.recordMissing.body', { id: recordId })}</p>
        <Link href="~/browse">{t('browse.backToList')}</Link>
      </section>
    );
  }

  const dates = formatRecordDates(record, i18n.language);
  const text = localizedRecordText(record, i18n.language, collection.manifest.textLanguage);
  const otherLabels = (['en', 'lt', 'ru'] as const)
    .map((language) => ({ language, label: record.labels[language] }))
    .filter((entry): entry is { language: 'en' | 'lt' | 'ru'; label: string } => Boolean(entry.label));
  // When the heading shows a label in the interface language, the record's own title is an alternate too.
  const titleAsAlternate =
    displayTitle(record, i18n.language) !== record.title &&
    !otherLabels.some((entry) => entry.label === record.title);
  const referrers = [...(incoming.get(record.id) ?? [])]
    .map((id) => byId.get(id))
    .filter((r): r is LoadedRecord => Boolean(r));
  const findings = collection.integrity.findings.filter(
    (finding) =>
      finding.sourceRecordId === record.id ||
      finding.claimIds.some((id) => record.claims.some((c) => c.id === id)),
  );

  return (
    <article className="view record-page" aria-labelledby="record-heading">
      <p className="meta">
        <ReturnLink href="~/browse" label={t('browse.backToList')} />
      </p>
      <ViewHeading id="record-heading">{displayTitle(record, i18n.language)}</ViewHeading>
      <p className="meta">
        <span className="badge">{t(`browse.kind.${record.kind}`)}</span>
        {dates && <span className="record-dates">{dates}</span>}
        {record.date && (
          <span className="edtf" title={t('browse.edtfTitle')}>
            {' '}
            (<code>{record.date}</code>)
          </span>
        )}
        {hasUnverifiedContent(record) && (
          <span className="badge badge-warning">{t('browse.unverifiedContent')}</span>
        )}
      </p>
      {(record.flags ?? []).length > 0 && (
        <ul className="flags" aria-label={t('browse.flags')}>
          {(record.flags ?? []).map((flag, index) => (
            <li key={index}>
              <strong>{t(`browse.flag.${flag.type}`)}</strong>
              {flag.note ? `: ${localizedFlagNote(flag, i18n.language) ?? ''}` : ''}
            </li>
          ))}
        </ul>
      )}

      {/* Imported people carry their facts as fields: their summary may be empty. */}
      {text.summary !== '' && (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('browse.section.summary')}</h2>
          {text.fallback && (
            <p className="meta translation-fallback">
              {t('browse.translationFallback', {
                language: t(`browse.language.${text.summaryLanguage}`, {
                  defaultValue: text.summaryLanguage,
                }),
              })}
            </p>
          )}
          <p className="summary" lang={text.summaryLanguage}>
            <LinkedText text={text.summary} collectionId={collectionId} claimRecord={claimRecord} />
          </p>
        </section>
      )}

      {record.kind === 'person' && <PersonFields collection={collection} record={record} />}
      {record.kind === 'person' && <AlsoIn collection={collection} record={record} />}
      <InPhotographedFiles collectionId={collectionId} recordId={record.id} />

      {record.claims.length > 0 && (
        <ClaimsSection collection={collection} claims={record.claims} bibliography={bibliography} />
      )}

      {record.altDates.length > 0 && (
        <section aria-labelledby="altdates-heading">
          <h2 id="altdates-heading">{t('browse.section.altDates')}</h2>
          <ul>
            {record.altDates.map((alt, index) => (
              <li key={index}>
                {formatEdtf(alt.date, i18n.language)} (<code>{alt.date}</code>) —{' '}
                {alt.source ? shortSource(bibliography.get(alt.source), t) : t('browse.noSource')}
                {alt.locator ? `, ${alt.locator}` : ''}
                {alt.note ? ` (${alt.note})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      {record.kind === 'place' && record.coordinates && (
        <section aria-labelledby="coordinates-heading">
          <h2 id="coordinates-heading">{t('browse.section.coordinates')}</h2>
          <p>
            {record.coordinates.lat.toFixed(4)}, {record.coordinates.lon.toFixed(4)}{' '}
            <StatusBadge status={record.coordinates.status} />
            {record.coordinates.source && ` — ${shortSource(bibliography.get(record.coordinates.source), t)}`}
            {record.coordinates.note ? ` (${record.coordinates.note})` : ''}
          </p>
        </section>
      )}

      {(otherLabels.length > 0 || record.altNames.length > 0 || titleAsAlternate) && (
        <section aria-labelledby="names-heading">
          <h2 id="names-heading">{t('browse.section.names')}</h2>
          <ul>
            {titleAsAlternate && <li>{record.title}</li>}
            {otherLabels.map(({ language, label }) => (
              <li key={language} lang={language}>
                {label} <span className="meta">({t(`browse.language.${language}`)})</span>
              </li>
            ))}
            {record.altNames.map((alt, index) => (
              <li key={`alt-${index}`} lang={alt.lang}>
                {alt.name}
                {alt.lang && (
                  <span className="meta">
                    {' '}
                    ({t(`browse.language.${alt.lang}`, { defaultValue: alt.lang })})
                  </span>
                )}
                {alt.note && <span className="meta"> — {alt.note}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {(record.relations.length > 0 || referrers.length > 0) && (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">{t('browse.section.related')}</h2>
          <ul>
            {record.relations.map((relation, index) => {
              const target = byId.get(relation.target);
              return (
                <li key={`out-${index}`}>
                  <span className="meta">{t(`browse.relation.${relation.type}`)}: </span>
                  <Link href={recordLink(collectionId, relation.target)}>
                    {target ? displayTitle(target, i18n.language) : relation.target}
                  </Link>
                  {relation.note && <span className="meta"> — {relation.note}</span>}
                </li>
              );
            })}
            {referrers.map((other) => (
              <li key={`in-${other.id}`}>
                <span className="meta">{t('browse.referencedBy')}: </span>
                <Link href={recordLink(collectionId, other.id)}>{displayTitle(other, i18n.language)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {record.citations.length > 0 && (
        <section aria-labelledby="citations-heading">
          <h2 id="citations-heading">{t('browse.section.citations')}</h2>
          <ul>
            {record.citations.map((citation, index) => (
              <li key={index}>
                <SourceLabel
                  source={citation.source}
                  locator={citation.locator}
                  via={citation.via}
                  bibliography={bibliography}
                  collectionId={collectionId}
                />{' '}
                <StatusBadge status={citation.status} />
                {citation.note && <span className="meta"> — {citation.note}</span>}{' '}
                <CiteButton
                  collection={collection}
                  references={[citation]}
                  subject={`${displayTitle(record, i18n.language)} (${shortSource(
                    citation.source ? bibliography.get(citation.source) : undefined,
                    t,
                  )})`}
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {record.kind === 'source' && record.citationData && (
        <section aria-labelledby="reference-list-heading">
          <h2 id="reference-list-heading">{t('browse.section.referenceList')}</h2>
          <p className="meta">{t('browse.referenceListNote')}</p>
          <ol className="printed-references">
            {record.citationData.referenceList.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ol>
        </section>
      )}

      {findings.length > 0 && (
        <section aria-labelledby="source-notes-heading">
          <h2 id="source-notes-heading">{t('browse.section.sourceNotes')}</h2>
          <ul>
            {findings.map((finding, index) => (
              <li key={index}>{finding.message}</li>
            ))}
          </ul>
        </section>
      )}

      <NotesPanel target={{ kind: 'record', collectionId, recordId: record.id }} />
    </article>
  );
}

function ClaimsSection({
  collection,
  claims,
  bibliography: bib,
}: {
  collection: LoadedCollection;
  claims: Claim[];
  bibliography: Map<string, CslItem>;
}) {
  const { t, i18n } = useTranslation();
  const collectionId = collection.manifest.id;
  const groups = groupClaims(claims);
  return (
    <section aria-labelledby="claims-heading">
      <h2 id="claims-heading">{t('browse.section.claims')}</h2>
      {groups.map((group, index) => (
        <table key={index} className="claims-table">
          <caption>
            {localizedClaimLabel(group.claims[0] ?? group, i18n.language)}
            {group.spread && (
              <span className="spread">
                {' — '}
                {t('browse.claim.spread', {
                  count: group.claims.length,
                  min: formatNumber(group.spread.min, i18n.language),
                  max: formatNumber(group.spread.max, i18n.language),
                })}
              </span>
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('browse.claim.figure')}</th>
              <th scope="col">{t('browse.claim.source')}</th>
              <th scope="col">{t('browse.claim.status')}</th>
              <th scope="col">{t('browse.claim.note')}</th>
            </tr>
          </thead>
          <tbody>
            {group.claims.map((claim) => (
              <tr key={claim.id} id={`claim-${claim.id}`}>
                <td className="figure">{formatClaimFigure(claim, t, i18n.language)}</td>
                <td>
                  <SourceLabel
                    source={claim.source}
                    locator={claim.locator}
                    via={claim.via}
                    bibliography={bib}
                    collectionId={collectionId}
                  />
                  {(claim.jointSources ?? []).map((joint) => (
                    <span key={joint}>
                      ; <SourceLabel source={joint} bibliography={bib} collectionId={collectionId} />
                    </span>
                  ))}{' '}
                  <CiteButton
                    collection={collection}
                    references={[claim]}
                    subject={`${formatClaimFigure(claim, t, i18n.language)} (${localizedClaimLabel(claim, i18n.language)})`}
                  />
                </td>
                <td>
                  <StatusBadge status={claim.status} />
                </td>
                <td>
                  {claim.date && <span title={claim.date}>{formatEdtf(claim.date, i18n.language)}</span>}{' '}
                  {localizedClaimNote(claim, i18n.language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

function SourceLabel({
  source,
  locator,
  via,
  bibliography,
  collectionId,
}: {
  source: string | undefined;
  locator?: string | null;
  via?: string;
  bibliography: Map<string, CslItem>;
  collectionId: string;
}) {
  const { t } = useTranslation();
  if (!source) return <span className="meta">{t('browse.noSource')}</span>;
  return (
    <>
      <a href={bibliographyHref(collectionId, source)}>{shortSource(bibliography.get(source), t)}</a>
      {locator ? `, ${locator}` : ''}
      {via && (
        <span className="meta">
          {' '}
          {t('browse.claim.via', { source: shortSource(bibliography.get(via), t) })}
        </span>
      )}
    </>
  );
}

function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`browse.status.${status}`)}</span>;
}
