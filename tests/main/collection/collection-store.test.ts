import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createBundledCollectionStore,
  type CollectionLoader,
} from '../../../src/main/collection/collection-store';
import * as collectionLoader from '../../../src/main/collection/load-collection';
import { FIXTURES, MINIMAL_FIXTURE } from '../../shared/collection/package-files';

const tempRoot = mkdtempSync(join(tmpdir(), 'atmintis-collection-store-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

/** The real loader, counting how often each folder is read. */
function countingLoader() {
  const reads: string[] = [];
  const loader: CollectionLoader = {
    listCollectionDirectories: collectionLoader.listCollectionDirectories,
    loadCollectionPackage: (dir) => {
      reads.push(dir);
      return collectionLoader.loadCollectionPackage(dir);
    },
  };
  return { loader, reads };
}

describe('bundled collection store revisions', () => {
  it('lists each collection with the revision of the bytes it was loaded from, read once per process', async () => {
    const root = join(tempRoot, 'collections');
    cpSync(MINIMAL_FIXTURE, join(root, 'minimal'), { recursive: true });
    cpSync(join(FIXTURES, 'hostile'), join(root, 'hostile'), { recursive: true });
    const { loader, reads } = countingLoader();
    const store = createBundledCollectionStore(root, loader);

    const listed = await store.list();
    const minimal = await collectionLoader.loadCollectionPackage(MINIMAL_FIXTURE);
    expect(minimal.ok).toBe(true);
    expect(listed.map((c) => [c.id, c.revision])).toEqual([
      ['hostile-xss', expect.stringMatching(/^[0-9a-f]{16}$/)],
      ['test-minimal', minimal.ok && minimal.value.revision],
    ]);
    expect(listed[0]?.revision).not.toBe(listed[1]?.revision);

    // Changing a file now is not seen until the next start: the revision describes what is served.
    writeFileSync(join(root, 'minimal', 'texts', 'intro.md'), 'changed');
    expect(await store.list()).toEqual(listed);
    expect((await store.get('test-minimal'))?.manifest.id).toBe('test-minimal');
    expect(reads).toHaveLength(2);

    const restarted = createBundledCollectionStore(root, collectionLoader);
    const after = await restarted.list();
    expect(after.find((c) => c.id === 'test-minimal')?.revision).not.toBe(listed[1]?.revision);
    expect(after.find((c) => c.id === 'hostile-xss')?.revision).toBe(listed[0]?.revision);
  });
});

describe('bundled collection summaries', () => {
  it("carry the manifest's translated title and description, so lists name a collection in the interface language", async () => {
    const store = createBundledCollectionStore(
      join(import.meta.dirname, '../../../resources/collections'),
      collectionLoader,
    );
    const [bundled] = await store.list();
    expect(bundled?.translations?.lt?.title).toBe('Sovietiniai trėmimai iš Lietuvos, 1940–1953 m.');
    expect(bundled?.translations?.lt?.description).toMatch(/^Operacijos, skaičiai/);
  });
});
