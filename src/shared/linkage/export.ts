/**
 * Decisions exported for other tools, and read back: JSON (a small envelope around the list) and CSV
 * (one decision a row, via papaparse). Reading checks every row and names the row and field at fault;
 * nothing is returned unless every row is valid. Scored candidates of a run export as JSON too.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { DECISIONS, type Candidate, type Decision } from './types';

export const DECISIONS_FORMAT = 'atmintis-linkage-decisions';
export const CANDIDATES_FORMAT = 'atmintis-linkage-candidates';
export const CSV_COLUMNS = ['a', 'b', 'decision', 'score', 'note', 'created', 'updated'] as const;

const decisionSchema = z.strictObject({
  a: z.string().min(1, 'must not be empty'),
  b: z.string().min(1, 'must not be empty'),
  decision: z.enum(DECISIONS),
  score: z.number().finite().nullable(),
  note: z.string(),
  created: z.string().min(1, 'must not be empty'),
  updated: z.string().min(1, 'must not be empty'),
});

const envelopeSchema = z.object({
  format: z.literal(DECISIONS_FORMAT),
  version: z.literal(1),
  decisions: z.array(z.unknown()),
});

export type ParseResult = { ok: true; decisions: Decision[] } | { ok: false; errors: string[] };

export function decisionsToJson(decisions: readonly Decision[]): string {
  return `${JSON.stringify({ format: DECISIONS_FORMAT, version: 1, decisions }, null, 2)}\n`;
}

function check(rows: readonly unknown[], where: (index: number) => string): ParseResult {
  const decisions: Decision[] = [];
  const errors: string[] = [];
  rows.forEach((row, index) => {
    const parsed = decisionSchema.safeParse(row);
    if (parsed.success) decisions.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        errors.push(`${where(index)}, field "${issue.path.join('.') || '(row)'}": ${issue.message}`);
      }
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, decisions };
}

export function decisionsFromJson(text: string, fileName = 'decisions.json'): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`${fileName}: not JSON (${(error as Error).message})`] };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return {
      ok: false,
      errors: [
        `${fileName}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'not a decisions file'}`,
      ],
    };
  }
  return check(envelope.data.decisions, (index) => `${fileName}, decision ${index + 1}`);
}

export function decisionsToCsv(decisions: readonly Decision[]): string {
  const rows = decisions.map((d) => [
    d.a,
    d.b,
    d.decision,
    d.score === null ? '' : String(d.score),
    d.note,
    d.created,
    d.updated,
  ]);
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\n' })}\n`;
}

export function decisionsFromCsv(text: string, fileName = 'decisions.csv'): ParseResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const errors = parsed.errors.map((error) => `${fileName}, row ${(error.row ?? 0) + 2}: ${error.message}`);
  const missing = CSV_COLUMNS.filter((column) => !parsed.meta.fields?.includes(column));
  if (missing.length > 0) errors.push(`${fileName}: missing column(s) ${missing.join(', ')}`);
  if (errors.length > 0) return { ok: false, errors };
  const rows = parsed.data.map((row) => {
    const score = row.score?.trim() ?? '';
    return { ...row, score: score === '' ? null : Number(score) };
  });
  // Row 1 is the header, so the first decision is on row 2.
  return check(rows, (index) => `${fileName}, row ${index + 2}`);
}

export interface CandidatesExport {
  format: typeof CANDIDATES_FORMAT;
  version: 1;
  collections: string[];
  scope: string;
  threshold: number;
  keepAbove: number;
  records: number;
  pairsCompared: number;
  ruledOut: number;
  candidates: (Candidate & { proposed: boolean })[];
}
