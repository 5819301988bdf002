/**
 * "Also in" on a person's record page: the records the user linked to this one as the same person
 * (the whole transitive group), side by side on the fields where their sources differ, the way
 * competing figures are shown; contradictions inside the group flagged; "not the same" decisions
 * listed quietly. Nothing is merged: every record stays as its source wrote it. Model: also-in-model.ts.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LoadedCollection, LoadedRecord } from '@shared/collection/model';
import { ok } from '@shared/result';
import { useApi } from '../api/ApiContext';
import { useResult } from '../api/use-result';
import { displayTitle } from '../collection/format';
import { fetchSlice } from '../collection/record-slice';
import { useDecisions } from '../linkage/DecisionsContext';
import {
  buildAlsoIn,
  groupDecisions,
  splitLinkId,
  type AlsoInSource,
  type LinkedRecord,
} from './also-in-model';
import { recordLink } from './paths';
import './person.css';

function RecordName({ linked }: { linked: LinkedRecord }) {
  const { t, i18n } = useTranslation();
  if (!linked.record) return <>{t('linkage.alsoIn.unavailable', { id: linked.id })}</>;
  return (
    <>
      <Link href={recordLink(linked.collectionId, linked.recordId)}>
        {displayTitle(linked.record, i18n.language)}
      </Link>{' '}
      <span className="meta">({linked.collectionTitle ?? linked.collectionId})</span>
    </>
  );
}

const plainName = (linked: LinkedRecord, language: string) =>
  linked.record
    ? `${displayTitle(linked.record, language)} (${linked.collectionTitle ?? linked.collectionId})`
    : linked.id;

export function AlsoIn({ collection, record }: { collection: LoadedCollection; record: LoadedRecord }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const decisions = useDecisions();
  const collectionId = collection.manifest.id;
  const id = `${collectionId}/${record.id}`;
  const state = useResult(
    async () => {
      const found = await groupDecisions(id, (other) => decisions.forRecord(other));
      const wanted = new Map<string, string[]>();
      for (const linked of found.flatMap((d) => [d.a, d.b]).map(splitLinkId)) {
        const ids = wanted.get(linked.collectionId);
        if (ids) ids.push(linked.recordId);
        else wanted.set(linked.collectionId, [linked.recordId]);
      }
      // Only the linked records are asked for, never a whole collection; a collection that is gone
      // leaves its records named by id, never hidden.
      const collections = new Map<string, AlsoInSource>([[collectionId, collection]]);
      for (const [other, ids] of wanted) {
        const known = other === collectionId ? collection : undefined;
        const missing = ids.filter((recordId) => !known?.records.some((r) => r.id === recordId));
        if (missing.length === 0) continue;
        const slice = await fetchSlice(api, other, missing);
        if (!slice.ok) continue;
        collections.set(
          other,
          known
            ? { manifest: known.manifest, records: [...known.records, ...slice.value.records] }
            : slice.value,
        );
      }
      return ok(buildAlsoIn(id, found, collections));
    },
    [api, decisions, collection, id],
    { refetchOn: decisions.changes },
  );
  if (state.status !== 'ok') return null;
  const model = state.value;
  const others = model.members.slice(1);
  if (others.length === 0 && model.notSame.length === 0 && model.unsure.length === 0) return null;

  return (
    <section aria-labelledby="also-in-heading" className="also-in">
      <h2 id="also-in-heading">{t('linkage.alsoIn.title')}</h2>
      {model.contradictions.map(({ a, b, decision }) => (
        <p key={`${decision.a}\n${decision.b}`} className="also-in-contradiction">
          <span className="badge badge-warning">{t('linkage.alsoIn.contradictionBadge')}</span>{' '}
          {t('linkage.alsoIn.contradiction', {
            a: plainName(a, i18n.language),
            b: plainName(b, i18n.language),
          })}
        </p>
      ))}
      {others.length > 0 && (
        <>
          <p>{t('linkage.alsoIn.intro', { count: others.length })}</p>
          <ul aria-label={t('linkage.alsoIn.listLabel')}>
            {others.map((linked) => (
              <li key={linked.id}>
                <RecordName linked={linked} />
              </li>
            ))}
          </ul>
          {model.differences.length > 0 ? (
            <table className="claims-table also-in-table">
              <caption>{t('linkage.alsoIn.differences')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('linkage.alsoIn.field')}</th>
                  <th scope="col">{t('linkage.alsoIn.thisRecord')}</th>
                  {others.map((linked) => (
                    <th scope="col" key={linked.id}>
                      {plainName(linked, i18n.language)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {model.differences.map((difference) => (
                  <tr key={difference.field}>
                    <th scope="row">{t(`person.field.${difference.field}`)}</th>
                    {difference.values.map((value, index) => (
                      <td key={index} className="person-verbatim">
                        {value ?? <span className="meta">{t('linkage.alsoIn.missing')}</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="meta">{t('linkage.alsoIn.noDifferences')}</p>
          )}
        </>
      )}
      {model.notSame.length > 0 && (
        <div className="meta also-in-apart">
          <span>{t('linkage.alsoIn.notSame')}</span>
          <ul>
            {model.notSame.map((linked) => (
              <li key={linked.id}>
                <RecordName linked={linked} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {model.unsure.length > 0 && (
        <div className="meta also-in-apart">
          <span>{t('linkage.alsoIn.unsure')}</span>
          <ul>
            {model.unsure.map((linked) => (
              <li key={linked.id}>
                <RecordName linked={linked} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
