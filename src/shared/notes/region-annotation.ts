/**
 * A region note as a W3C Web Annotation and back (https://www.w3.org/TR/annotation-model/): the note's
 * Markdown is a `commenting` TextualBody, each tag a `tagging` one, the transcription a `transcribing`
 * one; the target is the photo (`atmintis:photo/<sha256>`) with the region's selector. Used by the
 * JSON-LD export and by anything that reads annotations in (IIIF manifests, other tools): reading
 * refuses an annotation it cannot keep whole, saying which field and why, instead of dropping parts.
 */
import type { Note, RegionTarget } from './model';
import { HIGHLIGHT_COLOURS, normaliseTags } from './model';
import {
  parseRegionSelector,
  photoOfUri,
  photoUri,
  PHOTOS_NOTE_COLLECTION,
  type RegionSelector,
} from './region';

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'transcribing';
  format?: string;
}

export interface RegionAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'tagging' | 'transcribing' | 'highlighting';
  created: string;
  modified: string;
  body?: TextualBody | TextualBody[];
  target: { source: string; selector: RegionSelector };
  /** The item the region was drawn in (Atmintis' own term, in its namespace). */
  'atmintis:item': string;
  'atmintis:colour'?: string;
}

export function regionNoteToAnnotation(note: Note & { target: RegionTarget }): RegionAnnotation {
  const { target } = note;
  const body: TextualBody[] = [];
  if (note.body.trim() !== '') {
    body.push({ type: 'TextualBody', value: note.body, format: 'text/markdown', purpose: 'commenting' });
  }
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (target.transcription.trim() !== '') {
    body.push({
      type: 'TextualBody',
      value: target.transcription,
      format: 'text/plain',
      purpose: 'transcribing',
    });
  }
  const motivation =
    note.body.trim() !== ''
      ? 'commenting'
      : target.transcription.trim() !== ''
        ? 'transcribing'
        : note.tags.length > 0
          ? 'tagging'
          : 'highlighting';
  const selector: RegionSelector =
    target.selector.type === 'FragmentSelector'
      ? { type: 'FragmentSelector', conformsTo: target.selector.conformsTo, value: target.selector.value }
      : { type: 'SvgSelector', value: target.selector.value };
  return {
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    motivation,
    created: note.createdAt,
    modified: note.updatedAt,
    ...(body.length > 0 ? { body: body.length === 1 ? body[0] : body } : {}),
    target: { source: photoUri(target.photo, target.page), selector },
    'atmintis:item': target.itemId,
    ...(note.colour ? { 'atmintis:colour': note.colour } : {}),
  };
}

export type AnnotationRead = { ok: true; note: Note } | { ok: false; error: string };

const fail = (error: string): AnnotationRead => ({ ok: false, error });

/**
 * The note an annotation describes. `itemId` is used when the annotation names none (a foreign tool's);
 * colours are not read back (the note model checks them; a foreign value is not ours to keep).
 */
export function annotationToRegionNote(annotation: unknown, fallbackItemId?: string): AnnotationRead {
  if (typeof annotation !== 'object' || annotation === null || Array.isArray(annotation)) {
    return fail('the annotation must be a JSON object');
  }
  const a = annotation as Record<string, unknown>;
  const id = typeof a['id'] === 'string' ? /^urn:uuid:(.+)$/.exec(a['id'])?.[1] : undefined;
  if (!id) return fail('id: must be "urn:uuid:<note id>"');
  const where = `annotation ${JSON.stringify(String(a['id']).slice(0, 80))}`;
  if (a['type'] !== 'Annotation') return fail(`${where} › type: must be "Annotation"`);
  const target = a['target'] as Record<string, unknown> | undefined;
  if (typeof target !== 'object' || target === null) return fail(`${where} › target: missing`);
  const photo = typeof target['source'] === 'string' ? photoOfUri(target['source']) : null;
  if (!photo) return fail(`${where} › target.source: must be "atmintis:photo/<sha256>"`);
  const selector = parseRegionSelector(target['selector']);
  if (!selector.ok) return fail(`${where} › target.selector: ${selector.error}`);
  const itemId = typeof a['atmintis:item'] === 'string' ? a['atmintis:item'] : fallbackItemId;
  if (!itemId) return fail(`${where} › atmintis:item: missing (the item the photo belongs to)`);
  const bodies = a['body'] === undefined ? [] : Array.isArray(a['body']) ? a['body'] : [a['body']];
  let comment = '';
  let transcription = '';
  const tags: string[] = [];
  for (const [index, raw] of bodies.entries()) {
    const body = raw as Record<string, unknown> | null;
    if (
      typeof body !== 'object' ||
      body === null ||
      body['type'] !== 'TextualBody' ||
      typeof body['value'] !== 'string'
    ) {
      return fail(`${where} › body[${index}]: only TextualBody with a string value is supported`);
    }
    const value = body['value'];
    if (body['purpose'] === 'tagging') tags.push(value);
    else if (body['purpose'] === 'transcribing')
      transcription = transcription ? `${transcription}\n\n${value}` : value;
    else if (body['purpose'] === 'commenting' || body['purpose'] === undefined)
      comment = comment ? `${comment}\n\n${value}` : value;
    else
      return fail(`${where} › body[${index}].purpose: ${JSON.stringify(body['purpose'])} is not supported`);
  }
  const created = typeof a['created'] === 'string' ? a['created'] : undefined;
  const modified = typeof a['modified'] === 'string' ? a['modified'] : created;
  if (!created || Number.isNaN(Date.parse(created)) || !modified || Number.isNaN(Date.parse(modified))) {
    return fail(`${where} › created/modified: must be ISO 8601 date-times`);
  }
  const storedSelector: RegionSelector =
    target['selector'] && (target['selector'] as { type?: unknown }).type === 'FragmentSelector'
      ? {
          type: 'FragmentSelector',
          conformsTo: 'http://www.w3.org/TR/media-frags/',
          value: (target['selector'] as { value: string }).value,
        }
      : { type: 'SvgSelector', value: (target['selector'] as { value: string }).value };
  return {
    ok: true,
    note: {
      id,
      target: {
        kind: 'region',
        collectionId: PHOTOS_NOTE_COLLECTION,
        itemId,
        photo: photo.sha256,
        page: photo.page,
        selector: storedSelector,
        transcription,
      },
      body: comment,
      tags: normaliseTags(tags),
      colour: HIGHLIGHT_COLOURS.find((colour) => colour === a['atmintis:colour']) ?? null,
      createdAt: new Date(Date.parse(created)).toISOString(),
      updatedAt: new Date(Date.parse(modified)).toISOString(),
      deletedAt: null,
    },
  };
}
