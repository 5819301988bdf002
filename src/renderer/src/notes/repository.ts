/**
 * Every read and write of notes goes through here. Writes are single Dexie transactions that also bump
 * the change counter the automatic backups watch, so "changed since the last backup" survives a crash.
 * Deleting moves a note to the trash; only purging (after 30 days, or when the user empties the
 * trash) removes it.
 */
import Dexie from 'dexie';
import { parseBackup, serializeBackup } from '@shared/notes/backup';
import type { Decision } from '@shared/linkage/types';
import {
  decisionsToWrite,
  notesToWrite,
  planDecisionsImport,
  planImport,
  summariseDecisionsPlan,
  summarisePlan,
  type DecisionsImportPlan,
  type ImportPlan,
  type RestoreSummary,
} from '@shared/notes/merge';
import {
  normaliseTags,
  targetKey,
  type HighlightColour,
  type Note,
  type NoteTarget,
} from '@shared/notes/model';
import type { Item } from '@shared/photos/item';
import { itemsToWrite, planItemsImport, summariseItemsPlan } from '@shared/photos/item-merge';
import { linksToRestore, type ItemLink } from '@shared/photos/item-link';
import {
  toDecision,
  toDecisionRow,
  toItem,
  toItemRow,
  toItemLink,
  toItemLinkRow,
  type MetaRow,
  type NoteRow,
  type NotesDatabase,
} from './db';

export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A failed write or read, with a reason the UI can explain. */
export class NotesStorageError extends Error {
  constructor(
    readonly reason: 'quota' | 'version' | 'invalid' | 'other',
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'NotesStorageError';
  }
}

function isQuotaError(error: unknown): boolean {
  const names = [
    (error as { name?: string } | null)?.name,
    (error as { inner?: { name?: string } } | null)?.inner?.name,
  ];
  return names.includes('QuotaExceededError') || names.includes(Dexie.errnames.QuotaExceeded);
}

export function toStorageError(error: unknown): NotesStorageError {
  if (error instanceof NotesStorageError) return error;
  if (isQuotaError(error)) {
    return new NotesStorageError(
      'quota',
      'The disk or the storage quota for notes is full, so this change was not saved. Free some disk space, then try again; your earlier notes are unaffected.',
      error,
    );
  }
  if ((error as { name?: string } | null)?.name === Dexie.errnames.Version) {
    return new NotesStorageError(
      'version',
      'Your notes were last opened by a newer version of Atmintis. Update Atmintis to open them; they have not been changed.',
      error,
    );
  }
  return new NotesStorageError(
    'other',
    `Notes storage failed: ${(error as Error)?.message ?? String(error)}`,
    error,
  );
}

/** What the editor hands over to save. */
export interface NoteDraft {
  id: string;
  target: NoteTarget;
  body: string;
  tags: string[];
  colour: HighlightColour | null;
}

const toNote = ({ targetKey: _key, ...note }: NoteRow): Note => note;
const toRow = (note: Note): NoteRow => ({ ...note, targetKey: targetKey(note.target) });

export interface ChangeState {
  revision: number;
  backedUpRevision: number;
  changedAt: string | null;
  backedUpAt: string | null;
}

const EMPTY_META: MetaRow = {
  key: 'changes',
  revision: 0,
  changedAt: null,
  backedUpRevision: 0,
  backedUpAt: null,
};

/**
 * Every write to the user's layer (notes or linkage decisions) runs here: the work and the change
 * revision's bump in one transaction, so the automatic backups see every change; storage failures come
 * out as NotesStorageError.
 */
export async function countedWrite<T>(
  db: NotesDatabase,
  now: () => Date,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction('rw', [db.notes, db.decisions, db.items, db.itemLinks, db.meta], async () => {
      const result = await work();
      await bumpRevision(db, now);
      return result;
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Counts one change to the user's layer. Inside a transaction that includes `meta`: countedWrite's, or
 * the sync bridge's when it applies a teammate's changes (so backups follow those too).
 */
export async function bumpRevision(db: NotesDatabase, now: () => Date): Promise<void> {
  const meta = (await db.meta.get('changes')) ?? EMPTY_META;
  await db.meta.put({ ...meta, revision: meta.revision + 1, changedAt: now().toISOString() });
}

/** A read of the notes database, its failures as NotesStorageError. */
export async function storageRead<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error);
  }
}

