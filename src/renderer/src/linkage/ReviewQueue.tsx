import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { proposeOneToOne } from '@shared/linkage/assign';
import { linkGroups, pairKey } from '@shared/linkage/groups';
import { DEFAULT_THRESHOLD } from '@shared/linkage/run';
import type { Candidate, Decision, DecisionKind, LinkRecord } from '@shared/linkage/types';
import { useDecisions } from './DecisionsContext';
import { formatBits, recordTitle } from './labels';
import { PairComparison } from './PairComparison';
import { KeyHints, QueueFiltersBar } from './QueueFilters';
import { QueueList, type QueueListHandle } from './QueueList';
import {
  collectionOf,
  decisionsByPair,
  filterQueue,
  keyAction,
  moveBy,
  nextUndecided,
  NO_FILTERS,
  orderCandidates,
  withDecisions,
  type QueueAction,
  type QueueFilters,
} from './queue-model';

export interface ReviewQueueProps {
  candidates: readonly Candidate[];
  records: ReadonlyMap<string, LinkRecord>;
  decisions: readonly Decision[];
  collections: readonly { id: string; title: string }[];
  /** Focus the queue when it first shows (after a run). */
  autoFocus?: boolean;
}

/** One step of undo: the pair and what it was before the decision (none, or an earlier decision). */
interface UndoStep {
  a: string;
  b: string;
  key: string;
  previous: Decision | undefined;
}

