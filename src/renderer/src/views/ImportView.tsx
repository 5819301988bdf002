import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportError } from '@shared/import/errors';
import { columnMappingSchema, type ColumnMapping } from '@shared/import/mapping';
import { collectionIdFromFileName, manifestForImport, type InspectOverrides } from '@shared/import/pipeline';
import { useApi } from '../api/ApiContext';
import { collectionsChanged } from '../api/collections-changed';
import { ViewHeading } from '../shell/ViewHeading';
import { CollectionDetails } from '../import/CollectionDetails';
import { ColumnFates } from '../import/ColumnFates';
import { ImportedList } from '../import/ImportedList';
import { ImportOutcome } from '../import/ImportOutcome';
import { ImportProgressBar } from '../import/ImportProgressBar';
import { LayoutPreview } from '../import/LayoutPreview';
import { SavedMappings } from '../import/SavedMappings';
import { createImportWorker, ImportRun, type ImportWorkerPort } from '../import/import-run';
import { shownInspection, type Phase } from '../import/phase';
import type { ImportWorkerResponse, InspectionView } from '../import/protocol';
import { useImportedCollections } from '../import/use-imported-collections';
import '../import/import.css';

/** Import a CSV/TSV, JSON, JSONL or .zip collection: choose, check the layout and mapping, import. */
export default function ImportView() {
  const { t } = useTranslation();
  const api = useApi();
  const imported = useImportedCollections();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [file, setFile] = useState<File | null>(null);
  const [overrides, setOverrides] = useState<InspectOverrides>({});
  const [mapping, setMapping] = useState<ColumnMapping>({ fields: {}, altNames: [], exclude: [] });
  const [skipBrokenRows, setSkipBrokenRows] = useState(false);
  const [details, setDetails] = useState({ id: '', title: '' });
  const [announcement, setAnnouncement] = useState('');
  const worker = useRef<ImportWorkerPort | null>(null);
  const run = useRef<ImportRun | null>(null);
  const lastAnnounced = useRef(-1);

  useEffect(
    () => () => {
      run.current?.cancel();
      worker.current?.terminate();
    },
    [],
  );

  /** A fresh worker that has read `chosen`: it holds the decoded text that a run maps. */
  const inspectIn = (chosen: File, nextOverrides: InspectOverrides) =>
    new Promise<{ port: ImportWorkerPort; message: ImportWorkerResponse }>((resolve) => {
      worker.current?.terminate();
      const port = createImportWorker();
      worker.current = port;
      const onMessage = (event: MessageEvent<ImportWorkerResponse>) => {
        const message = event.data;
        if (message.type !== 'inspected' && message.type !== 'failed') return;
        port.removeEventListener('message', onMessage);
        resolve({ port, message });
      };
      port.addEventListener('message', onMessage);
      port.postMessage({ type: 'inspect', file: chosen, overrides: nextOverrides });
    });

  const inspect = async (chosen: File, nextOverrides: InspectOverrides) => {
    setPhase({ kind: 'inspecting' });
    const { port, message } = await inspectIn(chosen, nextOverrides);
    // A newer choice replaced this worker while it read: its answer is stale.
    if (worker.current !== port) return;
    if (message.type === 'failed') {
      setPhase({ kind: 'failed', errors: message.errors });
      return;
    }
    if (message.type !== 'inspected') return;
    const { inspection } = message;
    if (inspection.format === 'delimited') setMapping(columnMappingSchema.parse(inspection.suggested));
    setPhase({ kind: 'ready', inspection });
  };

  /**
   * The worker that will run the import. A finished or failed run leaves none (it is spent), so
   * pressing Import again — after changing the mapping — reads the same file into a new one first.
   */
  const readyWorker = async (): Promise<ImportWorkerPort | ImportError[]> => {
    if (worker.current) return worker.current;
    if (!file) return [];
    const { port, message } = await inspectIn(file, overrides);
    return message.type === 'inspected' ? port : message.type === 'failed' ? message.errors : [];
  };

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setOverrides({});
    setSkipBrokenRows(false);
    setDetails({ id: collectionIdFromFileName(chosen.name), title: chosen.name.replace(/\.[^.]+$/, '') });
    void inspect(chosen, {});
  };

  const override = (next: InspectOverrides) => {
    const merged = { ...overrides, ...next };
    setOverrides(merged);
    if (file) void inspect(file, merged);
  };

  const start = async (inspection: InspectionView, skip = skipBrokenRows) => {
    if (!file) return;
    let parsedMapping;
    if (inspection.format === 'delimited') {
      const checked = columnMappingSchema.safeParse(mapping);
      if (!checked.success) {
        setPhase({
          kind: 'failed',
          inspection,
          errors: checked.error.issues.map((i) => ({ code: 'invalid-mapping', reason: i.message })),
        });
        return;
      }
      parsedMapping = checked.data;
    }
    const manifest =
      (inspection.format !== 'delimited' ? inspection.manifest : undefined) ??
      manifestForImport({ id: details.id, title: details.title || file.name, source: file.name });
    lastAnnounced.current = -1;
    setPhase({ kind: 'running', inspection, progress: { percent: 0, stored: 0, recordsPerSecond: 0 } });
    const port = await readyWorker();
    if (Array.isArray(port)) {
      setPhase({ kind: 'failed', errors: port, inspection });
      setAnnouncement(t('import.errors.announce'));
      return;
    }
    const importRun = new ImportRun({
      api,
      worker: port,
      manifest,
      files: inspection.format === 'delimited' ? [] : inspection.files,
      source: file.name,
      run: {
        ...(parsedMapping ? { mapping: parsedMapping } : {}),
        skipBrokenRows: skip,
        collection: manifest.id,
        importedAt: new Date().toISOString(),
      },
      onProgress: (progress) => {
        setPhase({ kind: 'running', inspection, progress });
        // Announce every tenth, not every update: a screen reader cannot keep up with more.
        const tenth = Math.floor(progress.percent / 10);
        if (tenth > lastAnnounced.current) {
          lastAnnounced.current = tenth;
          setAnnouncement(
            t('import.progress.announce', {
              percent: progress.percent,
              count: progress.stored,
              rate: progress.recordsPerSecond,
            }),
          );
        }
      },
    });
    run.current = importRun;
    const outcome = await importRun.start();
    run.current = null;
    // The worker is spent (or terminated): the next import starts a fresh one.
    worker.current?.terminate();
    worker.current = null;
    if (outcome.status === 'done') {
      setPhase({
        kind: 'done',
        summary: outcome.summary,
        skipped: outcome.skipped,
        dateReviewCount: outcome.dateReviewCount,
      });
      setAnnouncement(t('import.done', { title: outcome.summary.title, count: outcome.summary.recordCount }));
      collectionsChanged(api);
    } else if (outcome.status === 'failed') {
      setPhase({ kind: 'failed', errors: outcome.errors, inspection });
      setAnnouncement(t('import.errors.announce'));
    } else {
      setPhase({ kind: 'idle' });
      setAnnouncement(t('import.cancelled'));
    }
  };

  const inspection = shownInspection(phase);
  const running = phase.kind === 'running';

  return (
    <section className="view import-view" aria-labelledby="import-heading">
      <ViewHeading id="import-heading">{t('import.title')}</ViewHeading>
      <p className="view-intro">{t('import.intro')}</p>

      <label className="import-file">
        {t('import.chooseFile')}
        <input
          type="file"
          accept=".csv,.tsv,.tab,.txt,.json,.jsonl,.ndjson,.zip"
          disabled={running}
          onChange={(e) => {
            choose(e.target.files?.[0]);
            // Cleared, so choosing the same file again (after fixing it on disk) reads it again.
            e.target.value = '';
          }}
        />
      </label>

      {phase.kind === 'inspecting' && <p>{t('import.inspecting')}</p>}

      {inspection && (
        <div className="import-inspection">
          <p>
            {t('import.detected', {
              file: inspection.file,
              format: t(`import.formats.${inspection.format}`),
            })}
          </p>
          {inspection.format === 'delimited' ? (
            <>
              <LayoutPreview inspection={inspection} disabled={running} onOverride={override} />
              {!running && (
                <fieldset className="import-mapping">
                  <legend>{t('import.mapping.legend')}</legend>
                  <ColumnFates
                    columns={inspection.preview.columns}
                    rows={inspection.preview.rows}
                    mapping={mapping}
                    suggestedBy={inspection.suggestedBy}
                    onChange={setMapping}
                  />
                  <p className="import-hint">{t('import.mapping.idHint')}</p>
                  <label>
                    <input
                      type="checkbox"
                      checked={skipBrokenRows}
                      onChange={(e) => setSkipBrokenRows(e.target.checked)}
                    />
                    {t('import.skip.label')}
                  </label>
                </fieldset>
              )}
              {!running && (
                <SavedMappings
                  key={inspection.file}
                  columns={inspection.preview.columns}
                  mapping={mapping}
                  defaultName={details.title || inspection.file}
                  onUse={setMapping}
                />
              )}
            </>
          ) : (
            <p>
              {inspection.manifest
                ? t('import.collectionSummary', {
                    title: inspection.manifest.title,
                    id: inspection.manifest.id,
                    count: inspection.recordCount,
                  })
                : t('import.recordCount', { count: inspection.recordCount })}
            </p>
          )}
          {(inspection.format === 'delimited' || !inspection.manifest) && (
            <CollectionDetails details={details} disabled={running} onChange={setDetails} />
          )}
          <div className="button-row">
            {running ? (
              <button type="button" onClick={() => run.current?.cancel()}>
                {t('import.cancel')}
              </button>
            ) : (
              <button type="button" onClick={() => void start(inspection)}>
                {t('import.start')}
              </button>
            )}
          </div>
        </div>
      )}

      {phase.kind === 'running' && <ImportProgressBar progress={phase.progress} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <ImportOutcome
        phase={phase}
        skipBrokenRows={skipBrokenRows}
        onSkipBrokenRows={() => {
          setSkipBrokenRows(true);
          if (phase.kind === 'failed' && phase.inspection) void start(phase.inspection, true);
        }}
      />

      <h2>{t('import.list.heading')}</h2>
      {imported.status === 'error' && (
        <p role="alert" className="error-text">
          {imported.error.message}
        </p>
      )}
      {imported.status === 'ok' && (
        <ImportedList collections={imported.value} onChanged={() => collectionsChanged(api)} />
      )}
    </section>
  );
}
