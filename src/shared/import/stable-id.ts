/**
 * Stable record ids for imported rows. Notes attach to record ids, so re-importing a corrected file must
 * give every unchanged person the same id: either from an id column the user maps, or from a hash of
 * the fields that identify a person (not of the row number, which shifts when rows are added).
 */

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain, bryc). Collisions at 200k rows: ~1e-6. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const normalise = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Id from the identifying fields: same fields (ignoring case and spacing) → same id. */
export function hashedRecordId(fields: readonly string[]): string {
  return `p-${hash53(fields.map(normalise).join('\u001f')).toString(36)}`;
}

/** Id from a source id column: kebab-cased; undefined when nothing usable is left. */
export function sourceRecordId(value: string): string | undefined {
  const slug = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug === '' ? undefined : `p-${slug}`;
}
