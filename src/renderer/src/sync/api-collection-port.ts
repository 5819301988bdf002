/**
 * The datasets' way to the collections (datasets.ts, `CollectionPort`) over the app's API: reading an
 * imported collection back as a package's content, and importing a received one through the same
 * channels a file import uses (imports.begin → appendRecords → commit), so main validates it exactly
 * as it validates a file and commits it atomically, or aborts and keeps nothing.
 */
import type { AtmintisApi } from '@shared/ipc/api';
import { MAX_RECORDS_PER_REQUEST } from '@shared/ipc/channels/collections';
import { MAX_RECORDS_PER_BATCH } from '@shared/ipc/channels/imports';
import { BIBLIOGRAPHY_FILE } from '@shared/collection/package-paths';
import type { LoadedRecord } from '@shared/collection/model';
import type { Result } from '@shared/result';
import type { DatasetContent, DatasetFile } from '@shared/sync/dataset';
import type { CollectionPort } from './datasets';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A stored record without what the loader adds (the date range it computes from `date`). */
const toPackageRecord = ({ earliest: _earliest, latest: _latest, ...record }: LoadedRecord): unknown =>
  record;

export function apiCollectionPort(api: AtmintisApi): CollectionPort {
  return {
    async imported() {
      return value(await api.call('imports.list', {})).map(({ id, title, revision }) => ({
        id,
        title,
        revision,
      }));
    },

    async read(collectionId) {
      const details = value(await api.call('collections.summary', { collectionId }));
      const files: DatasetFile[] = [{ path: BIBLIOGRAPHY_FILE, text: JSON.stringify(details.bibliography) }];
      const textPaths = details.manifest.texts ?? [];
      if (textPaths.length > 0) {
        // Only collections with long texts pay for the whole collection once to get their bodies.
        const full = value(await api.call('collections.get', { collectionId }));
        for (const entry of textPaths) {
          const text = full.texts.find((candidate) => candidate.id === entry.id);
          if (text) files.push({ path: entry.file, text: text.markdown });
        }
      }
      const records: unknown[] = [];
      for (let offset = 0; ; offset += MAX_RECORDS_PER_REQUEST) {
        const page = value(
          await api.call('collections.page', { collectionId, offset, limit: MAX_RECORDS_PER_REQUEST }),
        );
        records.push(...page.records.map(toPackageRecord));
        if (page.records.length < MAX_RECORDS_PER_REQUEST || records.length >= page.total) break;
      }
      return { manifest: details.manifest as unknown as DatasetContent['manifest'], files, records };
    },

    async importPackage(content, source) {
      const begun = value(
        await api.call('imports.begin', {
          manifest: content.manifest,
          files: content.files.filter((file) => file.path !== 'manifest.json'),
          source,
        }),
      );
      try {
        for (let start = 0; start < content.records.length; start += MAX_RECORDS_PER_BATCH) {
          value(
            await api.call('imports.appendRecords', {
              sessionId: begun.sessionId,
              seq: start / MAX_RECORDS_PER_BATCH,
              records: content.records.slice(start, start + MAX_RECORDS_PER_BATCH),
            }),
          );
        }
        const committed = value(await api.call('imports.commit', { sessionId: begun.sessionId }));
        return { revision: committed.revision };
      } catch (error) {
        await api.call('imports.abort', { sessionId: begun.sessionId });
        throw error;
      }
    },
  };
}
