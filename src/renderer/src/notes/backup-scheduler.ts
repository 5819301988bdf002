/**
 * Automatic backups, renderer side (notes and linkage decisions, which bump the same change counter):
 * the renderer knows when notes changed, the main process writes the
 * file (src/main/backups). A backup is sent when notes changed since the last one, at most every five
 * minutes, and once more when the window goes away (pagehide), from a snapshot kept in memory because
 * there is no time to read IndexedDB then. The change counter lives in the database, so changes made
 * just before a crash are backed up at the next start. In Electron the window waits for `beforeClose`
 * (pending edits saved, then a 'final' backup) before it closes; see src/main/electron/close-guard.ts.
 */
import { liveQuery } from 'dexie';
import type { AtmintisApi } from '@shared/ipc/api';
import type { BackupReason } from '@shared/ipc/channels/backups';
import { serializeBackup } from '@shared/notes/backup';
import type { Decision } from '@shared/linkage/types';
import type { Note } from '@shared/notes/model';
import { flushPendingSaves } from './pending-saves';
import type { NotesRepository } from './repository';

const BACKUP_INTERVAL_MS = 5 * 60 * 1000;
const CHECK_EVERY_MS = 30 * 1000;

export interface BackupOutcome {
  at: string;
  ok: boolean;
  message?: string;
}

export class BackupScheduler {
  private snapshot: { notes: Note[]; decisions: Decision[]; revision: number } | null = null;
  private lastSentAt = 0;
  private sending = false;
  private readonly listeners = new Set<(outcome: BackupOutcome) => void>();
  private lastOutcome: BackupOutcome | null = null;
  private stopFns: Array<() => void> = [];
  /** The newest revision known to be in a backup (kept in memory for pagehide). */
  private knownBackedUpRevision = 0;

  constructor(
    private readonly api: AtmintisApi,
    private readonly repository: NotesRepository,
    private readonly win: Window = window,
  ) {}

  start(): void {
    // Keep a ready-to-send backup of the current notes, refreshed whenever they change.
    const subscription = liveQuery(() => this.repository.snapshot()).subscribe({
      next: (snapshot) => {
        this.snapshot = snapshot;
      },
      error: (error: unknown) =>
        this.report({ at: new Date().toISOString(), ok: false, message: String(error) }),
    });
    const timer = this.win.setInterval(() => void this.tick(), CHECK_EVERY_MS);
    const onPageHide = () => this.sendFinal();
    this.win.addEventListener('pagehide', onPageHide);
    const stopCloseListener = this.api.onBeforeClose?.(() => this.beforeClose());
    if (stopCloseListener) this.stopFns.push(stopCloseListener);
    this.stopFns.push(
      () => subscription.unsubscribe(),
      () => this.win.clearInterval(timer),
      () => this.win.removeEventListener('pagehide', onPageHide),
    );
    void this.tick();
  }

  stop(): void {
    for (const stop of this.stopFns.splice(0)) stop();
  }

  onOutcome(listener: (outcome: BackupOutcome) => void): () => void {
    this.listeners.add(listener);
    if (this.lastOutcome) listener(this.lastOutcome);
    return () => this.listeners.delete(listener);
  }

  private report(outcome: BackupOutcome) {
    this.lastOutcome = outcome;
    for (const listener of this.listeners) listener(outcome);
  }

  /** The 5-minute rule: back up when something changed and the last backup is old enough. */
  async tick(now = Date.now()): Promise<void> {
    if (this.sending || now - this.lastSentAt < BACKUP_INTERVAL_MS) return;
    try {
      const state = await this.repository.changeState();
      this.knownBackedUpRevision = Math.max(this.knownBackedUpRevision, state.backedUpRevision);
      if (state.revision === state.backedUpRevision) return;
      await this.backUp('scheduled');
    } catch (error) {
      // Storage unavailable: the views show why; the timer tries again later.
      this.report({ at: new Date().toISOString(), ok: false, message: (error as Error).message });
    }
  }

  /** Writes a backup now (the user asked, or before an import). */
  async backUp(reason: BackupReason): Promise<BackupOutcome> {
    this.sending = true;
    try {
      const { json, revision } = await this.repository.exportBackup();
      let result = await this.api.call('backups.write', { json, reason });
      // The main process spaces backups a couple of seconds apart; one the user asked for waits its turn.
      if (reason !== 'scheduled' && result.ok && !result.value.written) {
        const wait = Date.parse(result.value.retryAfter) - Date.now();
        await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(wait, 0) + 50, 5000)));
        result = await this.api.call('backups.write', { json, reason });
      }
      const at = new Date();
      if (!result.ok) {
        const outcome = { at: at.toISOString(), ok: false, message: result.error.message };
        this.report(outcome);
        return outcome;
      }
      if (result.value.written) {
        this.lastSentAt = at.getTime();
        await this.repository.markBackedUp(revision, at);
        this.knownBackedUpRevision = Math.max(this.knownBackedUpRevision, revision);
        const outcome = { at: at.toISOString(), ok: true };
        this.report(outcome);
        return outcome;
      }
      return { at: at.toISOString(), ok: false, message: `retry after ${result.value.retryAfter}` };
    } catch (error) {
      const outcome = { at: new Date().toISOString(), ok: false, message: (error as Error).message };
      this.report(outcome);
      return outcome;
    } finally {
      this.sending = false;
    }
  }

  /**
   * The window is closing (Electron waits for this, within a time limit): save every editor's pending
   * draft, then write a 'final' backup if notes changed since the last one. Never throws; a failure is
   * reported like any other backup failure and the window closes anyway.
   */
  async beforeClose(): Promise<void> {
    try {
      await flushPendingSaves();
      const state = await this.repository.changeState();
      if (state.revision === state.backedUpRevision) return;
      await this.backUp('final');
    } catch (error) {
      this.report({ at: new Date().toISOString(), ok: false, message: (error as Error).message });
    }
  }

  /**
   * On pagehide: send the in-memory snapshot at once if it holds changes no backup has (there is no
   * time left to read IndexedDB). Best effort; the main process refuses floods on its side.
   */
  private sendFinal(): void {
    const snapshot = this.snapshot;
    if (!snapshot || snapshot.revision <= this.knownBackedUpRevision) return;
    this.knownBackedUpRevision = snapshot.revision;
    void this.api.call('backups.write', {
      json: serializeBackup(snapshot.notes, new Date(), snapshot.decisions),
      reason: 'final',
    });
  }
}
