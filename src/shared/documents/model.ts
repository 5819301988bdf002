/**
 * Documents the user imports into the Reader (Markdown, plain text, HTML, PDF): their kinds, limits and
 * optional bibliographic metadata. Shared by the main-process store and the renderer.
 */
import { z } from 'zod';

const DOCUMENT_KINDS = ['markdown', 'text', 'html', 'pdf'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Larger files are refused: a reader is not an archive store, and the bytes travel through IPC. */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

/** The file name each kind's content is stored under, inside `<dataDirectory>/documents/<id>/`. */
export const CONTENT_FILE: Record<DocumentKind, string> = {
  markdown: 'content.md',
  text: 'content.txt',
  html: 'content.html',
  pdf: 'content.pdf',
};

/** Absent rather than empty: the form sends only the fields the user filled in. */
const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** Bibliographic metadata the user may add; every field is optional except a title. */
export const documentMetadataSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    author: optionalText(300),
    year: z.number().int().min(0).max(9999).optional(),
    publisher: optionalText(300),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  })
  .strict();
export type DocumentMetadata = z.output<typeof documentMetadataSchema>;

/** What the store keeps in `metadata.json` next to the content. */
export const storedDocumentSchema = z
  .object({
    version: z.literal(1),
    id: z.uuid(),
    kind: z.enum(DOCUMENT_KINDS),
    /** The imported file's name, as the user had it. */
    fileName: z.string().min(1).max(300),
    bytes: z.number().int().nonnegative(),
    importedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    metadata: documentMetadataSchema,
  })
  .strict();
export type DocumentSummary = z.output<typeof storedDocumentSchema>;

/** The title to show before the user has given one: the file name without its extension. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '');
  return (base.trim() || fileName).slice(0, 300);
}
