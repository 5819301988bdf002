import type { WebContents } from 'electron';
import { isNavigationAllowed } from './navigation';

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to every web contents the app creates: no navigation away from the app, no new windows, no
 * <webview>. Links to the web go through the `shell.openExternal` IPC channel, which the renderer calls
 * from a user's click; window.open and target=_blank are always denied here.
 */
export function hardenWebContents(contents: HardenableContents, trustedOrigins: readonly string[]): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, trustedOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, trustedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
