import type { ReactNode } from 'react';
import { useApi } from '../api/ApiContext';

/**
 * A link to the web. In Electron the main process opens it in the user's browser (shell.openExternal,
 * http(s) only, and only from a real click); the web harness answers `opened: false` and the browser
 * opens it in a new tab instead. Navigation of the app window itself is always refused.
 */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const api = useApi();
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        event.preventDefault();
        if (!event.isTrusted) return;
        void api.call('shell.openExternal', { url: href }).then((result) => {
          if (!result.ok || !result.value.opened) window.open(href, '_blank', 'noopener,noreferrer');
        });
      }}
    >
      {children}
    </a>
  );
}
