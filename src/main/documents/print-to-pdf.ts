/**
 * "Print to PDF" for Electron: render the window with Chromium's printToPDF (which applies the print
 * stylesheet, so highlights and notes are included), ask where to save, write atomically. Built from
 * the two Electron functions it needs, so it is tested without Electron.
 */
import { writeFileAtomic } from '../fs/atomic-write';
import type { ShowSaveDialog } from '../backups/save-file';
import type { PrintToPdf } from './handlers';

/** `webContents.printToPDF` of the window being printed, or undefined when there is no window. */
type RenderPdf = () => Promise<Uint8Array> | undefined;

export function createDialogPdfPrinter(renderPdf: RenderPdf, showSaveDialog: ShowSaveDialog): PrintToPdf {
  return async ({ suggestedName }) => {
    const choice = await showSaveDialog({
      defaultPath: suggestedName,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return { printed: false, cancelled: true };
    // Rendered after the dialog closes, so the dialog itself is never in the picture.
    const pdf = await renderPdf();
    if (!pdf) return { printed: false, cancelled: false };
    await writeFileAtomic(choice.filePath, pdf);
    return { printed: true, path: choice.filePath };
  };
}
