/**
 * Sync without a network: the changes since a chosen point written to a bundle file, and a bundle
 * read back through the same replica and bridge, so revision trees merge exactly as replication
 * merges them (bulkDocs with new_edits: false) and conflicts come out the same.
 */
import { parseBundle, serializeBundle, type BundleDoc, type BundleSince } from '@shared/sync/bundle';
import { changedAtOf } from '@shared/sync/conflicts';
import { parseDocId, readDoc } from '@shared/sync/docs';
import type { SyncBridge } from './bridge';
import { leaves } from './replica';

export interface BundleExport {
  text: string;
  docs: number;
  until: string;
}

/** Where "since the last bundle" starts: the sequence the last exported bundle reached, if any. */
export async function lastBundleSeq(bridge: SyncBridge): Promise<string | null> {
  const row = await bridge.db.syncState.get('bundle');
  return row ? String(row.seq) : null;
}

function leafChangedAt(leaf: BundleDoc): string | null {
  const read = readDoc(leaf);
  return read.ok ? changedAtOf(read.content) : null;
}

export async function exportBundle(
  bridge: SyncBridge,
  since: BundleSince,
  author: string,
  now: Date,
): Promise<BundleExport> {
  await bridge.sync();
  const replica = bridge.replica;
  // The local adapters number their sequences; a stored one comes back as text.
  const from = since.kind === 'seq' ? (/^\d+$/.test(since.seq) ? Number(since.seq) : since.seq) : 0;
  const changes = await replica.changes({ since: from });
  const docs: BundleDoc[] = [];
  for (const change of changes.results) {
    // The user layer only: shared datasets are whole collections, carried as their own files.
    if (!parseDocId(change.id)) continue;
    const all = (await leaves(replica, change.id, true)) as BundleDoc[];
    // By date: a document goes in when any of its revisions changed on or after that day. Deletions
    // carry no date, so they always go in (they are small, and a purge must reach the other side).
    const wanted =
      since.kind !== 'date' ||
      all.some((leaf) => leaf._deleted === true || (leafChangedAt(leaf) ?? '') >= since.date);
    if (wanted) docs.push(...all);
  }
  const until = String(changes.last_seq);
  const text = await serializeBundle(docs, { createdAt: now.toISOString(), author, since, until });
  await bridge.db.syncState.put({ key: 'bundle', seq: changes.last_seq });
  return { text, docs: docs.length, until };
}

/** Checks the whole bundle first (nothing is written if any line is wrong), then merges it. */
export async function importBundle(bridge: SyncBridge, text: string): Promise<{ docs: number }> {
  const parsed = await parseBundle(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const results = await bridge.replica.bulkDocs(parsed.docs as never[], { new_edits: false });
  const failed = results.filter((result) => 'error' in result && result.error);
  if (failed.length > 0) {
    const first = failed[0] as { id?: string; message?: string };
    throw new Error(
      `${failed.length} documents could not be merged (first: ${first.id ?? '?'}: ${first.message ?? ''}).`,
    );
  }
  await bridge.sync();
  return { docs: parsed.docs.length };
}