/** The review queue: filters, the pairs by score, the selected pair side by side, keyboard decisions. */
export function ReviewQueue({ candidates, records, decisions, collections, autoFocus }: ReviewQueueProps) {
  const { t, i18n } = useTranslation();
  const repository = useDecisions();
  const [filters, setFilters] = useState<QueueFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [note, setNote] = useState('');
  const undo = useRef<UndoStep[]>([]);
  const list = useRef<QueueListHandle>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  const byPair = useMemo(() => decisionsByPair(decisions), [decisions]);
  const ordered = useMemo(() => orderCandidates(candidates), [candidates]);
  const all = useMemo(() => withDecisions(ordered, byPair), [ordered, byPair]);
  const shown = useMemo(() => filterQueue(all, filters), [all, filters]);
  // The one-to-one proposals (docs/linkage.md): a suggestion shown beside the score, never a decision.
  const proposed = useMemo(
    () => new Set(proposeOneToOne(candidates, DEFAULT_THRESHOLD, collectionOf).map((c) => pairKey(c.a, c.b))),
    [candidates],
  );
  const current = shown.some((item) => item.key === selected) ? selected : (shown[0]?.key ?? null);
  const item = shown.find((entry) => entry.key === current);

  // A record in a same-person group that also records "different people" is flagged wherever it shows.
  const contradictionsOf = useMemo(() => {
    const byRecord = new Map<string, Decision[]>();
    for (const group of linkGroups(decisions)) {
      if (group.contradictions.length === 0) continue;
      for (const member of group.members) byRecord.set(member, group.contradictions);
    }
    return byRecord;
  }, [decisions]);
  const flagged = useMemo(
    () =>
      new Set(
        all
          .filter(
            (entry) => contradictionsOf.has(entry.candidate.a) || contradictionsOf.has(entry.candidate.b),
          )
          .map((entry) => entry.key),
      ),
    [all, contradictionsOf],
  );

  // The note field shows the selected pair's note (or an empty draft).
  // Reset during render when the pair or its stored note changes (React's pattern for derived state).
  const noteSource = `${current ?? ''}\n${item?.decision?.note ?? ''}`;
  const [noteFor, setNoteFor] = useState<string | null>(null);
  if (noteFor !== noteSource) {
    setNoteFor(noteSource);
    setNote(item?.decision?.note ?? '');
  }

  useEffect(() => {
    if (autoFocus) list.current?.focus();
  }, [autoFocus]);

  /** A store refusal (storage full, a note too long for a backup) said plainly; nothing was written. */
  const failed = (error: unknown) =>
    t('linkage.queue.announce.failed', { message: error instanceof Error ? error.message : String(error) });

  const names = (a: string, b: string) => ({ a: recordTitle(records, a), b: recordTitle(records, b) });

  const decide = async (decision: DecisionKind) => {
    if (!item) return;
    const { a, b, score } = item.candidate;
    const key = item.key;
    const next = nextUndecided(shown, key, new Set([key]));
    undo.current.push({ a, b, key, previous: item.decision });
    try {
      await repository.decide({ a, b, decision, score, note });
    } catch (error) {
      undo.current.pop();
      setAnnouncement(failed(error));
      return;
    }
    const nextItem = next === null ? undefined : shown.find((entry) => entry.key === next);
    const said = t('linkage.queue.announce.decided', {
      decision: t(`linkage.queue.decision.${decision}`),
      ...names(a, b),
    });
    const then = nextItem
      ? t('linkage.queue.announce.next', {
          ...names(nextItem.candidate.a, nextItem.candidate.b),
          score: formatBits(nextItem.candidate.score, i18n.language),
        })
      : t('linkage.queue.announce.allDone');
    setAnnouncement(`${said} ${then}`);
    setSelected(next ?? key);
  };

  const undoLast = async () => {
    const step = undo.current.pop();
    if (!step) {
      setAnnouncement(t('linkage.queue.announce.nothingToUndo'));
      return;
    }
    const { a, b, previous } = step;
    try {
      if (previous) {
        await repository.decide({
          a: previous.a,
          b: previous.b,
          decision: previous.decision,
          score: previous.score,
          note: previous.note,
        });
      } else {
        await repository.undo(a, b);
      }
    } catch (error) {
      undo.current.push(step);
      setAnnouncement(failed(error));
      return;
    }
    setSelected(step.key);
    setAnnouncement(t('linkage.queue.announce.undone', names(a, b)));
  };

  const saveNote = async () => {
    if (!item?.decision) return;
    const { a, b, score } = item.candidate;
    try {
      await repository.decide({ a, b, decision: item.decision.decision, score, note });
    } catch (error) {
      setAnnouncement(failed(error));
    }
  };

  const act = (action: QueueAction) => {
    switch (action.type) {
      case 'move':
        setSelected(moveBy(shown, current, action.delta));
        return;
      case 'first':
        setSelected(shown[0]?.key ?? null);
        return;
      case 'last':
        setSelected(shown[shown.length - 1]?.key ?? null);
        return;
      case 'decide':
        void decide(action.decision);
        return;
      case 'note':
        noteRef.current?.focus();
        return;
      case 'undo':
        void undoLast();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const action = keyAction({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      target: event.target as HTMLElement,
    });
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    act(action);
  };

  return (
    <section className="linkage-review" aria-labelledby="linkage-queue-heading" onKeyDown={onKeyDown}>
      <h2 id="linkage-queue-heading">{t('linkage.queue.heading')}</h2>
      <QueueFiltersBar filters={filters} collections={collections} onChange={setFilters} />
      <KeyHints />
      <p className="linkage-count">{t('linkage.queue.count', { shown: shown.length, total: all.length })}</p>
      {shown.length === 0 ? (
        <p>{t('linkage.queue.empty')}</p>
      ) : (
        <div className="linkage-review-layout">
          <QueueList
            ref={list}
            items={shown}
            current={current}
            records={records}
            flagged={flagged}
            proposed={proposed}
            onSelect={setSelected}
          />
          {item && (
            <PairComparison
              item={item}
              proposed={proposed.has(item.key)}
              records={records}
              contradictions={[
                ...new Set([
                  ...(contradictionsOf.get(item.candidate.a) ?? []),
                  ...(contradictionsOf.get(item.candidate.b) ?? []),
                ]),
              ]}
              note={note}
              onNoteChange={setNote}
              noteRef={noteRef}
              onNoteDone={() => list.current?.focus()}
              onDecide={(decision) => {
                void decide(decision);
                list.current?.focus();
              }}
              onSaveNote={() => void saveNote()}
            />
          )}
        </div>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}
