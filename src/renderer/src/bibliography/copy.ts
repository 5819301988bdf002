/**
 * Copies text to the clipboard. The async Clipboard API first; where it is refused (Electron grants no
 * clipboard permission to the page unless the main process allows it), the older selection copy.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    doc.body.append(area);
    area.select();
    try {
      // Deprecated but still the only synchronous way, and needs no permission.
      return doc.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
      // Selecting the text moved focus; give it back to the control the reader used.
      focused?.focus();
    }
  }
}
