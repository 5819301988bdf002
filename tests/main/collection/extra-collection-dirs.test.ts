import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMainHandlers } from '../../../src/main/services';
import { MINIMAL_FIXTURE } from '../../shared/collection/package-files';
import { testAppInfo } from '../../support/fake-handlers';

describe('extra collection folders (npm run web -- --collections-dir)', () => {
  it('serves collections from extra folders first, then the bundled ones, and only those by default', async () => {
    const resources = mkdtempSync(join(tmpdir(), 'atmintis-resources-'));
    cpSync(MINIMAL_FIXTURE, join(resources, 'collections', 'bundled'), { recursive: true });
    const extra = mkdtempSync(join(tmpdir(), 'atmintis-extra-'));
    cpSync(join(import.meta.dirname, '../../fixtures/collections/hostile'), join(extra, 'hostile'), {
      recursive: true,
    });
    const options = { resourcesDir: resources, appInfo: testAppInfo, openExternal: async () => false };

    const withExtra = createMainHandlers({ ...options, extraCollectionDirs: [extra] });
    expect((await withExtra['collections.list']({})).map((c) => c.id)).toEqual([
      'hostile-xss',
      'test-minimal',
    ]);
    expect((await withExtra['collections.get']({ collectionId: 'hostile-xss' })).records).toHaveLength(2);

    const bundledOnly = createMainHandlers(options);
    expect((await bundledOnly['collections.list']({})).map((c) => c.id)).toEqual(['test-minimal']);
  });
});
