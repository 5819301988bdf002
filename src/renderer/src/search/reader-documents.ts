/**
 * The text of the user's imported Reader documents, for Search: Markdown, text and HTML as the Reader
 * shows them (rendered and sanitised, then read block by block), PDFs from their text layers. Each
 * document is read once per session and version (its id and last update).
 */
import type { AtmintisApi } from '@shared/ipc/api';
import type { DocumentKind, DocumentSummary } from '@shared/documents/model';
import type { SearchDocument } from '@shared/search/documents';
import { readerSearchDocument } from '@shared/search/reader-documents';
import { documentToHtml } from '../reader/render';

// A module cache is allowed here (see api/use-result.ts): it is keyed by document id and version
// (`id@updatedAt`), so an entry never goes stale, and reading a PDF's text again costs seconds.
const read = new Map<string, SearchDocument>();

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, th, dt, dd, figcaption, caption';

/** The paragraphs of a text document, as the Reader renders it. */
export function textParagraphs(kind: Exclude<DocumentKind, 'pdf'>, text: string): string[] {
  const page = new DOMParser().parseFromString(documentToHtml(kind, text), 'text/html');
  const blocks = [...page.body.querySelectorAll(BLOCKS)]
    // A list item or cell holding paragraphs is read through them.
    .filter((element) => element.querySelector(BLOCKS) === null)
    .map((element) => element.textContent ?? '');
  return blocks.length > 0 ? blocks : [page.body.textContent ?? ''];
}

function base64ToBytes(content: string): Uint8Array {
  const binary = atob(content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function paragraphsOf(summary: DocumentSummary, bytes: Uint8Array): Promise<string[]> {
  if (summary.kind !== 'pdf') return textParagraphs(summary.kind, new TextDecoder().decode(bytes));
  const { readPdfText } = await import('../reader/pdf');
  return (await readPdfText(bytes)).pages.flatMap((page) => page.split(/\n\s*\n/));
}

/**
 * Search documents for every imported document. One that cannot be read is left out with a warning
 * (Search still answers for everything else); no documents channel (a test double) means none.
 */
export async function loadReaderSearchDocuments(api: AtmintisApi): Promise<SearchDocument[]> {
  const list = await api.call('documents.list', {});
  if (!list.ok) return [];
  const documents: SearchDocument[] = [];
  for (const summary of list.value) {
    const key = `${summary.id}@${summary.updatedAt}`;
    let document = read.get(key);
    if (!document) {
      try {
        const got = await api.call('documents.get', { documentId: summary.id });
        if (!got.ok) throw new Error(got.error.message);
        document = readerSearchDocument(
          got.value.summary,
          await paragraphsOf(summary, base64ToBytes(got.value.contentBase64)),
        );
        read.set(key, document);
      } catch (error) {
        console.warn(`"${summary.fileName}" could not be read for Search; it is left out.`, error);
        continue;
      }
    }
    documents.push(document);
  }
  return documents;
}
