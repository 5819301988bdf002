import type { AtmintisApi } from '../../../shared/ipc/api';

export type SaveOutcome = { kind: 'saved'; path: string } | { kind: 'downloaded' } | { kind: 'cancelled' };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function download(name: string, mimeType: string, data: string | Uint8Array): void {
  const blob = new Blob([data as BlobPart], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Saves an export through the main process (Electron: a save dialog). Where there is no dialog (the web
 * harness), or the file is too large for the transport, the browser downloads it instead.
 */
export async function saveExport(
  api: AtmintisApi,
  name: string,
  mimeType: string,
  data: string | Uint8Array,
): Promise<SaveOutcome> {
  const result = await api.call('files.save', {
    suggestedName: name,
    content: typeof data === 'string' ? data : toBase64(data),
    encoding: typeof data === 'string' ? 'utf8' : 'base64',
    mimeType,
  });
  if (result.ok) {
    const answer = result.value;
    if (answer.saved) return { kind: 'saved', path: answer.path };
    if (answer.cancelled) return { kind: 'cancelled' };
  }
  download(name, mimeType, data);
  return { kind: 'downloaded' };
}
