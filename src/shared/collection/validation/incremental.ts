/**
 * Phases 3 and 4 fed one part at a time, for a writer that has already put every record through the
 * record schema (the import store's append): ids, duplicate ids and claim ids are indexed as parts
 * arrive, and every check that needs only the record itself and the bibliography runs then. A record
 * whose checks consult the ids of other records (relations, record and claim links, in-text citation
 * claims) is kept and checked in finish(), when every id is known, together with the package's other
 * files (paths, manifest, texts). The whole-package path (validate.ts) is unchanged and is still what
 * reads a collection back; this only lets an import avoid re-reading what it has just checked.
 */
import type { CollectionError } from '../collection-error';
import { BIBLIOGRAPHY_FILE, type CollectionFiles } from '../package-paths';
import type { CollectionRecord } from '../schema';
import { readBibliography, type BibliographyPhase } from './bibliography';
import { ErrorSink } from './error-sink';
import { readManifest } from './manifest';
import { checkPaths } from './paths';
import type { RecordEntry } from './records';
import { createReferenceChecks, type ReferenceChecks } from './references';
import { readTexts } from './texts';

interface Located {
  file: string;
  index: number;
}

const where = (l: Located): string => `${l.file} (item ${l.index + 1})`;

export class IncrementalRecordValidation {
  private readonly sink: ErrorSink;
  private readonly bibliography: BibliographyPhase;
  private readonly bibliographyText: string | undefined;
  private readonly recordIndex = new Map<string, Located>();
  private readonly duplicateReported = new Set<string>();
  private readonly claimIndex = new Map<string, Located & { recordId: string; claimIndex: number }>();
  /** Records whose checks need ids from other parts: checked again, in full, by finish(). */
  private readonly pending: RecordEntry[] = [];
  /** Set when a check asked whether some id exists: the answer is not known before finish(). */
  private consulted = false;
  /** Where the early checks write; moved to `sink` only for records that consulted no other id. */
  private readonly scratch = new ErrorSink(10_000);
  private readonly early: ReferenceChecks;
  private count = 0;

  /** `packageFiles`: the package's files other than records (its bibliography at least). */
  constructor(packageFiles: CollectionFiles, maxErrors = 200) {
    this.sink = new ErrorSink(Math.max(1, maxErrors));
    this.bibliographyText = packageFiles.get(BIBLIOGRAPHY_FILE);
    this.bibliography = readBibliography(packageFiles, this.sink);
    const unknownYet = {
      has: (): boolean => {
        this.consulted = true;
        return true;
      },
    };
    this.early = createReferenceChecks(this.scratch, this.bibliography, {
      readable: true,
      recordIds: unknownYet,
      claimIds: unknownYet,
      knownClaimIds: unknownYet,
    });
  }

  /** One part's records, each already parsed with the record schema, as stored in `file`. */
  addPart(file: string, records: readonly CollectionRecord[]): void {
    records.forEach((record, index) => {
      this.count += 1;
      this.indexIds(record, file, index);
      const entry: RecordEntry = { record, file, index };
      this.consulted = false;
      this.early.checkRecord(entry);
      if (this.consulted) this.pending.push(entry);
      else for (const error of this.scratch.errors) this.sink.add(error);
      this.scratch.errors.length = 0;
    });
  }

  /**
   * Every error of the package: what the parts showed, then the checks across parts and of `files`,
   * the package's files other than records, exactly as they will be committed. [] when it is valid.
   */
  finish(files: CollectionFiles): CollectionError[] {
    const sink = this.sink;
    if (this.count === 0) {
      sink.add({ file: 'records/', message: 'no record files: put the records in records/*.json' });
    }
    if (files.get(BIBLIOGRAPHY_FILE) !== this.bibliographyText) {
      // The records were checked against the bibliography given at the start; a different one
      // would make those checks wrong.
      sink.add({ file: BIBLIOGRAPHY_FILE, message: 'changed while the records were being checked' });
    }
    checkPaths(files, sink);
    const manifest = readManifest(files, sink);
    const final = createReferenceChecks(sink, this.bibliography, {
      readable: true,
      recordIds: this.recordIndex,
      claimIds: this.claimIndex,
      knownClaimIds: new Set<string>(),
    });
    for (const entry of this.pending) final.checkRecord(entry);
    if (manifest) readTexts(files, manifest, sink, final.checkLinks);
    return sink.count === 0 ? [] : sink.finish();
  }

  /** As readRecords (records.ts) does for valid records, with the same messages. */
  private indexIds(record: CollectionRecord, file: string, index: number): void {
    const id = record.id;
    const prev = this.recordIndex.get(id);
    if (prev) {
      if (!this.duplicateReported.has(`${prev.file}#${prev.index}`)) {
        this.duplicateReported.add(`${prev.file}#${prev.index}`);
        this.sink.add({
          file: prev.file,
          recordId: id,
          field: 'id',
          message: `duplicate id "${id}": also used in ${where({ file, index })}`,
        });
      }
      this.sink.add({
        file,
        recordId: id,
        field: 'id',
        message: `duplicate id "${id}": also used in ${where(prev)}`,
      });
    } else {
      this.recordIndex.set(id, { file, index });
    }
    record.claims.forEach((claim, ci) => {
      const other = this.claimIndex.get(claim.id);
      if (other) {
        this.sink.add({
          file,
          recordId: record.id,
          field: `claims[${ci}].id`,
          message: `duplicate claim id "${claim.id}": also used in record "${other.recordId}" (${other.file})`,
        });
        this.sink.add({
          file: other.file,
          recordId: other.recordId,
          field: `claims[${other.claimIndex}].id`,
          message: `duplicate claim id "${claim.id}": also used in record "${record.id}" (${file})`,
        });
      } else {
        this.claimIndex.set(claim.id, { file, index, recordId: record.id, claimIndex: ci });
      }
    });
  }
}
