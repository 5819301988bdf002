/**
 * Pure validation of a collection package held in memory as a map of package-relative file path →
 * file contents (UTF-8 text). The Node loader (src/main/collection) only reads a folder into such a map;
 * a future .zip loader can do the same and reuse everything here.
 *
 * Returns the validated, normalised collection or every error found (capped at `maxErrors`), each with
 * the file, the record and the field concerned. Never throws on any input.
 */
import type { z } from 'zod';
import { describeExcessiveNesting, findExcessiveNesting } from '../json/nesting';
import { edtfBounds, parseEdtf } from './edtf';
import { computeIntegrityReport, type IntegrityReport } from './integrity';
import { extractCollectionLinks } from './links';
import {
  RECORD_KINDS,
  cslItemSchema,
  manifestSchema,
  recordSchemaByKind,
  type Claim,
  type CollectionRecord,
  type CslItem,
  type Manifest,
  type RecordKind,
} from './schema';

export interface CollectionError {
  /** Package-relative path of the file concerned, e.g. "records/operations.json". */
  file: string;
  /** Record id (or bibliography entry id in bibliography.json) when the error concerns one. */
  recordId?: string;
  /** Path to the field inside the record/entry/file, e.g. "claims[2].source" or "line 14". */
  field?: string;
  message: string;
}

export type CollectionFiles = ReadonlyMap<string, string>;

export type LoadedRecord = CollectionRecord & {
  /** Earliest day (ISO `YYYY-MM-DD`) the record's `date` can denote; null when it has no date. */
  earliest: string | null;
  /** Latest day (ISO `YYYY-MM-DD`) the record's `date` can denote; null when it has no date. */
  latest: string | null;
};

export interface LoadedText {
  id: string;
  title: string;
  language: string;
  markdown: string;
  /** Id of the text this one translates, when it is a translation. */
  translationOf?: string;
}

export interface LoadedCollection {
  manifest: Manifest;
  records: LoadedRecord[];
  bibliography: CslItem[];
  texts: LoadedText[];
  integrity: IntegrityReport;
}

export type ValidationResult =
  { ok: true; collection: LoadedCollection } | { ok: false; errors: CollectionError[] };

export interface ValidateOptions {
  /** Stop recording after this many errors (a final error says how many more there were). Default 200. */
  maxErrors?: number;
  /**
   * Record files whose every record has already passed the record schema, byte for byte as given here
   * (the caller proves that, e.g. with a hash of what it wrote). Their records are not schema-parsed
   * again; everything else — JSON, ids, duplicates, cross-references, dates, links — is still checked.
   */
  schemaCheckedRecordFiles?: ReadonlySet<string>;
}

export const MANIFEST_FILE = 'manifest.json';
export const BIBLIOGRAPHY_FILE = 'bibliography.json';
/** Pseudo-file name for errors about the package as a whole. */
export const COLLECTION_PSEUDO_FILE = '(collection)';

/** `records/operations.json › record "op-vesna" › claims[2].source: no bibliography entry "xyz"` */
export function formatCollectionError(error: CollectionError): string {
  let out = error.file;
  if (error.recordId !== undefined) {
    const noun = error.file === BIBLIOGRAPHY_FILE ? 'entry' : 'record';
    out += ` › ${noun} "${error.recordId}"`;
  }
  if (error.field !== undefined && error.field !== '') out += ` › ${error.field}`;
  return `${out}: ${error.message}`;
}

/** True for a normalised package-relative path: no leading "/", no drive letter, no "." or ".." segments. */
export function isSafePackagePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[a-zA-Z]:/.test(path)) return false;
  if (path.includes('\0')) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Ids, keys and names in an error come from the file: a hostile one must not make a 10 MB message. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

function clipError(error: CollectionError): CollectionError {
  return {
    ...error,
    file: clip(error.file, 300),
    ...(error.recordId === undefined ? {} : { recordId: clip(error.recordId, 200) }),
    ...(error.field === undefined ? {} : { field: clip(error.field, 300) }),
    message: clip(error.message, 1000),
  };
}

