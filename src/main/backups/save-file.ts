/**
 * Saving an exported file where the user chooses. The Electron edge supplies the save dialog; the web
 * harness has none and answers `{ saved: false }`, so the renderer offers a download instead.
 */
import { extname } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';

interface SaveRequest {
  suggestedName: string;
  /** Bytes to write. */
  data: Uint8Array;
  mimeType: string;
}

type SaveResult = { saved: true; path: string } | { saved: false; cancelled: boolean };

/** The dependency ServiceOptions takes: shows a dialog (or not) and writes the file. */
export type SaveFile = (request: SaveRequest) => Promise<SaveResult>;

/** For hosts without a save dialog (the web harness): the renderer downloads the file itself. */
export const noSaveDialog: SaveFile = async () => ({ saved: false, cancelled: false });

/** Electron's `dialog.showSaveDialog`, reduced to what is used here. */
export type ShowSaveDialog = (options: {
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
}) => Promise<{ canceled: boolean; filePath?: string }>;

/** A SaveFile that asks where to save with `showSaveDialog` and writes the file atomically. */
export function createDialogSaveFile(showSaveDialog: ShowSaveDialog): SaveFile {
  return async ({ suggestedName, data }) => {
    const extension = extname(suggestedName).slice(1);
    const choice = await showSaveDialog({
      defaultPath: suggestedName,
      filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
    });
    if (choice.canceled || !choice.filePath) return { saved: false, cancelled: true };
    await writeFileAtomic(choice.filePath, data);
    return { saved: true, path: choice.filePath };
  };
}
