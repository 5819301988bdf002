import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ImportedCollectionSummary } from '../../../shared/ipc/channels/imports';
import { DELIMITERS, type Delimiter } from '../../../shared/import/delimited';
import { ENCODINGS, type ImportEncoding } from '../../../shared/import/encoding';
import { formatImportError, type ImportError } from '../../../shared/import/errors';
import { columnMappingSchema, type ColumnMappingInput } from '../../../shared/import/mapping';
import {
  collectionIdFromFileName,
  manifestForImport,
  type InspectOverrides,
} from '../../../shared/import/pipeline';
import { useApi } from '../api/ApiContext';
import { forgetCollections } from '../collection/useCollection';
import { ViewHeading } from '../shell/ViewHeading';
import { ImportedList } from '../import/ImportedList';
import { MappingForm } from '../import/MappingForm';
import {
  createImportWorker,
  ImportRun,
  type ImportProgress,
  type ImportWorkerPort,
} from '../import/import-run';
import type { ImportWorkerResponse, InspectionView } from '../import/protocol';
import { COLLECTIONS_CHANGED_EVENT, useImportedCollections } from '../import/useImportedCollections';
import '../import/import.css';

const PREVIEW_ROWS = 5;
const DELIMITER_KEYS: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

type Phase =
  | { kind: 'idle' }
  | { kind: 'inspecting' }
  | { kind: 'ready'; inspection: InspectionView }
  | { kind: 'running'; inspection: InspectionView; progress: ImportProgress }
  | { kind: 'done'; summary: ImportedCollectionSummary }
  | { kind: 'failed'; errors: ImportError[]; inspection?: InspectionView };

