/**
 * Where the validator's phases put what they find: a capped list of errors (a final one says how many
 * more there were), each clipped so a hostile id or key cannot make a 10 MB message, plus the
 * translation of zod issues into the collection's own error wording.
 */
import type { z } from 'zod';
import { COLLECTION_PSEUDO_FILE, formatPath, type CollectionError } from '../collection-error';

/** An error still waiting for its message: where it is. */
export type ErrorBase = Omit<CollectionError, 'message'>;

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

export class ErrorSink {
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

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function joinPath(prefix: string, rest: string): string {
  if (prefix === '') return rest;
  if (rest === '') return prefix;
  return rest.startsWith('[') ? prefix + rest : `${prefix}.${rest}`;
}

function issueToErrors(issue: z.core.$ZodIssue, base: ErrorBase, prefix: string): CollectionError[] {
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

/** Every zod issue of a failed parse, as collection errors. */
export function addIssues(
  sink: ErrorSink,
  issues: readonly z.core.$ZodIssue[],
  base: ErrorBase,
  prefix: string,
): void {
  for (const issue of issues) for (const e of issueToErrors(issue, base, prefix)) sink.add(e);
}
