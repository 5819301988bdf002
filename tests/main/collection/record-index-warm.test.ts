import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMainHandlers } from '../../../src/main/services';
import { testAppInfo } from '../../support/fake-handlers';

const root = mkdtempSync(join(tmpdir(), 'atmintis-index-warm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Invented people (test data): enough to make an index, nothing historical. */
const manifest = {
  formatVersion: 2,
  id: 'warm-registry',
  title: 'Warm registry',
  version: '1.0.0',
  description: 'Invented people for tests.',
  languages: ['en'],
  license: 'CC0-1.0',
  compiledBy: 'tests',
  synthetic: true,
};
const people = Array.from({ length: 30 }, (_, n) => ({
  id: `p-${n}`,
  kind: 'person',
  title: `Person ${n}`,
  labels: {},
  summary: '',
}));

describe('the record index of a new import is built in the background', () => {
  it('is on disk after imports.commit, before any record is asked for', async () => {
    const dataDirectory = join(root, 'data');
    const resources = join(root, 'resources');
    const handlers = createMainHandlers({
      resourcesDir: resources,
      appInfo: { ...testAppInfo, dataDirectory },
      openExternal: async () => false,
    });
    const { sessionId } = await handlers['imports.begin']({
      manifest,
      files: [],
      source: 'test.csv',
    } as never);
    await handlers['imports.appendRecords']({ sessionId, records: people } as never);
    const summary = await handlers['imports.commit']({ sessionId });
    expect(summary.id).toBe('warm-registry');
    const folder = join(dataDirectory, 'record-index', 'warm-registry');
    await expect
      .poll(() => existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.index.json')), {
        timeout: 10_000,
      })
      .toBe(true);
    // Asking now reads the saved index: the records come back as imported.
    const page = await handlers['collections.page']({ collectionId: 'warm-registry', offset: 0, limit: 5 });
    expect(page.records.map((r) => r.id)).toEqual(['p-0', 'p-1', 'p-2', 'p-3', 'p-4']);
    expect(page.total).toBe(30);
  });
});
