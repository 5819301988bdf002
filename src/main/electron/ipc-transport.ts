import type { IpcMain } from 'electron';
import { channels, ipcChannelName, type Handlers } from '@shared/ipc/contract';
import { fail } from '@shared/result';
import { dispatch } from '../ipc/dispatch';
import { isTrustedSender } from '../security/trusted-sender';

/** The Electron transport: one ipcMain.handle per contract channel, each refusing untrusted frames. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  trustedOrigins: readonly string[],
): void {
  for (const channel of channels) {
    ipcMain.handle(ipcChannelName(channel), (event, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame, trustedOrigins)) {
        return fail('untrusted-sender', `IPC "${channel}" refused: the calling frame is not the app`);
      }
      return dispatch(handlers, channel, payload);
    });
  }
}
