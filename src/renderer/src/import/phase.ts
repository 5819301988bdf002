/** The steps of one import in the Import view, and which failures the user may skip past. */
import type { ImportedCollectionSummary } from '@shared/ipc/channels/imports';
import type { SkippedRow } from '@shared/import/delimited';
import type { ImportError } from '@shared/import/errors';
import type { ImportProgress } from './import-run';
import type { InspectionView } from './protocol';

export type Phase =
  | { kind: 'idle' }
  | { kind: 'inspecting' }
  | { kind: 'ready'; inspection: InspectionView }
  | { kind: 'running'; inspection: InspectionView; progress: ImportProgress }
  | {
      kind: 'done';
      summary: ImportedCollectionSummary;
      skipped: { rows: SkippedRow[]; count: number };
      dateReviewCount: number;
    }
  | { kind: 'failed'; errors: ImportError[]; inspection?: InspectionView };

/** Codes of faults in one row's structure: these rows can be skipped (and listed) on request. */
const SKIPPABLE = new Set(['ragged-row', 'malformed-quoting', 'cell-too-long', 'too-many-columns']);

/** The rows the skip choice would leave out, when every problem is one of them. */
export function skippableRows(errors: readonly ImportError[]): number {
  const listed = errors.filter((e) => e.code !== 'more-errors');
  if (listed.length === 0 || errors.some((e) => e.code === 'more-errors')) return 0;
  return listed.every((e) => e.code !== undefined && SKIPPABLE.has(e.code) && e.row !== undefined)
    ? new Set(listed.map((e) => e.row)).size
    : 0;
}

/** The inspection the form shows in this phase, if any. */
export function shownInspection(phase: Phase): InspectionView | undefined {
  return phase.kind === 'ready' || phase.kind === 'running' || phase.kind === 'failed'
    ? phase.inspection
    : undefined;
}
