import { useTranslation } from 'react-i18next';
import type { LinkGroup } from '@shared/linkage/groups';
import type { Decision, LinkRecord } from '@shared/linkage/types';
import { recordTitle } from './labels';

/** Decisions whose record has gone: listed as they are, never dropped. */
export function OrphanedDecisions({
  orphans,
  present,
  records,
}: {
  orphans: readonly Decision[];
  /** Ids known to exist, so the gone side can be named. */
  present: (id: string) => boolean;
  records: ReadonlyMap<string, LinkRecord>;
}) {
  const { t } = useTranslation();
  if (orphans.length === 0) return null;
  const side = (id: string) =>
    present(id) ? recordTitle(records, id) : t('linkage.view.orphans.gone', { id });
  return (
    <section className="linkage-orphans" aria-labelledby="linkage-orphans-heading">
      <h2 id="linkage-orphans-heading">{t('linkage.view.orphans.heading')}</h2>
      <p>{t('linkage.view.orphans.intro')}</p>
      <ul>
        {orphans.map((decision) => (
          <li key={`${decision.a}\n${decision.b}`}>
            {t('linkage.view.orphans.item', {
              a: side(decision.a),
              b: side(decision.b),
              decision: t(`linkage.queue.decision.${decision.decision}`),
            })}
            {decision.note && ` — ${decision.note}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Same-person groups that also hold a "different people" decision: flagged, never resolved silently. */
export function Contradictions({
  groups,
  records,
}: {
  groups: readonly LinkGroup[];
  records: ReadonlyMap<string, LinkRecord>;
}) {
  const { t } = useTranslation();
  const flagged = groups.filter((group) => group.contradictions.length > 0);
  if (flagged.length === 0) return null;
  return (
    <section className="linkage-contradictions" aria-labelledby="linkage-contradictions-heading">
      <h2 id="linkage-contradictions-heading">
        <span aria-hidden="true">⚠ </span>
        {t('linkage.view.contradictions.heading')}
      </h2>
      <p>{t('linkage.view.contradictions.intro', { count: flagged.length })}</p>
      <ul>
        {flagged.flatMap((group) =>
          group.contradictions.map((decision) => (
            <li key={`${decision.a}\n${decision.b}`}>
              {t('linkage.view.contradictions.item', {
                a: recordTitle(records, decision.a),
                b: recordTitle(records, decision.b),
                members: group.members.length,
              })}
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
