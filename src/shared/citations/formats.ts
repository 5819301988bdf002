/**
 * The export formats and their files. Apart from export.ts so the interface can list them without
 * loading citation-js.
 */
export const EXPORT_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FILE_TYPES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex' },
  ris: { extension: 'ris', mimeType: 'application/x-research-info-systems' },
  'csl-json': { extension: 'json', mimeType: 'application/json' },
};