class ErrorSink {
  readonly errors: CollectionError[] = [];
  private dropped = 0;
  constructor(private readonly max: number) {}
  add(error: CollectionError): void {
    if (this.errors.length < this.max) this.errors.push(clipError(error));
    else this.dropped += 1;
  }
  get count(): number {
    return this.errors.length + this.dropped;
  }
  finish(): CollectionError[] {
    if (this.dropped === 0) return this.errors;
    return [
      ...this.errors,
      {
        file: COLLECTION_PSEUDO_FILE,
        message: `${this.dropped} more error(s) not shown; fix the errors above first`,
      },
    ];
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** "claims[2].source" from a zod/issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

function joinPath(prefix: string, rest: string): string {
  if (prefix === '') return rest;
  if (rest === '') return prefix;
  return rest.startsWith('[') ? prefix + rest : `${prefix}.${rest}`;
}

function issueToErrors(
  issue: z.core.$ZodIssue,
  base: Omit<CollectionError, 'message'>,
  prefix: string,
): CollectionError[] {
  const field = joinPath(prefix, formatPath(issue.path));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      ...base,
      field: joinPath(field, key),
      message: 'unknown field (not part of the collection format)',
    }));
  }
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    message = `required field is missing (expected ${issue.expected})`;
  } else if (issue.code === 'invalid_type') {
    message = issue.message.replace(/^Invalid input: /, '');
  }
  return [{ ...base, ...(field === '' ? {} : { field }), message }];
}

function parseJson(
  file: string,
  text: string,
  sink: ErrorSink,
  nestingChecked = false,
): { ok: true; value: unknown } | { ok: false } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Deep nesting parses, but then crashes the recursive validation and rendering; refuse it here.
  // (Text already known to hold schema-valid records is as shallow as the schema.)
  const tooDeep = nestingChecked ? null : findExcessiveNesting(body);
  if (tooDeep) {
    sink.add({ file, message: `JSON ${describeExcessiveNesting(tooDeep)}; refusing to read it` });
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const pos = /at position (\d+)/.exec(raw);
    const reason = raw
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '')
      .trim();
    if (pos) {
      const offset = Number(pos[1]);
      const before = body.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      sink.add({ file, message: `invalid JSON at line ${line}, column ${column}: ${reason}` });
    } else {
      const lines = body.split('\n');
      sink.add({
        file,
        message: `invalid JSON at line ${lines.length}, column ${(lines.at(-1) ?? '').length + 1}: ${reason}`,
      });
    }
    return { ok: false };
  }
}

interface Located {
  file: string;
  index: number;
}

interface RecordEntry {
  record: CollectionRecord;
  file: string;
  index: number;
  /** The record's date read once, for both the check and the bounds. */
  earliest?: string | null;
  latest?: string | null;
}

const where = (l: Located): string => `${l.file} (item ${l.index + 1})`;

