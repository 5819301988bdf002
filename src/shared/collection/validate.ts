/**
 * Pure validation of a collection package held in memory as a map of package-relative file path →
 * file contents (UTF-8 text). The Node loader (src/main/collection) only reads a folder into such a map,
 * and the import of a .zip or JSON package (src/shared/import) builds one too. Each phase lives in
 * ./validation/, in the order they run here.
 *
 * Returns the validated, normalised collection or every error found (capped at `maxErrors`), each with
 * the file, the record and the field concerned. Never throws on any input.
 */
import type { CollectionError } from './collection-error';
import { computeIntegrityReport } from './integrity';
import type { LoadedCollection, LoadedRecord, LoadedText } from './model';
import type { CollectionFiles } from './package-paths';
import { readBibliography } from './validation/bibliography';
import { ErrorSink } from './validation/error-sink';
import { readManifest } from './validation/manifest';
import { checkPaths } from './validation/paths';
import { readRecords } from './validation/records';
import { createReferenceChecks } from './validation/references';
import { readTexts } from './validation/texts';

export type ValidationResult =
  { ok: true; collection: LoadedCollection } | { ok: false; errors: CollectionError[] };

interface ValidateOptions {
  /** Stop recording after this many errors (a final error says how many more there were). Default 200. */
  maxErrors?: number;
  /**
   * Record files whose every record has already passed the record schema, byte for byte as given here
   * (the caller proves that, e.g. with a hash of what it wrote). Their records are not schema-parsed
   * again; everything else — JSON, ids, duplicates, cross-references, dates, links — is still checked.
   */
  schemaCheckedRecordFiles?: ReadonlySet<string>;
}

/** Validate a collection package held in memory. */
export function validateCollection(files: CollectionFiles, options: ValidateOptions = {}): ValidationResult {
  const sink = new ErrorSink(Math.max(1, options.maxErrors ?? 200));

  checkPaths(files, sink);
  const manifest = readManifest(files, sink);
  const bibliography = readBibliography(files, sink);
  const records = readRecords(files, sink, options.schemaCheckedRecordFiles);

  const references = createReferenceChecks(sink, bibliography, records);
  for (const entry of records.entries) references.checkRecord(entry);
  const texts: LoadedText[] = manifest ? readTexts(files, manifest, sink, references.checkLinks) : [];

  if (sink.count > 0 || !manifest) return { ok: false, errors: sink.finish() };

  // Each record object is this call's own (fresh from JSON.parse or zod), so it is completed in place
  // rather than copied: 200,000 copies are garbage the collector has to chase.
  const loaded: LoadedRecord[] = records.entries.map(({ record, earliest, latest }) => {
    const out = record as LoadedRecord;
    out.earliest = earliest ?? null;
    out.latest = latest ?? null;
    return out;
  });
  return {
    ok: true,
    collection: {
      manifest,
      records: loaded,
      bibliography: bibliography.items,
      texts,
      integrity: computeIntegrityReport(loaded, bibliography.items),
    },
  };
}
