/**
 * Sync bundles: the documents changed since a chosen point, carried on a USB stick between machines
 * that never meet on a network. One JSON object per line: a header, then every leaf revision of every
 * changed document (conflicting ones included) with its `_revisions` history, so that the receiving
 * replica merges revision trees exactly as replication would (bulkDocs with new_edits: false). The
 * header's SHA-256 covers every document line, so a damaged or truncated file is refused whole.
 */
import { parseDocId, readDoc } from './docs';

export const BUNDLE_FORMAT = 'atmintis-sync-bundle';
export const BUNDLE_VERSION = 1;

/** A leaf revision as the engine hands it out with `revs: true`. */
export interface BundleDoc {
  _id: string;
  _rev: string;
  _revisions: { start: number; ids: string[] };
  _deleted?: boolean;
  [field: string]: unknown;
}

export type BundleSince = { kind: 'all' } | { kind: 'seq'; seq: string } | { kind: 'date'; date: string };

export interface BundleHeader {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  createdAt: string;
  author: string;
  since: BundleSince;
  /** The replica's update sequence the bundle reaches: "since the last bundle" starts here next time. */
  until: string;
  docs: number;
  sha256: string;
}

async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('This system cannot compute SHA-256 (Web Crypto is unavailable).');
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function serializeBundle(
  docs: readonly BundleDoc[],
  meta: Omit<BundleHeader, 'format' | 'version' | 'docs' | 'sha256'>,
): Promise<string> {
  const lines = docs.map((doc) => JSON.stringify(doc));
  const body = lines.join('\n');
  const header: BundleHeader = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    ...meta,
    docs: docs.length,
    sha256: await sha256Hex(body),
  };
  return [JSON.stringify(header), ...lines].join('\n') + '\n';
}

export type BundleParseResult =
  { ok: true; header: BundleHeader; docs: BundleDoc[] } | { ok: false; error: string };

const fail = (error: string): BundleParseResult => ({ ok: false, error });

function checkRevisions(doc: Record<string, unknown>): string | null {
  if (typeof doc._rev !== 'string' || !/^\d+-[0-9a-f]+$/.test(doc._rev)) return '_rev: not a revision id';
  const revisions = doc._revisions as { start?: unknown; ids?: unknown } | undefined;
  if (!revisions || typeof revisions.start !== 'number' || !Array.isArray(revisions.ids))
    return '_revisions: missing or not { start, ids }';
  const ids = revisions.ids as unknown[];
  if (ids.length === 0 || ids.some((id) => typeof id !== 'string'))
    return '_revisions.ids: must be a non-empty list of strings';
  if (`${String(revisions.start)}-${String(ids[0])}` !== doc._rev) return '_revisions: does not lead to _rev';
  return null;
}

/**
 * Checks a whole bundle before anything is written: format, version, checksum, then every document
 * (its id, revision history and content, the same checks replication applies). Errors name the line.
 */
export async function parseBundle(text: string): Promise<BundleParseResult> {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return fail('The file is empty.');
  let header: BundleHeader;
  try {
    header = JSON.parse(lines[0] ?? '') as BundleHeader;
  } catch {
    return fail('Line 1: not JSON, so this is not an Atmintis sync bundle.');
  }
  if (header?.format !== BUNDLE_FORMAT) return fail('Line 1: this is not an Atmintis sync bundle.');
  if (header.version !== BUNDLE_VERSION)
    return fail(
      `Line 1: bundle version ${String(header.version)} comes from another version of Atmintis (this one reads version ${BUNDLE_VERSION}).`,
    );
  const docLines = lines.slice(1);
  if (docLines.length !== header.docs)
    return fail(
      `The bundle should hold ${header.docs} documents but holds ${docLines.length}: it is incomplete or damaged.`,
    );
  if ((await sha256Hex(docLines.join('\n'))) !== header.sha256)
    return fail('The checksum does not match: the file was damaged or changed after it was written.');
  const docs: BundleDoc[] = [];
  for (const [index, line] of docLines.entries()) {
    const where = `Line ${index + 2}`;
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return fail(`${where}: not JSON.`);
    }
    const id = typeof doc._id === 'string' ? doc._id : '';
    if (!parseDocId(id))
      return fail(`${where}: _id "${id}" is not a note, decision, item, item link or saved search document.`);
    const revisionProblem = checkRevisions(doc);
    if (revisionProblem) return fail(`${where} ("${id}"): ${revisionProblem}.`);
    if (doc._deleted !== true) {
      const read = readDoc(doc);
      if (!read.ok) return fail(`${where}: ${read.error}.`);
    }
    docs.push(doc as BundleDoc);
  }
  return { ok: true, header, docs };
}
