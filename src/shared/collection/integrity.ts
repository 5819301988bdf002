/**
 * Citation-integrity report: compares a source's in-text citations with its printed reference list
 * and with the collection's bibliography, and reports what does not add up. Computed at load time from
 * the `citationData` of `source` records (see docs/collection-format.md), never written by hand.
 *
 * Finding kinds:
 *   - cited-not-listed     a work cited in the text has no entry in the printed reference list
 *   - listed-not-cited     a printed reference-list entry is never cited in the text
 *   - year-mismatch        citation and reference list name the same author with different years
 *   - run-together-entries one printed line of the reference list holds more than one entry
 *   - claim-source-mismatch a claim said to rest on a citation cites a bibliography entry by another author
 */
import type { Claim, CollectionRecord, CslItem, InTextCitation } from './schema';

type IntegrityFindingKind =
  | 'cited-not-listed'
  | 'listed-not-cited'
  | 'year-mismatch'
  | 'run-together-entries'
  | 'claim-source-mismatch';

export interface IntegrityFinding {
  kind: IntegrityFindingKind;
  /** The `source` record whose citations were checked. */
  sourceRecordId: string;
  /** Bibliography entries the finding is about (to show it on those entries). */
  bibliographyIds: string[];
  /** Claims resting on the citations concerned. */
  claimIds: string[];
  message: string;
}

export interface IntegrityReport {
  findings: IntegrityFinding[];
}

/** An "Author, I. (Year)" entry found in a printed reference-list line. */
interface PrintedReferenceEntry {
  surname: string;
  year: number;
  /** 0-based index of the printed line. */
  line: number;
  /** Character offset of the entry in the line. */
  offset: number;
}

/**
 * Surname (a capitalised word, possibly hyphenated, with diacritics), comma, initials, optional "(ed.)"
 * or "(eds.)", then the year in parentheses. The surname must start with an upper-case letter followed
 * only by lower-case letters, so "…Volume I.VilniusKerulis, L. (1981)" yields "Kerulis".
 */
const ENTRY_RE = /(\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*),\s*(?:\p{Lu}\.\s*)+(?:\(eds?\.\)\s*)?\((\d{4})\)/gu;

export function parsePrintedReferenceLine(lineText: string, line: number): PrintedReferenceEntry[] {
  const entries: PrintedReferenceEntry[] = [];
  for (const m of lineText.matchAll(ENTRY_RE)) {
    entries.push({ surname: m[1] ?? '', year: Number(m[2]), line, offset: m.index });
  }
  return entries;
}

const norm = (s: string): string => s.normalize('NFC').toLocaleLowerCase('und');

function itemYear(item: CslItem): number | undefined {
  return item.issued?.['date-parts']?.[0]?.[0];
}

function itemSurnames(item: CslItem): string[] {
  return [...(item.author ?? []), ...(item.editor ?? [])]
    .map((n) => n.family)
    .filter((f): f is string => typeof f === 'string')
    .map(norm);
}

/** Bibliography entries by this surname, preferring those from the given year. */
function matchBibliography(bibliography: readonly CslItem[], surname: string, year: number): string[] {
  const bySurname = bibliography.filter((item) => itemSurnames(item).includes(norm(surname)));
  const byYear = bySurname.filter((item) => itemYear(item) === year);
  return (byYear.length > 0 ? byYear : bySurname).map((item) => item.id);
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

const describeCitation = (c: InTextCitation): string => `"${c.printed}"`;

export function computeIntegrityReport(
  records: readonly CollectionRecord[],
  bibliography: readonly CslItem[],
): IntegrityReport {
  const findings: IntegrityFinding[] = [];
  const claimsById = new Map<string, Claim>();
  for (const r of records) for (const c of r.claims) claimsById.set(c.id, c);
  const bibById = new Map(bibliography.map((b) => [b.id, b]));

  for (const record of records) {
    if (record.kind !== 'source' || !record.citationData) continue;
    const { referenceList, inTextCitations } = record.citationData;
    const sourceRecordId = record.id;

    // 1. Entries run together on one printed line.
    const listed: PrintedReferenceEntry[] = [];
    referenceList.forEach((lineText, index) => {
      const entries = parsePrintedReferenceLine(lineText, index);
      listed.push(...entries);
      if (entries.length > 1) {
        const names = entries.map((e) => `${e.surname} (${e.year})`);
        findings.push({
          kind: 'run-together-entries',
          sourceRecordId,
          bibliographyIds: unique(entries.flatMap((e) => matchBibliography(bibliography, e.surname, e.year))),
          claimIds: unique(
            inTextCitations
              .filter((c) => entries.some((e) => c.authors.some((a) => norm(a) === norm(e.surname))))
              .flatMap((c) => c.claims),
          ),
          message:
            `Reference list line ${index + 1} runs ${entries.length} entries together (${names.join(' and ')}); ` +
            'they are separate works.',
        });
      }
    });

    // 2. Citations against the printed list.
    for (const citation of inTextCitations) {
      const surname = citation.authors[0] ?? '';
      const sameAuthor = listed.filter((e) => norm(e.surname) === norm(surname));
      const claimIds = [...citation.claims];
      if (sameAuthor.length === 0) {
        findings.push({
          kind: 'cited-not-listed',
          sourceRecordId,
          bibliographyIds: matchBibliography(bibliography, surname, citation.year),
          claimIds,
          message:
            `The text cites ${describeCitation(citation)}, but the printed reference list has no entry by ` +
            `${surname}: the work cannot be identified from the source itself.`,
        });
      } else if (!sameAuthor.some((e) => e.year === citation.year)) {
        const years = unique(sameAuthor.map((e) => e.year)).join(', ');
        findings.push({
          kind: 'year-mismatch',
          sourceRecordId,
          bibliographyIds: unique(
            sameAuthor.flatMap((e) => matchBibliography(bibliography, e.surname, e.year)),
          ),
          claimIds,
          message:
            `The text cites ${describeCitation(citation)} with the year ${citation.year}, but the reference list ` +
            `gives ${surname} (${years}).`,
        });
      }

      // 3. Claims said to rest on this citation must cite a work by that author.
      for (const claimId of citation.claims) {
        const claim = claimsById.get(claimId);
        if (!claim?.source) continue;
        const item = bibById.get(claim.source);
        if (item && !itemSurnames(item).includes(norm(surname))) {
          findings.push({
            kind: 'claim-source-mismatch',
            sourceRecordId,
            bibliographyIds: [claim.source],
            claimIds: [claimId],
            message:
              `Claim "${claimId}" is listed under the citation ${describeCitation(citation)} but cites ` +
              `bibliography entry "${claim.source}", which is not by ${surname}.`,
          });
        }
      }
    }

    // 4. Printed entries never cited in the text.
    for (const entry of listed) {
      const cited = inTextCitations.some((c) => c.authors.some((a) => norm(a) === norm(entry.surname)));
      if (!cited) {
        findings.push({
          kind: 'listed-not-cited',
          sourceRecordId,
          bibliographyIds: matchBibliography(bibliography, entry.surname, entry.year),
          claimIds: [],
          message: `The reference list includes ${entry.surname} (${entry.year}), which the text never cites.`,
        });
      }
    }
  }
  return { findings };
}
