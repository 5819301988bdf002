/**
 * The user's linkage decisions, stored in the notes database (store `decisions`, one row per pair) so
 * they are backed up, exported and restored with the notes. A decision is a non-destructive link
 * between two record ids: deciding again replaces the pair's decision (keeping when it was first made),
 * undoing removes it; no record is ever changed. Every write also bumps the notes' change revision,
 * which is what the automatic backups watch.
 */
import { pairKey } from '@shared/linkage/groups';
import { decisionProblem } from '@shared/notes/backup-rows';
import type { Decision, DecisionKind } from '@shared/linkage/types';
import { createSignal, type Signal } from '../api/signal';
import { toDecision, toDecisionRow, type NotesDatabase } from '../notes/db';
import { countedWrite, NotesStorageError, storageRead } from '../notes/repository';

export interface DecisionInput {
  /** Record ids `<collection id>/<record id>` (linkRecordId in @shared/linkage/from-collection). */
  a: string;
  b: string;
  decision: DecisionKind;
  /** The candidate's score when decided; null when linked by hand. */
  score: number | null;
  /** Default ''. */
  note?: string;
}

export class DecisionsRepository {
  /** Fires after every write (so useResult(..., { refetchOn: repo.changes }) reloads). */
  readonly changes: Signal = createSignal();

  constructor(
    readonly db: NotesDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Decisions a teammate made arrive through the sync bridge, not through decide().
    db.externalChanges.subscribe(() => this.changes.notify());
  }

  /** A counted write (the backups see it), then the watchers are told. */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    const result = await countedWrite(this.db, this.now, work);
    this.changes.notify();
    return result;
  }

  private read<T>(work: () => Promise<T>): Promise<T> {
    return storageRead(work);
  }

  /** Every stored decision (one per pair, the latest), a < b. */
  all(): Promise<Decision[]> {
    return this.read(async () => (await this.db.decisions.toArray()).map(toDecision));
  }

  /** Decisions that name this record id, either side. */
  forRecord(recordId: string): Promise<Decision[]> {
    return this.read(async () =>
      (await this.db.decisions.where('a').equals(recordId).or('b').equals(recordId).toArray()).map(
        toDecision,
      ),
    );
  }

  /** A later instant than `previous`, so a new decision is always the latest of its pair. */
  private stamp(previous?: string): string {
    const now = this.now();
    if (previous && now.toISOString() <= previous) return new Date(Date.parse(previous) + 1).toISOString();
    return now.toISOString();
  }

  /** Upsert by pair (order of a/b does not matter; stored with a < b): keeps `created`, sets `updated`. */
  decide(input: DecisionInput): Promise<Decision> {
    if (input.a === input.b) {
      return Promise.reject(new Error(`A record cannot be linked to itself ("${input.a}").`));
    }
    const [a, b] = input.a < input.b ? [input.a, input.b] : [input.b, input.a];
    return this.write(async () => {
      const current = await this.db.decisions.get(pairKey(a, b));
      const updated = this.stamp(current?.updated);
      const decision: Decision = {
        a,
        b,
        decision: input.decision,
        score: input.score,
        note: input.note ?? '',
        created: current?.created ?? updated,
        updated,
      };
      // Anything stored must fit in a backup, or it would stop automatic backups altogether.
      const problem = decisionProblem(decision);
      if (problem) throw new NotesStorageError('invalid', `The decision was not saved: ${problem}.`);
      await this.db.decisions.put(toDecisionRow(decision));
      return decision;
    });
  }

  /** Removes the decision of a pair (the review queue's undo); returns the removed one or null. */
  undo(a: string, b: string): Promise<Decision | null> {
    return this.write(async () => {
      const key = pairKey(a, b);
      const current = await this.db.decisions.get(key);
      if (!current) return null;
      await this.db.decisions.delete(key);
      return toDecision(current);
    });
  }
}
