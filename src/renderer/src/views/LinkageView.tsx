import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkGroups } from '@shared/linkage/groups';
import type { Decision } from '@shared/linkage/types';
import { useApi } from '../api/ApiContext';
import { collectionsSignal } from '../api/collections-changed';
import { useResult } from '../api/use-result';
import { ViewHeading } from '../shell/ViewHeading';
import { Contradictions, OrphanedDecisions } from '../linkage/DecisionNotices';
import { collectionOf } from '../linkage/queue-model';
import { ReviewQueue } from '../linkage/ReviewQueue';
import { RunPanel } from '../linkage/RunPanel';
import { useDecisionList } from '../linkage/use-decision-list';
import { useLinkageRun } from '../linkage/use-linkage-run';
import '../linkage/linkage.css';

const NO_DECISIONS: Decision[] = [];

/** Linkage: choose collections, run in the worker, review the candidate pairs by keyboard. */
export default function LinkageView() {
  const { t } = useTranslation();
  const api = useApi();
  const list = useResult(() => api.call('collections.list', {}), [api], {
    refetchOn: collectionsSignal(api),
  });
  const collections = useMemo(() => (list.status === 'ok' ? list.value : []), [list]);
  const { state, last, run, cancel } = useLinkageRun();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(last?.snapshot.collections ?? []));
  const loaded = useDecisionList();
  const decisions = loaded.status === 'ok' ? loaded.value : NO_DECISIONS;
  const groups = useMemo(() => linkGroups(decisions), [decisions]);

  const installed = useMemo(() => new Set(collections.map((c) => c.id)), [collections]);
  const records = last?.records ?? new Map();
  const present = (id: string) => {
    const collection = collectionOf(id);
    if (!installed.has(collection)) return false;
    // Only the collections the last run loaded are known record by record.
    return !last?.snapshot.collections.includes(collection) || records.has(id);
  };
  const orphans =
    list.status === 'ok' ? decisions.filter((d) => !present(d.a) || !present(d.b)) : NO_DECISIONS;

  return (
    <div className="linkage-view">
      <ViewHeading id="linkage-heading">{t('linkage.view.title')}</ViewHeading>
      <p className="linkage-intro">{t('linkage.view.intro')}</p>
      <RunPanel
        collections={collections}
        chosen={chosen}
        onChoose={setChosen}
        state={state}
        last={last}
        onRun={() => void run(collections.filter((c) => chosen.has(c.id)).map((c) => c.id))}
        onCancel={cancel}
      />
      <Contradictions groups={groups} records={records} />
      <OrphanedDecisions orphans={orphans} present={present} records={records} />
      {last && (
        <ReviewQueue
          candidates={last.snapshot.candidates}
          records={records}
          decisions={decisions}
          collections={collections.filter((c) => last.snapshot.collections.includes(c.id))}
          autoFocus={state.kind === 'done'}
        />
      )}
    </div>
  );
}
