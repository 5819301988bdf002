/**
 * The user's photo items (one archival file or document each) as search documents: title, archival
 * reference (archive, fond, opis, delo, sheets), creator, free fields and date, so one query finds the
 * records and the files the user photographed. Items change while the collections do not, so they are
 * indexed with the notes (the worker's small second engine), like imported documents.
 */
import { edtfToBounds } from '../collection/edtf';
import { PHOTOS_NOTE_COLLECTION } from '../notes/region';
import { citeItem } from '../photos/cite';
import type { Item } from '../photos/item';
import { isSha256, photoUrl, type PhotoRef } from '../photos/model';
import { yearWords, type SearchDocument } from './documents';

const enc = encodeURIComponent;

/** An item's page (`#/items/<itemId>`). */
export const itemPath = (itemId: string): string => `/items/${enc(itemId)}`;

const ID_PREFIX = 'item/';
const PHOTO_MARK = '/photo/';

/**
 * The search index keeps a fixed set of columns per document (prepared-index.ts), with no place for a
 * thumbnail; the id is a free string that only has to be unique, so the first photo rides in it
 * (`item/<itemId>/photo/<sha256>/<page>`) and the result list reads it back with itemHitThumbnail.
 */
function itemDocumentId(item: Item): string {
  const first = item.photos[0];
  return `${ID_PREFIX}${item.id}${first ? `${PHOTO_MARK}${first.sha256}/${first.page}` : ''}`;
}

/** The first photo of an item hit, from its document id; null for any other document or no photo. */
export function itemHitPhoto(doc: Pick<SearchDocument, 'id' | 'kind'>): PhotoRef | null {
  if (doc.kind !== 'item' || !doc.id.startsWith(ID_PREFIX)) return null;
  const at = doc.id.lastIndexOf(PHOTO_MARK);
  if (at < 0) return null;
  const [sha256 = '', page = ''] = doc.id.slice(at + PHOTO_MARK.length).split('/');
  return isSha256(sha256) && /^\d{1,6}$/.test(page) ? { sha256, page: Number(page) } : null;
}

/** The thumbnail address of an item hit's first photo, or null. */
export function itemHitThumbnail(doc: Pick<SearchDocument, 'id' | 'kind'>): string | null {
  const photo = itemHitPhoto(doc);
  return photo ? photoUrl(photo.sha256, 'thumb', photo.page) : null;
}

const nonEmpty = (values: readonly (string | undefined)[]): string[] => [
  ...new Set(values.map((value) => value?.trim() ?? '').filter((value) => value !== '')),
];

export function itemSearchDocument(item: Item): SearchDocument {
  const { metadata } = item;
  const bounds = metadata.date ? edtfToBounds(metadata.date) : null;
  const yearFrom = bounds ? Number(bounds.earliest.slice(0, 4)) : null;
  const yearTo = bounds ? Number(bounds.latest.slice(0, 4)) : null;
  // The reference in its citation form ("LYA, f. K-1, ap. 58, b. 12345, l. 1–18"): its words find the
  // file by archive, fond, opis or delo number.
  const reference = metadata.fond || metadata.opis || metadata.delo ? citeItem(item) : '';
  const title = item.title.trim() || reference;
  return {
    id: itemDocumentId(item),
    collectionId: PHOTOS_NOTE_COLLECTION,
    kind: 'item',
    targetId: item.id,
    path: itemPath(item.id),
    title,
    fields: Object.fromEntries(
      Object.entries({
        title: nonEmpty([title]),
        // Unlabelled fields (summary, body), so a hit's snippet shows the reference as it is, not
        // under a record's label such as "Also known as".
        summary: nonEmpty([reference || metadata.archive]),
        authors: nonEmpty([metadata.creator]),
        body: nonEmpty([
          ...item.fields.map((field) => (field.value.trim() ? `${field.name}: ${field.value}` : '')),
          metadata.sheets,
          metadata.language,
          metadata.rights,
        ]),
        years: yearWords(yearFrom, yearTo),
      }).filter(([, values]) => values.length > 0),
    ),
    ...(metadata.date && bounds ? { date: metadata.date } : {}),
    earliest: bounds?.earliest ?? null,
    latest: bounds?.latest ?? null,
    yearFrom,
    yearTo,
    places: [],
    sources: [],
    tags: [],
    status: null,
    phonetic: false,
  };
}

export const itemSearchDocuments = (items: readonly Item[]): SearchDocument[] =>
  items.map(itemSearchDocument);
