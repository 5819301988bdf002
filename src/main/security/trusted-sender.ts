import { isTrustedOrigin } from './origin';

interface SenderFrameLike {
  url: string;
  parent: unknown;
}

/**
 * IPC sender validation: only the app's own top-level frame may call the main process. A frame that
 * navigated away, a subframe, or a destroyed frame (null) is refused.
 */
export function isTrustedSender(
  frame: SenderFrameLike | null | undefined,
  trustedOrigins: readonly string[],
): boolean {
  if (!frame) return false;
  if (frame.parent) return false;
  return isTrustedOrigin(frame.url, trustedOrigins);
}