/** Validate a collection package held in memory. */
export function validateCollection(files: CollectionFiles, options: ValidateOptions = {}): ValidationResult {
  const sink = new ErrorSink(Math.max(1, options.maxErrors ?? 200));

  // 0. Paths.
  for (const path of files.keys()) {
    if (!isSafePackagePath(path)) {
      sink.add({
        file: path,
        message: 'path escapes the collection folder (absolute, or contains "." or "..")',
      });
    } else if (path.startsWith('records/') && !/^records\/[^/]+\.json$/.test(path)) {
      sink.add({ file: path, message: 'the records/ folder may only hold .json files (no subfolders)' });
    }
  }

  // 1. Manifest.
  let manifest: Manifest | undefined;
  const manifestText = files.get(MANIFEST_FILE);
  if (manifestText === undefined) {
    sink.add({ file: MANIFEST_FILE, message: 'missing file: every collection needs a manifest.json' });
  } else {
    const json = parseJson(MANIFEST_FILE, manifestText, sink);
    if (json.ok) {
      const parsed = manifestSchema.safeParse(json.value);
      if (parsed.success) manifest = parsed.data;
      else
        for (const issue of parsed.error.issues)
          for (const e of issueToErrors(issue, { file: MANIFEST_FILE }, '')) sink.add(e);
    }
  }

  // 2. Bibliography.
  const bibliography: CslItem[] = [];
  const bibIndex = new Map<string, Located>();
  const bibText = files.get(BIBLIOGRAPHY_FILE);
  let bibliographyReadable = false;
  if (bibText === undefined) {
    sink.add({
      file: BIBLIOGRAPHY_FILE,
      message: 'missing file: every collection needs a bibliography.json',
    });
  } else {
    const json = parseJson(BIBLIOGRAPHY_FILE, bibText, sink);
    if (json.ok && !Array.isArray(json.value)) {
      sink.add({ file: BIBLIOGRAPHY_FILE, message: 'must be a JSON array of CSL-JSON items' });
    } else if (json.ok && Array.isArray(json.value)) {
      bibliographyReadable = true;
      json.value.forEach((raw: unknown, index) => {
        const rawId = isObject(raw) && typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
        const base =
          rawId === undefined ? { file: BIBLIOGRAPHY_FILE } : { file: BIBLIOGRAPHY_FILE, recordId: rawId };
        const prefix = rawId === undefined ? `[${index}]` : '';
        if (rawId !== undefined) {
          const prev = bibIndex.get(rawId);
          if (prev) {
            sink.add({
              ...base,
              field: 'id',
              message: `duplicate id "${rawId}": used by items ${prev.index + 1} and ${index + 1}`,
            });
          } else {
            bibIndex.set(rawId, { file: BIBLIOGRAPHY_FILE, index });
          }
        }
        const parsed = cslItemSchema.safeParse(raw);
        if (parsed.success) bibliography.push(parsed.data);
        else
          for (const issue of parsed.error.issues)
            for (const e of issueToErrors(issue, base, prefix)) sink.add(e);
      });
    }
  }

  // 3. Records.
  const recordFiles = [...files.keys()].filter((p) => /^records\/[^/]+\.json$/.test(p)).sort();
  if (recordFiles.length === 0) {
    sink.add({ file: 'records/', message: 'no record files: put the records in records/*.json' });
  }
  const entries: RecordEntry[] = [];
  /** False when a record file could not be read: references to its records are then not checked. */
  let recordsReadable = true;
  const recordIndex = new Map<string, Located>();
  const duplicateReported = new Set<string>();
  const claimIndex = new Map<string, Located & { recordId: string; claimIndex: number }>();
  /** Claim ids of records that failed the schema (not validated further, but not reported as missing). */
  const knownClaimIds = new Set<string>();
  for (const file of recordFiles) {
    const schemaChecked = options.schemaCheckedRecordFiles?.has(file) === true;
    const json = parseJson(file, files.get(file) ?? '', sink, schemaChecked);
    if (!json.ok) {
      recordsReadable = false;
      continue;
    }
    if (!Array.isArray(json.value)) {
      sink.add({ file, message: 'must be a JSON array of records' });
      recordsReadable = false;
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
          for (const issue of parsed.error.issues)
            for (const e of issueToErrors(issue, base, prefix)) sink.add(e);
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

  // 4. Cross-references inside records.
  const bibIds = new Set(bibIndex.keys());
  const checkBib = (id: string | undefined, base: Omit<CollectionError, 'message'>): void => {
    if (id !== undefined && bibliographyReadable && !bibIds.has(id)) {
      sink.add({ ...base, message: `no bibliography entry "${id}"` });
    }
  };
  const checkDate = (value: string | undefined, base: Omit<CollectionError, 'message'>): void => {
    if (value === undefined) return;
    const parsed = parseEdtf(value);
    if (!parsed.ok) sink.add({ ...base, message: `invalid EDTF date: ${parsed.error}` });
  };
  const checkReference = (
    ref: {
      source?: string | undefined;
      jointSources?: string[] | undefined;
      via?: string | undefined;
      status: string;
    },
    base: Omit<CollectionError, 'message'>,
    field: string,
  ): void => {
    checkBib(ref.source, { ...base, field: `${field}.source` });
    ref.jointSources?.forEach((s, i) => checkBib(s, { ...base, field: `${field}.jointSources[${i}]` }));
    checkBib(ref.via, { ...base, field: `${field}.via` });
    if ((ref.status === 'sourced' || ref.status === 'as-cited') && ref.source === undefined) {
      sink.add({ ...base, field: `${field}.source`, message: `status "${ref.status}" needs a source` });
    }
    if (ref.status === 'as-cited' && ref.via === undefined) {
      sink.add({
        ...base,
        field: `${field}.via`,
        message: 'status "as-cited" needs "via": the bibliography id of the work that cites the source',
      });
    }
    if (ref.status !== 'as-cited' && ref.via !== undefined) {
      sink.add({ ...base, field: `${field}.via`, message: `"via" is only allowed with status "as-cited"` });
    }
  };
  const checkClaim = (claim: Claim, base: Omit<CollectionError, 'message'>, field: string): void => {
    const hasValue = claim.value !== undefined;
    const hasMin = claim.min !== undefined;
    const hasMax = claim.max !== undefined;
    if (hasValue && (hasMin || hasMax)) {
      sink.add({ ...base, field, message: 'give either "value" or "min" and "max", not both' });
    } else if (!hasValue && !(hasMin && hasMax)) {
      sink.add({
        ...base,
        field,
        message: hasMin || hasMax ? 'a range needs both "min" and "max"' : 'needs "value" or "min" and "max"',
      });
    }
    if (claim.min !== undefined && claim.max !== undefined && claim.min > claim.max) {
      sink.add({
        ...base,
        field: `${field}.min`,
        message: `range min ${claim.min} is greater than max ${claim.max}`,
      });
    }
    if (claim.unit === 'percent') {
      for (const key of ['value', 'min', 'max'] as const) {
        const n = claim[key];
        if (n !== undefined && (n < 0 || n > 100)) {
          sink.add({ ...base, field: `${field}.${key}`, message: `percentage ${n} is outside 0–100` });
        }
      }
    }
    checkReference(claim, base, field);
    checkDate(claim.date, { ...base, field: `${field}.date` });
  };
  const checkLinks = (
    markdown: string,
    base: Omit<CollectionError, 'message'>,
    fieldPrefix?: string,
  ): void => {
    for (const link of extractCollectionLinks(markdown)) {
      const field = fieldPrefix ?? `line ${link.line}`;
      if (link.scheme === 'record' && recordsReadable && !recordIndex.has(link.target)) {
        sink.add({ ...base, field, message: `link "${link.raw}" points to no record "${link.target}"` });
      } else if (
        link.scheme === 'claim' &&
        recordsReadable &&
        !claimIndex.has(link.target) &&
        !knownClaimIds.has(link.target)
      ) {
        sink.add({ ...base, field, message: `link "${link.raw}" points to no claim "${link.target}"` });
      } else if (link.scheme === 'cite' && bibliographyReadable && !bibIds.has(link.target)) {
        sink.add({
          ...base,
          field,
          message: `link "${link.raw}" points to no bibliography entry "${link.target}"`,
        });
      }
    }
  };

  for (const entry of entries) {
    const { record, file } = entry;
    const base = { file, recordId: record.id };
    if (record.date !== undefined) {
      const parsed = parseEdtf(record.date);
      if (!parsed.ok) sink.add({ ...base, field: 'date', message: `invalid EDTF date: ${parsed.error}` });
      else {
        const bounds = edtfBounds(parsed.value);
        entry.earliest = bounds.earliest;
        entry.latest = bounds.latest;
      }
    }
    record.altDates.forEach((d, i) => {
      checkDate(d.date, { ...base, field: `altDates[${i}].date` });
      checkReference(d, base, `altDates[${i}]`);
    });
    record.citations.forEach((c, i) => checkReference(c, base, `citations[${i}]`));
    record.altNames.forEach((n, i) => checkBib(n.source, { ...base, field: `altNames[${i}].source` }));
    record.relations.forEach((rel, i) => {
      if (recordsReadable && !recordIndex.has(rel.target)) {
        sink.add({ ...base, field: `relations[${i}].target`, message: `no record "${rel.target}"` });
      } else if (rel.target === record.id) {
        sink.add({ ...base, field: `relations[${i}].target`, message: 'a record cannot relate to itself' });
      }
    });
    record.claims.forEach((claim, i) => checkClaim(claim, base, `claims[${i}]`));
    checkLinks(record.summary, base, 'summary');
    for (const [language, translation] of Object.entries(record.translations ?? {})) {
      if (translation.summary) checkLinks(translation.summary, base, `translations.${language}.summary`);
    }
    if (record.kind === 'place' && record.coordinates) {
      const c = record.coordinates;
      checkBib(c.source, { ...base, field: 'coordinates.source' });
      c.jointSources?.forEach((s, i) => checkBib(s, { ...base, field: `coordinates.jointSources[${i}]` }));
      if (c.status === 'sourced' && c.source === undefined) {
        sink.add({ ...base, field: 'coordinates.source', message: 'sourced coordinates need a source' });
      }
    }
    if (record.kind === 'source') {
      record.bibliographyIds.forEach((id, i) => checkBib(id, { ...base, field: `bibliographyIds[${i}]` }));
      record.citationData?.inTextCitations.forEach((c, i) =>
        c.claims.forEach((claimId, j) => {
          if (recordsReadable && !claimIndex.has(claimId) && !knownClaimIds.has(claimId)) {
            sink.add({
              ...base,
              field: `citationData.inTextCitations[${i}].claims[${j}]`,
              message: `no claim "${claimId}"`,
            });
          }
        }),
      );
    }
  }

  // 5. Texts.
  const texts: LoadedText[] = [];
  if (manifest) {
    const listed = new Set<string>();
    const textIds = new Map<string, number>();
    manifest.texts.forEach((t, i) => {
      const base = { file: MANIFEST_FILE, field: `texts[${i}]` };
      const prevId = textIds.get(t.id);
      if (prevId !== undefined) {
        sink.add({
          ...base,
          field: `texts[${i}].id`,
          message: `duplicate text id "${t.id}": also texts[${prevId}]`,
        });
      } else {
        textIds.set(t.id, i);
      }
      if (!isSafePackagePath(t.file)) {
        sink.add({
          ...base,
          field: `texts[${i}].file`,
          message: `path "${t.file}" escapes the collection folder (absolute, or contains "." or "..")`,
        });
        return;
      }
      if (!/^texts\/.+\.md$/.test(t.file)) {
        sink.add({
          ...base,
          field: `texts[${i}].file`,
          message: `"${t.file}" must be a .md file under texts/`,
        });
        return;
      }
      listed.add(t.file);
      const markdown = files.get(t.file);
      if (markdown === undefined) {
        sink.add({
          ...base,
          field: `texts[${i}].file`,
          message: `no such file "${t.file}" in the collection`,
        });
        return;
      }
      checkLinks(markdown, { file: t.file });
      texts.push({
        id: t.id,
        title: t.title,
        language: t.language,
        markdown,
        ...(t.translationOf === undefined ? {} : { translationOf: t.translationOf }),
      });
    });
    manifest.texts.forEach((t, i) => {
      if (t.translationOf === undefined) return;
      const original = manifest.texts.find((other) => other.id === t.translationOf);
      const message =
        t.translationOf === t.id
          ? 'a text cannot be a translation of itself'
          : !original
            ? `no text "${t.translationOf}" in the manifest`
            : original.language === t.language
              ? `"${t.translationOf}" is already in language "${t.language}"`
              : undefined;
      if (message) sink.add({ file: MANIFEST_FILE, field: `texts[${i}].translationOf`, message });
    });
    for (const path of files.keys()) {
      if (path.startsWith('texts/') && path.endsWith('.md') && !listed.has(path)) {
        sink.add({ file: path, message: 'text file is not listed in manifest.json "texts"' });
      }
    }
  }

  if (sink.count > 0 || !manifest) return { ok: false, errors: sink.finish() };

  // Each record object is this call's own (fresh from JSON.parse or zod), so it is completed in place
  // rather than copied: 200,000 copies are garbage the collector has to chase.
  const records: LoadedRecord[] = entries.map(({ record, earliest, latest }) => {
    const loaded = record as LoadedRecord;
    loaded.earliest = earliest ?? null;
    loaded.latest = latest ?? null;
    return loaded;
  });
  return {
    ok: true,
    collection: {
      manifest,
      records,
      bibliography,
      texts,
      integrity: computeIntegrityReport(records, bibliography),
    },
  };
}
