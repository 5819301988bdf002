/**
 * Transport-independent request handling: every transport (Electron IPC, loopback HTTP) hands the raw
 * channel name and payload it received to `dispatch`, which validates both against the contract before
 * calling a handler. Nothing a renderer sends reaches a handler unvalidated.
 */
import type { z } from 'zod';
import { isChannel, requestSchemas, type Channel, type Handlers } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/result';

export function formatZodIssues(channel: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(arguments)';
    return `${where}: ${issue.message}`;
  });
  return `Invalid arguments for "${channel}": ${parts.join('; ')}`;
}

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail('unknown-channel', `Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
  }
  const parsed = requestSchemas[channel].safeParse(payload ?? {});
  if (!parsed.success) {
    return fail('invalid-arguments', formatZodIssues(channel, parsed.error), {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
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
