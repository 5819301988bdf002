/**
 * What a note is attached to, in words and as a link: the label shown beside a note, the citation
 * written into exports, and the in-app address of the target (see ../links.ts). Pure: works from the
 * loaded collection when there is one, and from the bare ids when the collection is not installed
 * (a note must stay readable even if its collection is removed).
 */
import type { CslItem, CslName } from '../collection/schema';
import type { LoadedCollection, LoadedRecord, LoadedText } from '../collection/model';
import { bibliographyHref, passageTextPath, recordHref, toHref } from '../links';
import type { NoteTarget } from './model';
import { photoPath } from './region';

export interface TargetInfo {
  /** Short label: the record's, entry's, collection's or text's title; the id when it is unknown. */
  label: string;
  /** A citation of the target built only from the collection's own data. */
  citation: string;
  /** In-app address (`#/…`). */
  href: string;
  /** False when the collection or the item is not installed. */
  resolved: boolean;
}

function nameOf(name: CslName): string {
  return name.literal ?? [name.family, name.given].filter(Boolean).join(', ');
}

/** "Anušauskas, Arvydas (2012). Title. Container. Publisher." — from the entry's fields, nothing added. */
function citeBibliographyEntry(item: CslItem): string {
  const people = item.author?.length ? item.author : (item.editor ?? []);
  const who = people.map(nameOf).filter(Boolean).join('; ');
  const editors = !item.author?.length && item.editor?.length ? ' (ed.)' : '';
  const year = item.issued?.['date-parts']?.[0]?.[0];
  const parts = [
    who ? `${who}${editors}${year !== undefined ? ` (${year})` : ''}` : year !== undefined ? `(${year})` : '',
    item.title ?? '',
    item['container-title'] ?? '',
    [item['publisher-place'], item.publisher].filter(Boolean).join(': '),
    item.page !== undefined ? `p. ${item.page}` : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? `${parts.join('. ')}.` : item.id;
}

/** Where a note's target lives in the app. Collections open in Browse (the only collection view). */
export function targetHref(target: NoteTarget): string {
  switch (target.kind) {
    case 'record':
      return recordHref(target.collectionId, target.recordId);
    case 'bibliography':
      return bibliographyHref(target.collectionId, target.entryId);
    case 'collection':
      return toHref('/browse');
    case 'passage':
      return toHref(passageTextPath(target.collectionId, target.textId));
    case 'region':
      return toHref(photoPath(target.itemId, target.photo, target.page));
  }
}

/**
 * What naming a target takes: a whole collection, or a slice of it holding the records the notes name
 * (the Notes views ask main for only those).
 */
export type TargetSource = Pick<LoadedCollection, 'manifest' | 'bibliography'> & {
  records: readonly Pick<LoadedRecord, 'id' | 'title'>[];
  texts: readonly Pick<LoadedText, 'id' | 'title'>[];
};

export function describeTarget(target: NoteTarget, collection: TargetSource | undefined): TargetInfo {
  const href = targetHref(target);
  const collectionTitle = collection?.manifest.title ?? target.collectionId;
  const edition = collection ? `${collectionTitle}, version ${collection.manifest.version}` : collectionTitle;
  switch (target.kind) {
    case 'collection':
      return {
        label: collectionTitle,
        citation: `${edition} (Atmintis collection).`,
        href,
        resolved: !!collection,
      };
    case 'record': {
      const record = collection?.records.find((item) => item.id === target.recordId);
      const label = record?.title ?? target.recordId;
      return {
        label,
        citation: `“${label}”, record ${target.recordId}. In: ${edition}.`,
        href,
        resolved: !!record,
      };
    }
    case 'bibliography': {
      const entry = collection?.bibliography.find((item) => item.id === target.entryId);
      return {
        label: entry?.title ?? target.entryId,
        citation: entry
          ? citeBibliographyEntry(entry)
          : `Bibliography entry ${target.entryId}. In: ${edition}.`,
        href,
        resolved: !!entry,
      };
    }
    case 'passage': {
      const text = collection?.texts.find((item) => item.id === target.textId);
      const label = text?.title ?? target.textId;
      return { label, citation: `“${label}”. In: ${edition}.`, href, resolved: !!text };
    }
    case 'region': {
      // Photos live outside collections; their item's title is the photo store's, unknown here.
      const page = target.page > 0 ? `, p. ${target.page + 1}` : '';
      const label = `${target.itemId} · ${target.photo.slice(0, 12)}${page}`;
      return {
        label,
        citation: `Photograph ${target.photo.slice(0, 12)}${page} in item ${target.itemId}, region ${target.selector.value.length > 80 ? target.selector.type : target.selector.value}.`,
        href,
        resolved: true,
      };
    }
  }
}
