/**
 * Who chooses the files to import: the main process, never the renderer. Electron shows its open
 * dialog (electron/photo-dialog in index.ts builds one); the web harness, which has no dialog, is
 * given a folder at start (`--photos-pick-dir`, for tests only) and "picks" from it.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PhotoSource } from '@shared/ipc/channels/photos';
import type { PhotoPick } from './sources';

/** Asks the user for files, a folder or a zip; null when they cancel. */
export type PhotoPicker = (source: PhotoSource) => Promise<PhotoPick | null>;

/** A host with neither a dialog nor a test folder: nothing is ever picked. */
export const noPhotoPicker: PhotoPicker = async () => null;

/**
 * The web harness's stand-in for the dialog (tests only): "folder" picks `dir` itself, "files" every
 * file directly in it, "zip" the first .zip in it by name.
 */
export function createFolderPicker(dir: string): PhotoPicker {
  return async (source) => {
    if (source === 'folder') return { kind: 'folder', path: dir };
    const entries = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
    if (source === 'files') return { kind: 'files', paths: entries.map((name) => join(dir, name)) };
    const zip = entries.find((name) => name.toLowerCase().endsWith('.zip'));
    return zip ? { kind: 'zip', path: join(dir, zip) } : null;
  };
}

/** The Electron dialog's answer, as the Electron edge receives it. */
export interface DialogAnswer {
  canceled: boolean;
  filePaths: string[];
}

export type ShowOpenDialog = (options: {
  title: string;
  properties: Array<'openFile' | 'openDirectory' | 'multiSelections'>;
  filters?: Array<{ name: string; extensions: string[] }>;
}) => Promise<DialogAnswer>;

/** The picker the Electron app uses: its open dialog, set up for each kind of source. */
export function createDialogPicker(showOpenDialog: ShowOpenDialog): PhotoPicker {
  return async (source) => {
    const answer = await showOpenDialog(
      source === 'folder'
        ? { title: 'Add a folder of photos', properties: ['openDirectory'] }
        : source === 'zip'
          ? {
              title: 'Add photos from a zip',
              properties: ['openFile'],
              filters: [{ name: 'Zip', extensions: ['zip'] }],
            }
          : {
              title: 'Add photos',
              properties: ['openFile', 'multiSelections'],
              filters: [
                {
                  name: 'Photos and scans',
                  extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'webp', 'pdf'],
                },
              ],
            },
    );
    const [first] = answer.filePaths;
    if (answer.canceled || first === undefined) return null;
    if (source === 'files') return { kind: 'files', paths: answer.filePaths };
    return { kind: source, path: first };
  };
}
