/**
 * Export formats other than the JSON backup (see backup.ts):
 *  - Markdown: one file per note with YAML front matter, packed in a .zip (Obsidian reads the folder
 *    as a vault: front matter becomes properties, `tags` become tags);
 *  - W3C Web Annotation JSON-LD: the passage highlights, as an AnnotationCollection;
 *  - CSV: one row per note, for spreadsheets.
 * Pure functions from notes (plus a way to describe their targets) to text or bytes.
 */
import { strToU8, zipSync } from 'fflate';
import { stringify as toYaml } from 'yaml';
import type { Note } from './model';
import { quoteOf, targetItemId } from './model';
import { regionNoteToAnnotation } from './region-annotation';
import type { TargetInfo } from './targets';

type Describe = (note: Note) => TargetInfo;

/** The app's own origin, for absolute annotation targets; IndexedDB and links are bound to it. */
export const APP_ORIGIN = 'app://atmintis';

/** A file name safe on Windows, macOS and Linux, without the extension. */
export function safeFileStem(raw: string, maxLength = 60): string {
  const cleaned = raw
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*#^[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength)
    .replace(/[. ]+$/, '');
  return cleaned || 'note';
}

function firstLine(body: string): string {
  return (
    body
      .split('\n')
      .map((line) => line.replace(/^[#>*\-\s]+/, '').trim())
      .find((line) => line !== '') ?? ''
  );
}

/** Obsidian tags cannot contain spaces; everything else about the user's tag is kept. */
const obsidianTag = (tag: string) => tag.replace(/\s+/g, '-');

export function noteToMarkdown(note: Note, info: TargetInfo): string {
  const target: Record<string, unknown> = { kind: note.target.kind, collection: note.target.collectionId };
  const itemId = targetItemId(note.target);
  if (note.target.kind === 'record') target['record'] = itemId;
  if (note.target.kind === 'bibliography') target['entry'] = itemId;
  if (note.target.kind === 'passage') {
    target['text'] = itemId;
    target['start'] = note.target.selectors[1].start;
    target['end'] = note.target.selectors[1].end;
  }
  if (note.target.kind === 'region') {
    target['item'] = note.target.itemId;
    target['photo'] = note.target.photo;
    if (note.target.page > 0) target['page'] = note.target.page;
    target['selector'] = note.target.selector.value;
  }
  target['link'] = info.href;
  const frontMatter: Record<string, unknown> = {
    id: note.id,
    title: info.label,
    target,
    citation: info.citation,
  };
  const quote = quoteOf(note.target);
  if (quote !== null) frontMatter['quote'] = quote;
  frontMatter['tags'] = note.tags.map(obsidianTag);
  if (note.colour) frontMatter['colour'] = note.colour;
  frontMatter['created'] = note.createdAt;
  frontMatter['updated'] = note.updatedAt;
  const quoteBlock =
    quote !== null
      ? `${quote
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n')}\n\n`
      : '';
  return `---\n${toYaml(frontMatter, { lineWidth: 0 })}---\n\n${quoteBlock}${note.body}${note.body.endsWith('\n') ? '' : '\n'}`;
}

/** File name of a note's Markdown file: its first words (or its target's label) and a short id. */
export function markdownFileName(note: Note, info: TargetInfo): string {
  const stem = safeFileStem(firstLine(note.body) || info.label);
  return `${stem} (${note.id.slice(0, 8)}).md`;
}

/** A .zip holding `atmintis-notes/<file>.md` for each note. */
export function notesToMarkdownZip(
  notes: readonly Note[],
  describe: Describe,
  folder = 'atmintis-notes',
): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const note of notes) {
    const info = describe(note);
    let name = markdownFileName(note, info);
    // Ids are unique, so short ids collide only by chance; the full id settles it.
    if (files[`${folder}/${name}`])
      name = `${safeFileStem(firstLine(note.body) || info.label)} (${note.id}).md`;
    files[`${folder}/${name}`] = strToU8(noteToMarkdown(note, info));
  }
  return zipSync(files, { level: 6 });
}

/** Cells starting with these would run as formulas in spreadsheet programs (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_COLUMNS = [
  'id',
  'target_kind',
  'collection',
  'target_id',
  'target_title',
  'citation',
  'link',
  'quote',
  'tags',
  'colour',
  'created',
  'updated',
  'body',
] as const;

/** RFC 4180 CSV with a byte-order mark (so spreadsheet programs read it as UTF-8) and CRLF line ends. */
export function notesToCsv(notes: readonly Note[], describe: Describe): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const note of notes) {
    const info = describe(note);
    rows.push(
      [
        note.id,
        note.target.kind,
        note.target.collectionId,
        targetItemId(note.target) ?? '',
        info.label,
        info.citation,
        info.href,
        quoteOf(note.target) ?? '',
        note.tags.join('; '),
        note.colour ?? '',
        note.createdAt,
        note.updatedAt,
        note.body,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/**
 * The passage notes and photo regions as a W3C Web Annotation collection
 * (https://www.w3.org/TR/annotation-model/). The context URL is an identifier in JSON-LD, never fetched
 * by the app.
 */
export function highlightsToJsonLd(notes: readonly Note[], describe: Describe, exportedAt: Date): string {
  const items = notes.flatMap((note): object[] => {
    if (note.target.kind === 'region') return [regionNoteToAnnotation({ ...note, target: note.target })];
    if (note.target.kind !== 'passage') return [];
    const body: Array<Record<string, string>> = [];
    if (note.body.trim() !== '') {
      body.push({ type: 'TextualBody', value: note.body, format: 'text/markdown', purpose: 'commenting' });
    }
    for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
    const [quote, position] = note.target.selectors;
    return [
      {
        id: `urn:uuid:${note.id}`,
        type: 'Annotation',
        motivation: note.body.trim() === '' ? 'highlighting' : 'commenting',
        created: note.createdAt,
        modified: note.updatedAt,
        ...(body.length > 0 ? { body: body.length === 1 ? body[0] : body } : {}),
        target: {
          source: `${APP_ORIGIN}/${describe(note).href}`,
          selector: [
            { type: quote.type, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
            { type: position.type, start: position.start, end: position.end },
          ],
        },
        ...(note.colour ? { 'atmintis:colour': note.colour } : {}),
      },
    ];
  });
  const collection = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { atmintis: `${APP_ORIGIN}/ns#` }],
    type: 'AnnotationCollection',
    label: 'Atmintis highlights',
    generated: exportedAt.toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
