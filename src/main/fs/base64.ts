/**
 * Strict base64 for file contents arriving over IPC. Buffer.from(…, 'base64') silently skips what is
 * not base64, so a damaged or truncated upload would be saved as different bytes; refuse it instead.
 */
import { HandlerError } from '../ipc/dispatch';

/** `what` names the content in the error, e.g. "The document content". */
export function decodeBase64(content: string, what: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0) {
    throw new HandlerError('invalid-content', `${what} is not valid base64`);
  }
  return new Uint8Array(Buffer.from(content, 'base64'));
}