function ErrorList({ errors }: { errors: ImportError[] }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="import-errors">
      <p>{t('import.errors.heading', { count: errors.length })}</p>
      <ul>
        {errors.map((error, i) => (
          <li key={i}>{formatImportError(error)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Import a CSV/TSV, JSON, JSONL or .zip collection: choose, check the layout and mapping, import. */
export default function ImportView() {
  const { t } = useTranslation();
  const api = useApi();
  const imported = useImportedCollections();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [file, setFile] = useState<File | null>(null);
  const [overrides, setOverrides] = useState<InspectOverrides>({});
  const [mapping, setMapping] = useState<ColumnMappingInput>({ fields: {} });
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

  const inspect = (chosen: File, nextOverrides: InspectOverrides) => {
    worker.current?.terminate();
    const port = createImportWorker();
    worker.current = port;
    setPhase({ kind: 'inspecting' });
    const onMessage = (event: MessageEvent<ImportWorkerResponse>) => {
      const message = event.data;
      if (message.type !== 'inspected' && message.type !== 'failed') return;
      port.removeEventListener('message', onMessage);
      if (message.type === 'failed') {
        setPhase({ kind: 'failed', errors: message.errors });
        return;
      }
      const { inspection } = message;
      if (inspection.format === 'delimited') setMapping(inspection.suggested);
      setPhase({ kind: 'ready', inspection });
    };
    port.addEventListener('message', onMessage);
    port.postMessage({ type: 'inspect', file: chosen, overrides: nextOverrides });
  };

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setOverrides({});
    setDetails({ id: collectionIdFromFileName(chosen.name), title: chosen.name.replace(/\.[^.]+$/, '') });
    inspect(chosen, {});
  };

  const override = (next: InspectOverrides) => {
    const merged = { ...overrides, ...next };
    setOverrides(merged);
    if (file) inspect(file, merged);
  };

  const start = async (inspection: InspectionView) => {
    const port = worker.current;
    if (!port || !file) return;
    let parsedMapping;
    if (inspection.format === 'delimited') {
      const checked = columnMappingSchema.safeParse(mapping);
      if (!checked.success) {
        setPhase({
          kind: 'failed',
          inspection,
          errors: checked.error.issues.map((i) => ({ reason: i.message })),
        });
        return;
      }
      parsedMapping = checked.data;
    }
    const manifest =
      (inspection.format !== 'delimited' ? inspection.manifest : undefined) ??
      manifestForImport({ id: details.id, title: details.title || file.name, source: file.name });
    lastAnnounced.current = -1;
    const importRun = new ImportRun({
      api,
      worker: port,
      manifest,
      files: inspection.format === 'delimited' ? [] : inspection.files,
      source: file.name,
      ...(parsedMapping ? { mapping: parsedMapping } : {}),
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
    setPhase({ kind: 'running', inspection, progress: { percent: 0, stored: 0, recordsPerSecond: 0 } });
    const outcome = await importRun.start();
    run.current = null;
    // The worker is spent (or terminated): the next import starts a fresh one.
    worker.current?.terminate();
    worker.current = null;
    if (outcome.status === 'done') {
      setPhase({ kind: 'done', summary: outcome.summary });
      setAnnouncement(t('import.done', { title: outcome.summary.title, count: outcome.summary.recordCount }));
      forgetCollections(api);
      window.dispatchEvent(new Event(COLLECTIONS_CHANGED_EVENT));
      imported.reload();
    } else if (outcome.status === 'failed') {
      setPhase({ kind: 'failed', errors: outcome.errors, inspection });
      setAnnouncement(t('import.errors.heading', { count: outcome.errors.length }));
    } else {
      setPhase({ kind: 'idle' });
      setAnnouncement(t('import.cancelled'));
    }
  };

  const inspection =
    phase.kind === 'ready' || phase.kind === 'running'
      ? phase.inspection
      : phase.kind === 'failed'
        ? phase.inspection
        : undefined;
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
          onChange={(e) => choose(e.target.files?.[0])}
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
              <fieldset className="import-layout" disabled={running}>
                <legend>{t('import.layout.legend')}</legend>
                <label>
                  {t('import.layout.encoding')}
                  <select
                    value={inspection.encoding}
                    onChange={(e) => override({ encoding: e.target.value as ImportEncoding })}
                  >
                    {ENCODINGS.map((enc) => (
                      <option key={enc} value={enc}>
                        {enc}
                      </option>
                    ))}
                  </select>
                </label>
                <span className="import-hint">
                  {t('import.layout.detectedBecause', { reason: inspection.encodingReason })}
                </span>
                <label>
                  {t('import.layout.delimiter')}
                  <select
                    value={inspection.preview.delimiter}
                    onChange={(e) => override({ delimiter: e.target.value as Delimiter })}
                  >
                    {DELIMITERS.map((d) => (
                      <option key={d} value={d}>
                        {t(`import.layout.delimiters.${DELIMITER_KEYS[d]}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <input
                    type="checkbox"
                    checked={inspection.preview.header}
                    onChange={(e) => override({ header: e.target.checked })}
                  />
                  {t('import.layout.header')}
                </label>
              </fieldset>
              <table className="import-preview">
                <caption>
                  {t('import.preview.caption', {
                    count: Math.min(PREVIEW_ROWS, inspection.preview.rows.length),
                  })}
                </caption>
                <thead>
                  <tr>
                    {inspection.preview.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {inspection.preview.rows.slice(0, PREVIEW_ROWS).map((row, i) => (
                    <tr key={i}>
                      {inspection.preview.columns.map((c, j) => (
                        <td key={c}>{row[j] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              {!running && (
                <MappingForm columns={inspection.preview.columns} mapping={mapping} onChange={setMapping} />
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
            <fieldset className="import-details" disabled={running}>
              <legend>{t('import.details.legend')}</legend>
              <label>
                {t('import.details.title')}
                <input
                  value={details.title}
                  onChange={(e) => setDetails({ ...details, title: e.target.value })}
                />
              </label>
              <label>
                {t('import.details.id')}
                <input
                  value={details.id}
                  pattern="[a-z0-9]+(-[a-z0-9]+)*"
                  onChange={(e) => setDetails({ ...details, id: e.target.value })}
                />
              </label>
              <span className="import-hint">{t('import.details.idHint')}</span>
            </fieldset>
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

      {phase.kind === 'running' && (
        <div className="import-progress">
          <div
            role="progressbar"
            aria-label={t('import.progress.label')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={phase.progress.percent}
            className="import-progress-bar"
          >
            <div style={{ width: `${phase.progress.percent}%` }} />
          </div>
          <p>
            {t('import.progress.text', {
              percent: phase.progress.percent,
              count: phase.progress.stored,
              rate: phase.progress.recordsPerSecond,
            })}
          </p>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {phase.kind === 'failed' && <ErrorList errors={phase.errors} />}
      {phase.kind === 'done' && (
        <p className="import-done">
          {t('import.done', { title: phase.summary.title, count: phase.summary.recordCount })}{' '}
          <Link href="~/search">{t('import.searchIt')}</Link>
        </p>
      )}

      <h2>{t('import.list.heading')}</h2>
      {imported.error && (
        <p role="alert" className="error-text">
          {imported.error}
        </p>
      )}
      {imported.collections && (
        <ImportedList
          collections={imported.collections}
          onChanged={() => {
            forgetCollections(api);
            window.dispatchEvent(new Event(COLLECTIONS_CHANGED_EVENT));
            imported.reload();
          }}
        />
      )}
    </section>
  );
}
