import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  parseChangelogCommit,
  parseCopyrightSource,
  TESSDATA_LANGUAGES,
  verifyTessdata,
  type TessdataSources,
} from '../../scripts/vendor-tessdata';

const tessdata = resolve(import.meta.dirname, '../../resources/tessdata');
const scratch = mkdtempSync(join(tmpdir(), 'atmintis-tessdata-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('vendored Tesseract language data (resources/tessdata)', () => {
  it('matches SOURCES.json: every language present, every file with its recorded size and sha256', () => {
    expect(verifyTessdata(tessdata)).toEqual([]);
  });

  it('records where each file came from and under which licence', () => {
    const sources = JSON.parse(readFileSync(join(tessdata, 'SOURCES.json'), 'utf8')) as TessdataSources;
    expect(sources.files.map((entry) => entry.language).sort()).toEqual([...TESSDATA_LANGUAGES].sort());
    for (const entry of sources.files) {
      expect(entry.license).toBe('Apache-2.0');
      expect(entry.debianPackage).toBe(`tesseract-ocr-${entry.language}`);
      expect(entry.debSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.upstream).toMatch(/^https:\/\/github\.com\/tesseract-ocr\/tessdata(_fast|_best)?$/);
    }
    expect(readFileSync(join(tessdata, 'LICENSE'), 'utf8')).toContain('Apache License');
  });

  it('notices a changed, missing or unlisted file', () => {
    const copy = join(scratch, 'tessdata');
    cpSync(tessdata, copy, { recursive: true });
    writeFileSync(join(copy, 'deu.traineddata'), 'not a model');
    rmSync(join(copy, 'pol.traineddata'));
    writeFileSync(join(copy, 'xyz.traineddata'), '');
    const problems = verifyTessdata(copy);
    expect(problems).toContainEqual(expect.stringMatching(/^deu\.traineddata: 11 bytes, expected \d+$/));
    expect(problems).toContainEqual(
      expect.stringMatching(/^deu\.traineddata: sha256 [0-9a-f]{64}, expected/),
    );
    expect(problems).toContain('pol.traineddata: listed in SOURCES.json but missing');
    expect(problems).toContain('xyz.traineddata: not listed in SOURCES.json');
  });
});

describe('reading Debian package metadata', () => {
  it('takes the upstream from debian/copyright and the commit from the changelog', () => {
    expect(
      parseCopyrightSource(
        'Upstream-Name: tessdata_fast\nSource: https://github.com/tesseract-ocr/tessdata_fast/\n',
      ),
    ).toBe('https://github.com/tesseract-ocr/tessdata_fast');
    expect(() => parseCopyrightSource('Upstream-Name: x\n')).toThrow(/no Source: field/);
    expect(parseChangelogCommit('  * Commit: 65727574dfcd264acbb0c3e07860e4e9e9b22185\n')).toBe(
      '65727574dfcd264acbb0c3e07860e4e9e9b22185',
    );
    expect(parseChangelogCommit('no commit here')).toBeNull();
  });
});
