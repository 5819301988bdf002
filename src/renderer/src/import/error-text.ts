/**
 * Import errors and detection notes in the interface language. The shared pipeline gives each a code
 * and parameters (with an English `reason` for the CLI); errors without a code (from older handlers)
 * fall back to that English text rather than showing nothing.
 */
import type { TFunction } from 'i18next';
import type { ImportError, ImportNote, ImportParams } from '@shared/import/errors';

/** Longest cell value quoted in a message; longer ones are cut and end with an ellipsis. */
const MAX_QUOTED = 60;

export function cut(value: string, max = MAX_QUOTED): string {
  const chars = [...value];
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : value;
}

function shown(params: ImportParams | undefined): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([key, value]) => [key, typeof value === 'string' ? cut(value) : value]),
  );
}

/** The listed errors, and how many more the pipeline counted but did not list. */
export function splitUnlisted(errors: readonly ImportError[]): { listed: ImportError[]; unlisted: number } {
  const listed: ImportError[] = [];
  let unlisted = 0;
  for (const error of errors) {
    if (error.code === 'more-errors') unlisted += Number(error.params?.count ?? 0);
    else listed.push(error);
  }
  return { listed, unlisted };
}

/** One code, several shapes of parameters: the variant's own message (i18next context). */
function contextOf(error: ImportError): string | undefined {
  if (error.code !== 'zip-too-large' || !error.params) return undefined;
  if ('entries' in error.params) return 'entries';
  if ('size' in error.params) return 'size';
  return undefined;
}

export function describeImportError(error: ImportError, t: TFunction): string {
  const context = contextOf(error);
  const reason = error.code
    ? t(`import.error.${error.code}`, {
        ...shown(error.params),
        ...(context ? { context } : {}),
        defaultValue: error.reason,
      })
    : error.reason;
  const where = [
    error.file,
    error.row === undefined ? undefined : t('import.where.row', { row: error.row }),
    error.column === undefined ? undefined : t('import.where.column', { column: cut(error.column) }),
    error.offset === undefined ? undefined : t('import.where.byte', { offset: error.offset }),
  ].filter((part): part is string => part !== undefined);
  return where.length > 0 ? t('import.where.at', { where: where.join(', '), reason }) : reason;
}

export function describeImportNote(note: ImportNote, t: TFunction): string {
  return t(`import.note.${note.code}`, { ...shown(note.params), defaultValue: note.text });
}
