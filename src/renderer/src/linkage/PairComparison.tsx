import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DEFAULT_THRESHOLD } from '@shared/linkage/run';
import type { Decision, DecisionKind, FieldExplanation, LinkRecord, Outcome } from '@shared/linkage/types';
import { recordLink } from '../browse/paths';
import { formatBits, recordTitle } from './labels';
import { collectionOf, recordOf, type QueueItem } from './queue-model';

/** A symbol beside each outcome's word, so the outcome never rests on colour alone. */
const OUTCOME_MARK: Record<Outcome, string> = { agree: '=', partial: '≈', disagree: '≠', missing: '–' };

export interface PairComparisonProps {
  item: QueueItem;
  /** One of the one-to-one proposals. */
  proposed: boolean;
  records: ReadonlyMap<string, LinkRecord>;
  /** "Different people" decisions inside a same-person group that holds either record. */
  contradictions: readonly Decision[];
  note: string;
  onNoteChange(note: string): void;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onNoteDone(): void;
  onDecide(decision: DecisionKind): void;
  onSaveNote(): void;
}

/** One candidate pair side by side: every compared field as written, its outcome and its weight. */
export function PairComparison({
  item,
  proposed,
  records,
  contradictions,
  note,
  onNoteChange,
  noteRef,
  onNoteDone,
  onDecide,
  onSaveNote,
}: PairComparisonProps) {
  const { t, i18n } = useTranslation();
  const { candidate, decision } = item;
  const titleA = recordTitle(records, candidate.a);
  const titleB = recordTitle(records, candidate.b);
  const bits = (value: number, signed = false) =>
    t('linkage.pair.bits', { bits: formatBits(value, i18n.language, signed) });
  const recordHeader = (id: string, title: string) => (
    <Link
      href={recordLink(collectionOf(id), recordOf(id))}
      aria-label={t('linkage.pair.open', { title })}
      className="linkage-record-link"
    >
      {title}
    </Link>
  );
  const value = (text: string | undefined) =>
    text === undefined || text === '' ? (
      <span className="linkage-missing">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('linkage.pair.notGiven')}</span>
      </span>
    ) : (
      text
    );
  const row = (field: FieldExplanation) => (
    <tr key={field.field} className={`linkage-outcome-${field.outcome}`}>
      <th scope="row">{t(`linkage.pair.fields.${field.field}`)}</th>
      <td>{value(field.a)}</td>
      <td>{value(field.b)}</td>
      <td>
        <span aria-hidden="true" className="linkage-outcome-mark">
          {OUTCOME_MARK[field.outcome]}
        </span>{' '}
        {t(`linkage.pair.outcomes.${field.outcome}`)}
        {field.outcome !== 'missing' && ` (${t(`linkage.pair.levels.${field.level}`)})`}
      </td>
      <td className="linkage-weight">{bits(field.weight, true)}</td>
    </tr>
  );

  return (
    <section className="linkage-pair" aria-labelledby="linkage-pair-heading">
      <h3 id="linkage-pair-heading">{t('linkage.pair.heading')}</h3>
      <p className="linkage-score">
        {t('linkage.pair.score', {
          score: formatBits(candidate.score, i18n.language),
          band: t(`linkage.queue.bandShort.${item.band}`, { threshold: DEFAULT_THRESHOLD }),
        })}
      </p>
      {proposed && (
        <p className="linkage-proposed">{t('linkage.pair.proposed', { threshold: DEFAULT_THRESHOLD })}</p>
      )}
      {contradictions.length > 0 && (
        <p className="linkage-contradiction badge-warning">
          <span aria-hidden="true">⚠ </span>
          {t('linkage.pair.contradiction', {
            pairs: contradictions
              .map((d) => `${recordTitle(records, d.a)} ≠ ${recordTitle(records, d.b)}`)
              .join('; '),
          })}
        </p>
      )}
      <table className="linkage-fields">
        <caption>{t('linkage.pair.caption', { a: titleA, b: titleB })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('linkage.pair.field')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('linkage.pair.recordA')}: </span>
              {recordHeader(candidate.a, titleA)}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('linkage.pair.recordB')}: </span>
              {recordHeader(candidate.b, titleB)}
            </th>
            <th scope="col">{t('linkage.pair.outcome')}</th>
            <th scope="col">{t('linkage.pair.weight')}</th>
          </tr>
        </thead>
        <tbody>{candidate.fields.map(row)}</tbody>
      </table>
      {candidate.householdCapped !== undefined && (
        <p className="linkage-capped">
          {t('linkage.pair.capped', { bits: formatBits(candidate.householdCapped, i18n.language) })}
        </p>
      )}
      <p className="linkage-decision-now">
        {decision
          ? t('linkage.pair.decisionNow', { decision: t(`linkage.queue.decision.${decision.decision}`) })
          : t('linkage.pair.decisionNone')}
      </p>
      <div className="linkage-decide">
        {(['same', 'different', 'unsure'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={decision?.decision === kind}
            aria-keyshortcuts={kind === 'same' ? 's' : kind === 'different' ? 'd' : 'u'}
            onClick={() => onDecide(kind)}
          >
            {t(`linkage.pair.decide.${kind}`)}{' '}
            <kbd aria-hidden="true">{kind === 'same' ? 's' : kind === 'different' ? 'd' : 'u'}</kbd>
          </button>
        ))}
      </div>
      <label className="linkage-note">
        <span>
          {t('linkage.pair.noteLabel')} <kbd aria-hidden="true">n</kbd>
        </span>
        <textarea
          ref={noteRef}
          value={note}
          rows={2}
          aria-describedby="linkage-note-hint"
          onChange={(event) => onNoteChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onNoteDone();
            }
          }}
        />
      </label>
      <p id="linkage-note-hint" className="linkage-hint">
        {t('linkage.pair.noteHint')}
      </p>
      {decision && note !== decision.note && (
        <button type="button" onClick={onSaveNote}>
          {t('linkage.pair.saveNote')}
        </button>
      )}
    </section>
  );
}
