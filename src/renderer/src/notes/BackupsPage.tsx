import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { highlightsToJsonLd, notesToCsv, notesToMarkdownZip } from '@shared/notes/export';
import { decisionsToCsv, decisionsToJson } from '@shared/linkage/export';
import { MAX_BACKUP_FILE_BYTES } from '@shared/notes/backup';
import type { RestoreSummary } from '@shared/notes/merge';
import type { Note } from '@shared/notes/model';
import { describeTarget } from '@shared/notes/targets';
import { useApi } from '../api/ApiContext';
import { createSignal } from '../api/signal';
import { useResult } from '../api/use-result';
import { ok } from '@shared/result';
import { formatDateTime } from './NoteCard';
import { useNotes, usePersistentStorage } from './NotesContext';
import { saveExport } from '../api/save-file';
import { fetchTargetSources } from './use-collections';
import { useDecisions } from '../linkage/DecisionsContext';
import { useItems } from '../photos/ItemsContext';

const stamp = () => new Date().toISOString().slice(0, 10);

type Pending = { source: string; text: string; summary: RestoreSummary };

/** Export, import/restore, automatic backups and the storage status. */
export function BackupsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { repository, scheduler } = useNotes();
  const decisions = useDecisions();
  const items = useItems();
  const persist = usePersistentStorage();
  const id = useId();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const say = (text: string, error = false) => setMessage({ text, error });
  // A new backup is listed with the old list still shown until the new one arrives.
  const [backupsChanged] = useState(createSignal);
  const refreshBackups = backupsChanged.notify;
  const backupList = useResult(() => api.call('backups.list', {}), [api], { refetchOn: backupsChanged });
  const backups = backupList.status === 'ok' ? backupList.value : null;
  const estimate = useResult(async () => {
    const found = await navigator.storage?.estimate?.();
    return ok(found ? { usage: found.usage ?? 0, quota: found.quota ?? 0 } : null);
  }, []);
  const usage = estimate.status === 'ok' ? estimate.value : null;

  const exportAs = async (
    format: 'json' | 'markdown' | 'jsonld' | 'csv' | 'decisions-json' | 'decisions-csv',
  ) => {
    try {
      const notes = await repository.live();
      // Only the records these notes name are fetched to name them, never whole collections.
      const sources = await fetchTargetSources(
        api,
        notes.map((note) => note.target),
      );
      const named = sources.ok ? sources.value : undefined;
      const describe = (note: Note) => describeTarget(note.target, named?.get(note.target.collectionId));
      let outcome;
      if (format === 'decisions-json' || format === 'decisions-csv') {
        const all = await decisions.all();
        outcome =
          format === 'decisions-json'
            ? await saveExport(
                api,
                `atmintis-linkage-decisions-${stamp()}.json`,
                'application/json',
                decisionsToJson(all),
              )
            : await saveExport(
                api,
                `atmintis-linkage-decisions-${stamp()}.csv`,
                'text/csv',
                decisionsToCsv(all),
              );
      } else if (format === 'json') {
        const { json } = await repository.exportBackup();
        outcome = await saveExport(api, `atmintis-notes-${stamp()}.json`, 'application/json', json);
      } else if (format === 'markdown') {
        outcome = await saveExport(
          api,
          `atmintis-notes-${stamp()}.zip`,
          'application/zip',
          notesToMarkdownZip(notes, describe),
        );
      } else if (format === 'jsonld') {
        outcome = await saveExport(
          api,
          `atmintis-highlights-${stamp()}.jsonld`,
          'application/ld+json',
          highlightsToJsonLd(notes, describe, new Date()),
        );
      } else {
        outcome = await saveExport(
          api,
          `atmintis-notes-${stamp()}.csv`,
          'text/csv',
          notesToCsv(notes, describe),
        );
      }
      if (outcome.kind === 'saved') say(t('notes.export.savedTo', { path: outcome.path }));
      else if (outcome.kind === 'downloaded') say(t('notes.export.downloaded'));
      else say(t('notes.export.cancelled'));
    } catch (error) {
      say((error as Error).message, true);
    }
  };

  const prepareImport = async (source: string, text: string) => {
    setPending(null);
    try {
      const { summary } = await repository.planImport(text);
      setPending({ source, text, summary });
      say(t('notes.import.ready', { source }));
    } catch (error) {
      say(t('notes.import.refused', { source, reason: (error as Error).message }), true);
    }
  };

  const applyImport = async () => {
    if (!pending) return;
    try {
      // A backup of the notes as they are now, so even an import can be undone.
      await scheduler.backUp('before-import');
      const summary = await repository.applyImport(pending.text);
      setPending(null);
      say(
        `${t('notes.import.done', { ...summary })} ${t('linkage.backup.done', { ...summary.decisions })} ${t('photos.backup.done', { ...summary.items })}`,
      );
      // Record pages and the review queue show decisions: tell them the restore may have changed some.
      decisions.changes.notify();
      items.changes.notify();
      refreshBackups();
    } catch (error) {
      say(t('notes.import.failed', { reason: (error as Error).message }), true);
    }
  };

  return (
    <div className="backups-page">
      <p
        role={message?.error ? 'alert' : 'status'}
        className={message?.error ? 'error-text' : 'notes-message'}
      >
        {message?.text ?? ''}
      </p>

      <section aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>{t('notes.export.title')}</h2>
        <p>{t('notes.export.intro')}</p>
        <div className="button-row">
          <button type="button" onClick={() => void exportAs('json')}>
            {t('notes.export.json')}
          </button>
          <button type="button" onClick={() => void exportAs('markdown')}>
            {t('notes.export.markdown')}
          </button>
          <button type="button" onClick={() => void exportAs('jsonld')}>
            {t('notes.export.jsonld')}
          </button>
          <button type="button" onClick={() => void exportAs('csv')}>
            {t('notes.export.csv')}
          </button>
        </div>
        <p>{t('linkage.backup.exportIntro')}</p>
        <div className="button-row">
          <button type="button" onClick={() => void exportAs('decisions-json')}>
            {t('linkage.backup.exportJson')}
          </button>
          <button type="button" onClick={() => void exportAs('decisions-csv')}>
            {t('linkage.backup.exportCsv')}
          </button>
        </div>
      </section>

      <section aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>{t('notes.import.title')}</h2>
        <p>{t('notes.import.intro')}</p>
        <label htmlFor={`${id}-file`}>{t('notes.import.choose')}</label>{' '}
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            // Checked before reading: a huge file is refused without loading it into memory.
            if (file.size > MAX_BACKUP_FILE_BYTES) {
              const mib = (bytes: number) => Math.ceil(bytes / (1024 * 1024));
              say(
                t('notes.import.tooLarge', {
                  source: file.name,
                  size: mib(file.size),
                  limit: mib(MAX_BACKUP_FILE_BYTES),
                }),
                true,
              );
              return;
            }
            void file.text().then(
              (text) => prepareImport(file.name, text),
              (error: unknown) =>
                say(t('notes.import.refused', { source: file.name, reason: String(error) }), true),
            );
          }}
        />
        {pending ? (
          <div className="import-summary" role="group" aria-label={t('notes.import.summaryLabel')}>
            <p>{t('notes.import.summary', { source: pending.source, ...pending.summary })}</p>
            <p>{t('linkage.backup.summary', { ...pending.summary.decisions })}</p>
            <p>{t('photos.backup.summary', { ...pending.summary.items })}</p>
            <div className="button-row">
              <button type="button" onClick={() => void applyImport()}>
                {t('notes.import.apply')}
              </button>
              <button type="button" onClick={() => setPending(null)}>
                {t('notes.import.cancel')}
              </button>
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby={`${id}-auto`}>
        <h2 id={`${id}-auto`}>{t('notes.backups.title')}</h2>
        <p>{t('notes.backups.intro', { folder: backups?.folder ?? '…' })}</p>
        <button
          type="button"
          onClick={() =>
            void scheduler.backUp('manual').then((outcome) => {
              say(
                outcome.ok
                  ? t('notes.backups.written')
                  : t('notes.backups.failed', { reason: outcome.message }),
                !outcome.ok,
              );
              refreshBackups();
            })
          }
        >
          {t('notes.backups.now')}
        </button>
        {backupList.status === 'error' ? (
          <p role="alert" className="error-text">
            {backupList.error.message}
          </p>
        ) : null}
        {backups && backups.backups.length === 0 ? <p>{t('notes.backups.none')}</p> : null}
        <ul className="backup-list">
          {backups?.backups.map((file) => (
            <li key={file.name}>
              <span>
                {t('notes.backups.entry', {
                  date: formatDateTime(file.createdAt, i18n.language),
                  count: file.notes,
                })}
                {file.decisions > 0
                  ? ` · ${t('linkage.backup.entryDecisions', { count: file.decisions })}`
                  : ''}
              </span>{' '}
              <button
                type="button"
                aria-label={t('notes.backups.restoreLabel', {
                  date: formatDateTime(file.createdAt, i18n.language),
                })}
                onClick={() =>
                  void api
                    .call('backups.read', { name: file.name })
                    .then((result) =>
                      result.ok
                        ? prepareImport(file.name, result.value.json)
                        : say(result.error.message, true),
                    )
                }
              >
                {t('notes.backups.restore')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={`${id}-storage`}>
        <h2 id={`${id}-storage`}>{t('notes.storage.title')}</h2>
        <p>{t(`notes.storage.persist.${persist}`)}</p>
        {usage ? (
          <p>
            {t('notes.storage.usage', {
              used: Math.round((usage.usage / 1024 / 1024) * 10) / 10,
              quota: Math.round(usage.quota / 1024 / 1024),
            })}
          </p>
        ) : null}
      </section>
    </div>
  );
}
