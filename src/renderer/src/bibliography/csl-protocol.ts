/**
 * Messages between the page and the CSL worker (csl.worker.ts), which runs citeproc off the UI thread.
 * Every request carries an id and gets exactly one answer with the same id: a value, or an error as
 * data (the worker never throws across the boundary).
 */
import type { CslItem } from '@shared/collection/schema';
import type { ExportFormat } from '@shared/citations/formats';
import type {
  BibliographyData,
  CiteRequest,
  FormatOptions,
  FormattedReference,
  FormattedText,
} from '@shared/citations/formatter';

export type CslRequest =
  /** Load and compile the style and locale now, so the first real request does not wait for it. */
  | { type: 'warm'; options: FormatOptions }
  /** The references of `ids` (the first screen of the list), written out, formatted among `items`. */
  | { type: 'first-screen'; ids: string[]; items: CslItem[]; options: FormatOptions }
  | { type: 'bibliography'; items: CslItem[]; options: FormatOptions }
  | { type: 'reference'; item: CslItem; options: FormatOptions }
  | { type: 'citation'; request: CiteRequest; options: FormatOptions }
  | { type: 'export'; format: ExportFormat; items: CslItem[] };

export type CslRequestType = CslRequest['type'];

/** What each request answers. */
export interface CslAnswers {
  warm: null;
  'first-screen': FormattedReference[];
  bibliography: BibliographyData;
  /** Null when the style prints nothing for the work. */
  reference: FormattedText | null;
  citation: FormattedText;
  export: string;
}

export interface CslRequestMessage {
  id: number;
  request: CslRequest;
}

export type CslResponseMessage =
  { id: number; ok: true; value: CslAnswers[CslRequestType] } | { id: number; ok: false; message: string };
