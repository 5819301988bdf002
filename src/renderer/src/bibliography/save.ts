import type { AtmintisApi } from '../../../shared/ipc/api';

export type SaveOutcome = { kind: 'saved'; path: string } | { kind: 'downloaded' } | { kind: 'cancelled' };

/** The browser's own download of a text file (Blob + a temporary link). */
export function downloadTextFile(
  name: string,
  content: string,
  mimeType: string,
  doc: Document = document,
): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download may not have started when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Saves an export: through the main process's save dialog (`files.save`, Electron) where the host has
 * one, else as a browser download (the web harness answers `saved: false, cancelled: false`).
 * A failed call also falls back to the download, so an export is never lost to a transport error.
 */
export async function saveTextFile(
  api: AtmintisApi,
  name: string,
  content: string,
  mimeType: string,
): Promise<SaveOutcome> {
  const result = await api.call('files.save', { suggestedName: name, content, encoding: 'utf8', mimeType });
  if (result.ok) {
    if (result.value.saved) return { kind: 'saved', path: result.value.path };
    if (result.value.cancelled) return { kind: 'cancelled' };
  }
  downloadTextFile(name, content, mimeType);
  return { kind: 'downloaded' };
}
