/**
 * Transport-independent request handling: every transport (Electron IPC, loopback HTTP) hands the raw
 * channel name and payload it received to `dispatch`, which validates both against the contract before
 * calling a handler. Nothing a renderer sends reaches a handler unvalidated.
 */
import type { z } from 'zod';
import { isChannel, requestSchemas, type Channel, type Handlers } from '@shared/ipc/contract';
import { fail, ok, type Result } from '@shared/result';

/** Issues shown in a message; the rest are counted. A hostile payload can have thousands. */
const MAX_ISSUES = 10;

/** Paths and messages quote the sender's keys (`Unrecognized key: "…"`): never echo megabytes back. */
function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const issuePath = (issue: z.core.$ZodIssue): string[] => issue.path.map((part) => clip(String(part), 100));

function formatZodIssues(channel: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const where = issue.path.length > 0 ? issuePath(issue).join('.') : '(arguments)';
    return `${where}: ${clip(issue.message)}`;
  });
  const more = error.issues.length > MAX_ISSUES ? ` (and ${error.issues.length - MAX_ISSUES} more)` : '';
  return `Invalid arguments for "${channel}": ${parts.join('; ')}${more}`;
}

/** String(value) throws for objects without a prototype; a channel name can be anything a sender sent. */
function describeChannel(value: unknown): string {
  const text =
    (typeof value === 'object' && value !== null) || typeof value === 'function'
      ? Object.prototype.toString.call(value)
      : String(value);
  return JSON.stringify(text).slice(0, 80);
}

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail('unknown-channel', `Unknown channel ${describeChannel(channel)}`);
  }
  const parsed = requestSchemas[channel].safeParse(payload ?? {});
  if (!parsed.success) {
    return fail('invalid-arguments', formatZodIssues(channel, parsed.error), {
      issues: parsed.error.issues
        .slice(0, MAX_ISSUES)
        .map((issue) => ({ path: issuePath(issue), message: clip(issue.message) })),
    });
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    return toFailure(channel, error);
  }
}

/** Handlers signal expected failures by throwing a HandlerError; anything else is an internal error. */
export class HandlerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

function toFailure(channel: Channel, error: unknown): Result<never> {
  if (error instanceof HandlerError) return fail(error.code, error.message, error.details);
  const message = error instanceof Error ? error.message : String(error);
  return fail('internal', `"${channel}" failed: ${message}`);
}
