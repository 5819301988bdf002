/** Phase 2: bibliography.json is a JSON array of CSL-JSON items with unique ids. */
import { BIBLIOGRAPHY_FILE, type CollectionFiles } from '../package-paths';
import { cslItemSchema, type CslItem } from '../schema';
import { addIssues, isObject, type ErrorSink } from './error-sink';
import { parseJson } from './parse-json';

export interface BibliographyPhase {
  /** The items that passed the schema. */
  items: CslItem[];
  /** Every id given, valid item or not, so references to an invalid item do not cascade into errors. */
  ids: ReadonlySet<string>;
  /** False when the file is missing or unreadable: references into it are then not checked. */
  readable: boolean;
}

export function readBibliography(files: CollectionFiles, sink: ErrorSink): BibliographyPhase {
  const items: CslItem[] = [];
  /** Id → index of the item that first used it. */
  const firstIndex = new Map<string, number>();
  const bibText = files.get(BIBLIOGRAPHY_FILE);
  if (bibText === undefined) {
    sink.add({
      file: BIBLIOGRAPHY_FILE,
      message: 'missing file: every collection needs a bibliography.json',
    });
    return { items, ids: new Set(), readable: false };
  }
  const json = parseJson(BIBLIOGRAPHY_FILE, bibText, sink);
  if (!json.ok) return { items, ids: new Set(), readable: false };
  if (!Array.isArray(json.value)) {
    sink.add({ file: BIBLIOGRAPHY_FILE, message: 'must be a JSON array of CSL-JSON items' });
    return { items, ids: new Set(), readable: false };
  }
  json.value.forEach((raw: unknown, index) => {
    const rawId = isObject(raw) && typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
    const base =
      rawId === undefined ? { file: BIBLIOGRAPHY_FILE } : { file: BIBLIOGRAPHY_FILE, recordId: rawId };
    const prefix = rawId === undefined ? `[${index}]` : '';
    if (rawId !== undefined) {
      const prev = firstIndex.get(rawId);
      if (prev !== undefined) {
        sink.add({
          ...base,
          field: 'id',
          message: `duplicate id "${rawId}": used by items ${prev + 1} and ${index + 1}`,
        });
      } else {
        firstIndex.set(rawId, index);
      }
    }
    const parsed = cslItemSchema.safeParse(raw);
    if (parsed.success) items.push(parsed.data);
    else addIssues(sink, parsed.error.issues, base, prefix);
  });
  return { items, ids: new Set(firstIndex.keys()), readable: true };
}
