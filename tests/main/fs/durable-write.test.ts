import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileDurably } from '../../../src/main/fs/durable-write';

const root = mkdtempSync(join(tmpdir(), 'atmintis-durable-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writeFileDurably', () => {
  it('writes, and by default replaces an existing file', async () => {
    const path = join(root, 'a.json');
    writeFileSync(path, 'old');
    await writeFileDurably(path, '[]');
    expect(readFileSync(path, 'utf8')).toBe('[]');
  });

  it('exclusive: refuses to overwrite and leaves the file readable by its owner only', async () => {
    const path = join(root, 'content.pdf');
    await writeFileDurably(path, new Uint8Array([1, 2, 3]), { exclusive: true });
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    await expect(writeFileDurably(path, 'again', { exclusive: true })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
  });
});
