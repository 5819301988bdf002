/** Phase 0: every path in the package stays inside it, and records/ holds only .json files. */
import { isRecordFilePath, isSafePackagePath, type CollectionFiles } from '../package-paths';
import type { ErrorSink } from './error-sink';

export function checkPaths(files: CollectionFiles, sink: ErrorSink): void {
  for (const path of files.keys()) {
    if (!isSafePackagePath(path)) {
      sink.add({
        file: path,
        message: 'path escapes the collection folder (absolute, or contains "." or "..")',
      });
    } else if (path.startsWith('records/') && !isRecordFilePath(path)) {
      sink.add({ file: path, message: 'the records/ folder may only hold .json files (no subfolders)' });
    }
  }
}
