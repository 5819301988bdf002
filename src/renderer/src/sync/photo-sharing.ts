/**
 * The "share photo originals" choice, kept in the replica's own local document (never replicated):
 * it is about this machine's sync, and off until the user turns it on.
 */
import type { ReplicaDb } from './replica';

const SETTING_ID = '_local/atmintis-photo-sharing';

export async function photoSharingOn(replica: ReplicaDb): Promise<boolean> {
  try {
    return ((await replica.get(SETTING_ID)) as unknown as { share?: boolean }).share === true;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}

export async function setPhotoSharing(replica: ReplicaDb, share: boolean): Promise<void> {
  let rev: string | undefined;
  try {
    rev = ((await replica.get(SETTING_ID)) as unknown as { _rev: string })._rev;
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
  await replica.put({ _id: SETTING_ID, ...(rev ? { _rev: rev } : {}), share } as never);
}