export class NotesRepository {
  constructor(
    readonly db: NotesDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private write<T>(work: () => Promise<T>): Promise<T> {
    return countedWrite(this.db, this.now, work);
  }

  private read<T>(work: () => Promise<T>): Promise<T> {
    return storageRead(work);
  }

  /** Every note, the trash included. */
  all(): Promise<Note[]> {
    return this.read(async () => (await this.db.notes.toArray()).map(toNote));
  }

  /** Notes not in the trash. */
  live(): Promise<Note[]> {
    return this.read(async () =>
      (await this.db.notes.filter((row) => row.deletedAt === null).toArray()).map(toNote),
    );
  }

  forTarget(target: NoteTarget): Promise<Note[]> {
    return this.read(async () =>
      (await this.db.notes.where('targetKey').equals(targetKey(target)).toArray())
        .filter((row) => row.deletedAt === null)
        .map(toNote)
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)),
    );
  }

  /** Live passage notes on one long text. */
  forText(collectionId: string, textId: string): Promise<Note[]> {
    return this.forTarget({
      kind: 'passage',
      collectionId,
      textId,
      selectors: [
        { type: 'TextQuoteSelector', exact: '-', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 1 },
      ],
    });
  }

  trash(): Promise<Note[]> {
    return this.read(async () => (await this.db.notes.orderBy('deletedAt').reverse().toArray()).map(toNote));
  }

  get(id: string): Promise<Note | undefined> {
    return this.read(async () => {
      const row = await this.db.notes.get(id);
      return row ? toNote(row) : undefined;
    });
  }

  /** A later instant than `previous`, so every save makes the note strictly newer (merges rely on it). */
  private stamp(previous?: string): string {
    const now = this.now();
    if (previous && now.toISOString() <= previous) return new Date(Date.parse(previous) + 1).toISOString();
    return now.toISOString();
  }

  /**
   * Creates or updates a note. An unchanged draft writes nothing (flushing on blur must not make a
   * note look edited). Resolves to the stored note.
   */
  async save(draft: NoteDraft): Promise<Note> {
    const tags = normaliseTags(draft.tags);
    const existing = await this.get(draft.id);
    if (
      existing &&
      existing.body === draft.body &&
      existing.colour === draft.colour &&
      JSON.stringify(existing.tags) === JSON.stringify(tags) &&
      JSON.stringify(existing.target) === JSON.stringify(draft.target)
    ) {
      return existing;
    }
    return this.write(async () => {
      const current = await this.db.notes.get(draft.id);
      const note: Note = {
        id: draft.id,
        target: draft.target,
        body: draft.body,
        tags,
        colour: draft.colour,
        createdAt: current?.createdAt ?? this.stamp(),
        updatedAt: this.stamp(current?.updatedAt),
        deletedAt: current?.deletedAt ?? null,
      };
      await this.db.notes.put(toRow(note));
      return note;
    });
  }

  /** Moves a note to the trash (restorable for TRASH_DAYS days). */
  moveToTrash(id: string): Promise<void> {
    return this.write(async () => {
      const row = await this.db.notes.get(id);
      if (!row || row.deletedAt !== null) return;
      const at = this.stamp(row.updatedAt);
      await this.db.notes.put({ ...row, deletedAt: at, updatedAt: at });
    });
  }

  restore(id: string): Promise<void> {
    return this.write(async () => {
      const row = await this.db.notes.get(id);
      if (!row || row.deletedAt === null) return;
      await this.db.notes.put({ ...row, deletedAt: null, updatedAt: this.stamp(row.updatedAt) });
    });
  }

  /** Removes trashed notes for good: the given ones, or all of them. Live notes are never purged. */
  purge(ids?: readonly string[]): Promise<number> {
    return this.write(async () => {
      const rows = ids
        ? (await this.db.notes.bulkGet([...ids])).filter((row) => row !== undefined)
        : await this.db.notes.toArray();
      const doomed = rows.filter((row) => row.deletedAt !== null).map((row) => row.id);
      await this.db.notes.bulkDelete(doomed);
      return doomed.length;
    });
  }

  /** Purges notes that have been in the trash for more than TRASH_DAYS days. */
  async purgeExpired(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - TRASH_DAYS * DAY_MS).toISOString();
    const expired = await this.read(() => this.db.notes.where('deletedAt').below(cutoff).primaryKeys());
    return expired.length > 0 ? this.purge(expired) : 0;
  }

  /** Every tag in use (live notes), most used first, for autocomplete. */
  async tags(): Promise<string[]> {
    const counts = new Map<string, number>();
    for (const note of await this.live())
      for (const tag of note.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
  }

  /**
   * Every note (trash included), every linkage decision, every photo item and the change revision
   * they are at, read consistently.
   */
  snapshot(): Promise<{
    notes: Note[];
    decisions: Decision[];
    items: Item[];
    itemLinks: ItemLink[];
    revision: number;
  }> {
    const { notes, decisions, items, itemLinks, meta } = this.db;
    return this.read(() =>
      this.db.transaction('r', [notes, decisions, items, itemLinks, meta], async () => ({
        notes: (await notes.toArray()).map(toNote),
        decisions: (await decisions.toArray()).map(toDecision),
        items: (await items.toArray()).map(toItem),
        itemLinks: (await itemLinks.toArray()).map(toItemLink),
        revision: ((await meta.get('changes')) ?? EMPTY_META).revision,
      })),
    );
  }

  /** The lossless JSON backup of every note (trash included), linkage decision, photo item and link. */
  async exportBackup(): Promise<{
    json: string;
    revision: number;
    notes: number;
    decisions: number;
    items: number;
  }> {
    const { notes, decisions, items, itemLinks, revision } = await this.snapshot();
    return {
      json: serializeBackup(notes, this.now(), decisions, items, itemLinks),
      revision,
      notes: notes.length,
      decisions: decisions.length,
      items: items.length,
    };
  }

  /** The items here with the ids of `incoming`. */
  private async currentItems(incoming: readonly Item[]): Promise<Map<string, Item>> {
    const rows = await this.db.items.bulkGet(incoming.map((item) => item.id));
    return new Map(rows.filter((row) => row !== undefined).map((row) => [row.id, toItem(row)]));
  }

  /** The decisions here for the pairs of `incoming` (a < b in both). */
  private async currentDecisions(incoming: readonly Decision[]): Promise<Decision[]> {
    const rows = await this.db.decisions.bulkGet(incoming.map((decision) => toDecisionRow(decision).key));
    return rows.filter((row) => row !== undefined).map(toDecision);
  }

  /** Validates backup text and plans its import against the notes and decisions here. Writes nothing. */
  async planImport(
    text: string,
  ): Promise<{ plan: ImportPlan; decisions: DecisionsImportPlan; summary: RestoreSummary }> {
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new NotesStorageError('invalid', parsed.error);
    const ids = parsed.backup.notes.map((note) => note.id);
    const rows = await this.read(() => this.db.notes.bulkGet(ids));
    const current = new Map(rows.filter((row) => row !== undefined).map((row) => [row.id, toNote(row)]));
    const plan = planImport(current, parsed.backup.notes);
    const incoming = parsed.backup.decisions;
    const decisions = planDecisionsImport(await this.read(() => this.currentDecisions(incoming)), incoming);
    const items = planItemsImport(
      await this.read(() => this.currentItems(parsed.backup.items)),
      parsed.backup.items,
    );
    return {
      plan,
      decisions,
      summary: {
        ...summarisePlan(plan),
        decisions: summariseDecisionsPlan(decisions),
        items: summariseItemsPlan(items),
      },
    };
  }

  /**
   * Imports a backup: validated first, then planned and written in one transaction against the notes
   * as they are at that moment, so an edit made while the user read the dry-run summary is not
   * overwritten by an older copy. All or nothing: any failure leaves the notes as they were.
   */
  async applyImport(text: string): Promise<RestoreSummary> {
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new NotesStorageError('invalid', parsed.error);
    const incoming = parsed.backup.notes;
    const incomingDecisions = parsed.backup.decisions;
    return this.write(async () => {
      const rows = await this.db.notes.bulkGet(incoming.map((note) => note.id));
      const current = new Map(rows.filter((row) => row !== undefined).map((row) => [row.id, toNote(row)]));
      const plan = planImport(current, incoming);
      await this.db.notes.bulkPut(notesToWrite(plan).map(toRow));
      const decisions = planDecisionsImport(
        await this.currentDecisions(incomingDecisions),
        incomingDecisions,
      );
      await this.db.decisions.bulkPut(decisionsToWrite(decisions).map(toDecisionRow));
      const items = planItemsImport(await this.currentItems(parsed.backup.items), parsed.backup.items);
      await this.db.items.bulkPut(itemsToWrite(items).map(toItemRow));
      const links = parsed.backup.itemLinks;
      const here = await this.db.itemLinks.bulkGet(links.map((link) => link.id));
      const linksHere = new Map(here.filter((row) => row !== undefined).map((r) => [r.id, toItemLink(r)]));
      await this.db.itemLinks.bulkPut(linksToRestore(linksHere, links).map(toItemLinkRow));
      return {
        ...summarisePlan(plan),
        decisions: summariseDecisionsPlan(decisions),
        items: summariseItemsPlan(items),
      };
    });
  }

  async changeState(): Promise<ChangeState> {
    const meta = (await this.read(() => this.db.meta.get('changes'))) ?? EMPTY_META;
    const { revision, backedUpRevision, changedAt, backedUpAt } = meta;
    return { revision, backedUpRevision, changedAt, backedUpAt };
  }

  /** Records that a backup holding everything up to `revision` was written. */
  async markBackedUp(revision: number, at: Date): Promise<void> {
    await this.read(() =>
      this.db.transaction('rw', this.db.meta, async () => {
        const meta = (await this.db.meta.get('changes')) ?? EMPTY_META;
        if (revision < meta.backedUpRevision) return;
        await this.db.meta.put({ ...meta, backedUpRevision: revision, backedUpAt: at.toISOString() });
      }),
    );
  }
}
