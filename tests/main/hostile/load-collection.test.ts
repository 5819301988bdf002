/**
 * Loading collection folders that were built to hurt: a 1 GB file (sparse, so it costs no disk), deeply
 * nested JSON, a 10 MB single field, binary garbage, links out of the folder, random files. Each is
 * refused with an error naming the file, without reading what it must not read; nothing throws.
 */
import fc from 'fast-check';
import type * as FsPromises from 'node:fs/promises';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  COLLECTION_INVALID,
  loadCollectionFromDirectory,
} from '../../../src/main/collection/load-collection';
import { formatCollectionError, type CollectionError } from '@shared/collection/collection-error';
import { MINIMAL_FIXTURE } from '../../shared/collection/package-files';
import { deepJsonText, nastyString, nastyValue } from '../../shared/hostile/payloads';

const reads = vi.hoisted(() => ({ paths: [] as string[] }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  return {
    ...real,
    readFile: (...args: Parameters<typeof real.readFile>) => {
      reads.paths.push(String(args[0]));
      return real.readFile(...args);
    },
  };
});

const tempRoot = mkdtempSync(join(tmpdir(), 'atmintis-hostile-collection-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));
let counter = 0;

function makePackage(mutate: (dir: string) => void): string {
  const dir = join(tempRoot, `case-${counter++}`, 'pkg');
  mkdirSync(join(dir, '..'));
  cpSync(MINIMAL_FIXTURE, dir, { recursive: true });
  mutate(dir);
  return dir;
}

async function loadErrors(dir: string): Promise<string[]> {
  const result = await loadCollectionFromDirectory(dir);
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.error.code).toBe(COLLECTION_INVALID);
  expect(result.error.message.length).toBeLessThan(2500);
  return (result.error.details as CollectionError[]).map(formatCollectionError);
}

describe('loading a hostile collection folder', () => {
  it('refuses a 1 GB file from its size without reading it', async () => {
    const dir = makePackage((d) => {
      writeFileSync(join(d, 'records/huge.json'), '');
      truncateSync(join(d, 'records/huge.json'), 1024 ** 3);
    });
    reads.paths.length = 0;
    expect(await loadErrors(dir)).toEqual([
      'records/huge.json: file is too large (1024.0 MiB; the limit is 5.0 MiB)',
    ]);
    expect(reads.paths.some((path) => path.endsWith('manifest.json'))).toBe(true); // the spy works
    expect(reads.paths.some((path) => path.endsWith('huge.json'))).toBe(false);
  });

  it('refuses a JSON file with a 10 MB single field (over the per-file limit) without reading it', async () => {
    const dir = makePackage((d) =>
      writeFileSync(
        join(d, 'records/events.json'),
        JSON.stringify([{ id: 'x', title: 'x'.repeat(10 * 1024 * 1024) }]),
      ),
    );
    reads.paths.length = 0;
    expect(await loadErrors(dir)).toEqual([
      'records/events.json: file is too large (10.0 MiB; the limit is 5.0 MiB)',
    ]);
    expect(reads.paths.some((path) => path.endsWith('events.json'))).toBe(false);
  });

  it('refuses deeply nested JSON with the place it goes too deep', async () => {
    const dir = makePackage((d) => writeFileSync(join(d, 'records/events.json'), deepJsonText(1_000_000)));
    expect(await loadErrors(dir)).toEqual([
      'records/events.json: JSON nested more than 64 levels deep (line 1, column 65); refusing to read it',
    ]);
  });

  it('refuses binary garbage and a link out of the folder, naming each', async () => {
    const dir = makePackage((d) => {
      writeFileSync(join(d, 'records/events.json'), Buffer.from([0xff, 0xfe, 0x00, 0x5b, 0xc3, 0x28]));
      symlinkSync('/etc/passwd', join(d, 'records/passwd.json'));
    });
    const errors = await loadErrors(dir);
    expect(errors).toContain(
      'records/passwd.json: symbolic links are not allowed in a collection (they can point outside the folder)',
    );
  });

  it('never throws on folders of random files with random content', async () => {
    const fileName = fc.oneof(
      fc.constantFrom('manifest.json', 'bibliography.json', 'records/a.json', 'texts/a.md', 'records/b.json'),
      fc.stringMatching(/^[a-z]{1,8}\.(json|md|txt)$/),
    );
    const content = fc.oneof(
      nastyString,
      nastyValue.map((value) => JSON.stringify(value) ?? ''),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fileName, content, { maxKeys: 5 }), async (files) => {
        const dir = makePackage((d) => {
          for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
        });
        const result = await loadCollectionFromDirectory(dir);
        if (!result.ok) {
          expect(result.error.code).toBe(COLLECTION_INVALID);
          expect(result.error.message.length).toBeLessThan(2500);
        }
        rmSync(join(dir, '..'), { recursive: true, force: true });
      }),
      { numRuns: 60 },
    );
  });
});
