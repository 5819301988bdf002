/**
 * Phase 4: what records and texts point at exists, and what they say is consistent: bibliography ids,
 * record and claim targets, collection links in Markdown, EDTF dates, claim values and ranges, and the
 * rules of each reference status. Also reads each record's date bounds, once.
 */
import { edtfBounds, parseEdtf } from '../edtf';
import { extractCollectionLinks } from '../links';
import type { Claim } from '../schema';
import type { BibliographyPhase } from './bibliography';
import type { ErrorBase, ErrorSink } from './error-sink';
import type { RecordEntry, RecordsPhase } from './records';

interface Reference {
  source?: string | undefined;
  jointSources?: string[] | undefined;
  via?: string | undefined;
  status: string;
}

export interface ReferenceChecks {
  /** Checks one record's references and fills in its date bounds. */
  checkRecord(entry: RecordEntry): void;
  /** Checks the collection links in a Markdown text; the field is `fieldPrefix` or the link's line. */
  checkLinks(markdown: string, base: ErrorBase, fieldPrefix?: string): void;
}

export function createReferenceChecks(
  sink: ErrorSink,
  bibliography: Pick<BibliographyPhase, 'ids' | 'readable'>,
  records: Pick<RecordsPhase, 'readable' | 'recordIds' | 'claimIds' | 'knownClaimIds'>,
): ReferenceChecks {
  const bibIds = bibliography.ids;
  const bibliographyReadable = bibliography.readable;
  const recordsReadable = records.readable;
  const { recordIds, claimIds, knownClaimIds } = records;

  const checkBib = (id: string | undefined, base: ErrorBase): void => {
    if (id !== undefined && bibliographyReadable && !bibIds.has(id)) {
      sink.add({ ...base, message: `no bibliography entry "${id}"` });
    }
  };
  const checkDate = (value: string | undefined, base: ErrorBase): void => {
    if (value === undefined) return;
    const parsed = parseEdtf(value);
    if (!parsed.ok) sink.add({ ...base, message: `invalid EDTF date: ${parsed.error}` });
  };
  const checkReference = (ref: Reference, base: ErrorBase, field: string): void => {
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
  const checkClaim = (claim: Claim, base: ErrorBase, field: string): void => {
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
  const checkLinks = (markdown: string, base: ErrorBase, fieldPrefix?: string): void => {
    for (const link of extractCollectionLinks(markdown)) {
      const field = fieldPrefix ?? `line ${link.line}`;
      if (link.scheme === 'record' && recordsReadable && !recordIds.has(link.target)) {
        sink.add({ ...base, field, message: `link "${link.raw}" points to no record "${link.target}"` });
      } else if (
        link.scheme === 'claim' &&
        recordsReadable &&
        !claimIds.has(link.target) &&
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

  const checkRecord = (entry: RecordEntry): void => {
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
      if (recordsReadable && !recordIds.has(rel.target)) {
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
          if (recordsReadable && !claimIds.has(claimId) && !knownClaimIds.has(claimId)) {
            sink.add({
              ...base,
              field: `citationData.inTextCitations[${i}].claims[${j}]`,
              message: `no claim "${claimId}"`,
            });
          }
        }),
      );
    }
  };

  return { checkRecord, checkLinks };
}
