/** Phase 1: manifest.json exists, is JSON and passes the manifest schema. */
import { MANIFEST_FILE, type CollectionFiles } from '../package-paths';
import { manifestSchema, type Manifest } from '../schema';
import { addIssues, type ErrorSink } from './error-sink';
import { parseJson } from './parse-json';

/** The manifest, or undefined when it is missing or invalid (the errors are in the sink). */
export function readManifest(files: CollectionFiles, sink: ErrorSink): Manifest | undefined {
  const manifestText = files.get(MANIFEST_FILE);
  if (manifestText === undefined) {
    sink.add({ file: MANIFEST_FILE, message: 'missing file: every collection needs a manifest.json' });
    return undefined;
  }
  const json = parseJson(MANIFEST_FILE, manifestText, sink);
  if (!json.ok) return undefined;
  const parsed = manifestSchema.safeParse(json.value);
  if (parsed.success) return parsed.data;
  addIssues(sink, parsed.error.issues, { file: MANIFEST_FILE }, '');
  return undefined;
}
