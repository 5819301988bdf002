import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDialogPdfPrinter } from '../../../src/main/documents/print-to-pdf';

const PDF = new TextEncoder().encode('%PDF-1.4 rendered');

describe('createDialogPdfPrinter', () => {
  it('renders after the user picks a file, and writes the PDF there', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atmintis-print-'));
    const events: string[] = [];
    const print = createDialogPdfPrinter(
      async () => {
        events.push('render');
        return PDF;
      },
      async (options) => {
        events.push(`dialog ${options.defaultPath} ${options.filters[0]?.extensions.join()}`);
        return { canceled: false, filePath: join(folder, 'out.pdf') };
      },
    );
    expect(await print({ suggestedName: 'Overview.pdf' })).toEqual({
      printed: true,
      path: join(folder, 'out.pdf'),
    });
    expect(events).toEqual(['dialog Overview.pdf pdf', 'render']);
    expect(await readFile(join(folder, 'out.pdf'), 'utf8')).toBe('%PDF-1.4 rendered');
  });

  it('does nothing when the dialog is cancelled or there is no window', async () => {
    let rendered = 0;
    const cancelled = createDialogPdfPrinter(
      async () => {
        rendered += 1;
        return PDF;
      },
      async () => ({ canceled: true }),
    );
    expect(await cancelled({ suggestedName: 'a.pdf' })).toEqual({ printed: false, cancelled: true });
    expect(rendered).toBe(0);
    const windowless = createDialogPdfPrinter(
      () => undefined,
      async () => ({ canceled: false, filePath: '/nonexistent/x.pdf' }),
    );
    expect(await windowless({ suggestedName: 'a.pdf' })).toEqual({ printed: false, cancelled: false });
  });
});
