// Interim stand-in until the collection loader lands (same commit series); lists no collections.
import type { LoadedCollectionPayload } from '../../shared/ipc/payloads';
import { fail, type Result } from '../../shared/result';

export async function listCollectionDirectories(_root: string): Promise<string[]> {
  return [];
}

export async function loadCollectionFromDirectory(dir: string): Promise<Result<LoadedCollectionPayload>> {
  return fail('collection-invalid', `Collection loading is not available yet (${dir})`);
}
