/**
 * Phase 3: every records/*.json file is a JSON array of records that pass their kind's schema, with ids
 * unique across the package and claim ids unique across all records. Cross-references are phase 4's.
 */
import { isRecordFilePath, type CollectionFiles } from '../package-paths';
import { RECORD_KINDS, recordSchemaByKind, type CollectionRecord, type RecordKind } from '../schema';
import { addIssues, isObject, joinPath, type ErrorSink } from './error-sink';
import { parseJson } from './parse-json';

interface Located {
  file: string;
  index: number;
}

export interface RecordEntry {
  record: CollectionRecord;
  file: string;
  index: number;
  /** The record's date read once, for both the check and the bounds. */
  earliest?: string | null;
  latest?: string | null;
}

/** Membership only: the phase's own indexes are handed out as they are, without copying 200,000 ids. */
type IdSet = Pick<ReadonlySet<string>, 'has'>;

export interface RecordsPhase {
  /** The records that passed the schema, in file then array order. */
  entries: RecordEntry[];
  /** False when a record file could not be read: references to its records are then not checked. */
  readable: boolean;
  /** Every record id given, valid record or not. */
  recordIds: IdSet;
  /** Claim ids of valid records. */
  claimIds: IdSet;
  /** Claim ids of records that failed the schema (not validated further, but not reported as missing). */
  knownClaimIds: IdSet;
}

const where = (l: Located): string => `${l.file} (item ${l.index + 1})`;

export function readRecords(
  files: CollectionFiles,
  sink: ErrorSink,
  schemaCheckedRecordFiles: ReadonlySet<string> | undefined,
): RecordsPhase {
  const recordFiles = [...files.keys()].filter(isRecordFilePath).sort();
  if (recordFiles.length === 0) {
    sink.add({ file: 'records/', message: 'no record files: put the records in records/*.json' });
  }
  const entries: RecordEntry[] = [];
  let readable = true;
  const recordIndex = new Map<string, Located>();
  const duplicateReported = new Set<string>();
  const claimIndex = new Map<string, Located & { recordId: string; claimIndex: number }>();
  const knownClaimIds = new Set<string>();
  for (const file of recordFiles) {
    const schemaChecked = schemaCheckedRecordFiles?.has(file) === true;
    const json = parseJson(file, files.get(file) ?? '', sink, schemaChecked);
    if (!json.ok) {
      readable = false;
      continue;
    }
    if (!Array.isArray(json.value)) {
      sink.add({ file, message: 'must be a JSON array of records' });
      readable = false;
      continue;
    }
    json.value.forEach((raw: unknown, index) => {
      if (!isObject(raw)) {
        sink.add({ file, field: `[${index}]`, message: 'each record must be a JSON object' });
        return;
      }
      const rawId = typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
      const base = rawId === undefined ? { file } : { file, recordId: rawId };
      const prefix = rawId === undefined ? `[${index}]` : '';
      if (rawId !== undefined) {
        const prev = recordIndex.get(rawId);
        if (prev) {
          if (!duplicateReported.has(`${prev.file}#${prev.index}`)) {
            duplicateReported.add(`${prev.file}#${prev.index}`);
            sink.add({
              file: prev.file,
              recordId: rawId,
              field: 'id',
              message: `duplicate id "${rawId}": also used in ${where({ file, index })}`,
            });
          }
          sink.add({ ...base, field: 'id', message: `duplicate id "${rawId}": also used in ${where(prev)}` });
        } else {
          recordIndex.set(rawId, { file, index });
        }
      }
      // Keep the claim ids of an invalid record known, so links to them do not cascade into more errors.
      const rememberClaimIds = (r: Record<string, unknown>): void => {
        if (!Array.isArray(r.claims)) return;
        for (const c of r.claims as unknown[])
          if (isObject(c) && typeof c.id === 'string') knownClaimIds.add(c.id);
      };
      const kind = raw.kind;
      if (typeof kind !== 'string' || !(RECORD_KINDS as readonly string[]).includes(kind)) {
        sink.add({
          ...base,
          field: joinPath(prefix, 'kind'),
          message:
            kind === undefined
              ? `required field is missing (one of ${RECORD_KINDS.join(', ')})`
              : `unknown kind ${JSON.stringify(kind)}; expected one of ${RECORD_KINDS.join(', ')}`,
        });
        rememberClaimIds(raw);
        return;
      }
      let record: CollectionRecord;
      if (schemaChecked) {
        // The caller proved these exact bytes are what it wrote after parsing each record with the
        // record schema (defaults filled, strings trimmed), so parsing again would yield the same.
        record = raw as CollectionRecord;
      } else {
        const parsed = recordSchemaByKind[kind as RecordKind].safeParse(raw);
        if (!parsed.success) {
          addIssues(sink, parsed.error.issues, base, prefix);
          rememberClaimIds(raw);
          return;
        }
        record = parsed.data as CollectionRecord;
      }
      entries.push({ record, file, index });
      record.claims.forEach((claim, ci) => {
        const prev = claimIndex.get(claim.id);
        if (prev) {
          sink.add({
            file,
            recordId: record.id,
            field: `claims[${ci}].id`,
            message: `duplicate claim id "${claim.id}": also used in record "${prev.recordId}" (${prev.file})`,
          });
          sink.add({
            file: prev.file,
            recordId: prev.recordId,
            field: `claims[${prev.claimIndex}].id`,
            message: `duplicate claim id "${claim.id}": also used in record "${record.id}" (${file})`,
          });
        } else {
          claimIndex.set(claim.id, { file, index, recordId: record.id, claimIndex: ci });
        }
      });
    });
  }
  return {
    entries,
    readable,
    recordIds: recordIndex,
    claimIds: claimIndex,
    knownClaimIds,
  };
}
