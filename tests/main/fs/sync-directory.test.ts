import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syncDirectory } from '../../../src/main/fs/sync-directory';

const root = mkdtempSync(join(tmpdir(), 'atmintis-sync-directory-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('syncDirectory', () => {
  it('flushes an existing folder', async () => {
    await expect(syncDirectory(root)).resolves.toBeUndefined();
  });

  it('is best effort: a folder it cannot open does not fail the write that already renamed its data', async () => {
    await expect(syncDirectory(join(root, 'missing'))).resolves.toBeUndefined();
  });
});
