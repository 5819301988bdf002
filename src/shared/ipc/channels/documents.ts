/**
 * Documents imported into the Reader. The renderer reads the picked file and sends its bytes as base64;
 * the main process sniffs the type, stores it under `<dataDirectory>/documents/<id>/` and serves it back.
 */
import { z } from 'zod';
import {
  MAX_DOCUMENT_BYTES,
  documentMetadataSchema,
  type DocumentKind,
  type DocumentSummary,
} from '../../documents/model';

export type { DocumentSummary, DocumentKind };

/** Base64 of MAX_DOCUMENT_BYTES, plus padding: the size check proper happens on the decoded bytes. */
const MAX_BASE64_CHARS = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4 + 4;

const documentId = z.uuid();

export const documentRequests = {
  'documents.import': z
    .object({
      fileName: z.string().trim().min(1).max(300),
      contentBase64: z.string().max(MAX_BASE64_CHARS, 'documents may be at most 100 MB'),
      metadata: documentMetadataSchema.partial().optional(),
    })
    .strict(),
  'documents.list': z.object({}).strict(),
  'documents.get': z.object({ documentId }).strict(),
  'documents.remove': z.object({ documentId }).strict(),
  'documents.updateMetadata': z.object({ documentId, metadata: documentMetadataSchema }).strict(),
  'documents.printToPdf': z
    .object({
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        // eslint-disable-next-line no-control-regex
        .regex(/^[^/\\:*?"<>|\u0000-\u001f]+\.pdf$/, 'must be a .pdf file name without a folder'),
    })
    .strict(),
} as const;

/** The names of this feature's channels, for the main-process module that implements them. */
export type DocumentChannel = keyof typeof documentRequests;

export type PrintToPdfResult = { printed: true; path: string } | { printed: false; cancelled: boolean };

export interface DocumentResponses {
  'documents.import': DocumentSummary;
  'documents.list': DocumentSummary[];
  'documents.get': { summary: DocumentSummary; contentBase64: string };
  'documents.remove': { removed: boolean };
  'documents.updateMetadata': DocumentSummary;
  /** `printed: false` without a host printer (the web harness): the renderer calls window.print(). */
  'documents.printToPdf': PrintToPdfResult;
}
