import { useTranslation } from 'react-i18next';
import type { CslItem } from '@shared/collection/schema';
import type { IntegrityFinding } from '@shared/collection/integrity';
import type { LoadedRecord } from '@shared/collection/model';
import { bibliographyHref, recordHref } from '@shared/links';
import { shortLabel } from './model';

/**
 * Citation-integrity findings: where a source's in-text citations and its printed reference list do not
 * add up. The messages are computed from the collection's data when it loads.
 */
export function SourceNotesList({
  findings,
  collectionId,
  bibliography,
  records,
  showWorks,
}: {
  findings: readonly IntegrityFinding[];
  collectionId: string;
  bibliography: ReadonlyMap<string, CslItem>;
  records: ReadonlyMap<string, LoadedRecord>;
  /** List the works each note concerns (not needed on a work's own page). */
  showWorks: boolean;
}) {
  const { t } = useTranslation();
  const editedBy = (names: string) => t('bibliography.editedBy', { names });
  return (
    <ul className="source-notes">
      {findings.map((finding, index) => {
        const checked = records.get(finding.sourceRecordId);
        return (
          <li key={`${finding.kind}-${finding.sourceRecordId}-${index}`} className="source-note">
            <span className="badge badge-warning">{t(`bibliography.finding.${finding.kind}`)}</span>{' '}
            {finding.message}
            <div className="meta">
              {checked && (
                <>
                  {t('bibliography.notes.checkedIn')}{' '}
                  <a href={recordHref(collectionId, checked.id)}>{checked.title}</a>
                </>
              )}
              {showWorks && finding.bibliographyIds.length > 0 && (
                <>
                  {checked && ' · '}
                  {t('bibliography.notes.concerns')}{' '}
                  {finding.bibliographyIds.map((id, position) => {
                    const item = bibliography.get(id);
                    return (
                      <span key={id}>
                        {position > 0 && ', '}
                        <a href={bibliographyHref(collectionId, id)}>
                          {item ? shortLabel(item, editedBy) : id}
                        </a>
                      </span>
                    );
                  })}
                </>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
