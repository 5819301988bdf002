import type { AtmintisApi } from '@shared/ipc/api';

export type SaveOutcome = { kind: 'saved'; path: string } | { kind: 'downloaded' } | { kind: 'cancelled' };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The browser's own download of a file (Blob + a temporary link). */
function download(name: string, mimeType: string, data: string | Uint8Array): void {
  const type = typeof data === 'string' ? `${mimeType};charset=utf-8` : mimeType;
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download may not have started when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Saves an export (text or bytes) through the main process's save dialog (`files.save`, Electron) where
 * the host has one, else as a browser download (the web harness answers `saved: false, cancelled:
 * false`). A failed call also falls back to the download, so an export is never lost to a transport error.
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
    if (result.value.saved) return { kind: 'saved', path: result.value.path };
    if (result.value.cancelled) return { kind: 'cancelled' };
  }
  download(name, mimeType, data);
  return { kind: 'downloaded' };
}
