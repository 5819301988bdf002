import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeLegacy } from '../shared/import/helpers';

const root = resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'atmintis-import-cli-'));
const dataDir = join(folder, 'data');

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/import.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('npm run import', () => {
  it('imports a Windows-1251 CSV with a mapping file and prints what it detected', () => {
    const csv = join(folder, 'spisok.csv');
    writeFileSync(
      csv,
      encodeLegacy('№;ФИО;Год рождения\n1;Казлаускас Ионас;1901\n2;Петрайтис Антанас;1899\n', 'windows-1251'),
    );
    const mapping = join(folder, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ id: '№', name: ['ФИО'], birthYear: 'Год рождения' }));
    const { code, out, err } = cli(csv, '--data-dir', dataDir, '--mapping', mapping, '--title', 'Список');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('spisok.csv: windows-1251 (runs of Cyrillic letters), delimiter ";", header row');
    expect(out).toMatch(/Imported "Список" \(spisok\): 2 records in /);
    expect(readdirSync(join(dataDir, 'collections'))).toEqual(['spisok']);
  });

  it('exits 1 with row and column errors and stores nothing', () => {
    const csv = join(folder, 'broken.csv');
    writeFileSync(csv, 'Name,Birth year\nOna,1901\nJonas\nPetras,19o5\n');
    const { code, err } = cli(csv, '--data-dir', dataDir);
    expect(code).toBe(1);
    expect(err).toContain('Import failed; nothing was imported. 2 error(s):');
    expect(err).toContain('broken.csv, row 3: 1 cells but the header has 2');
    expect(err).toContain('broken.csv, row 4, column "Birth year": "19o5" is not a birth year');
    expect(readdirSync(join(dataDir, 'collections'))).toEqual(['spisok']);
  });

  it('exits 2 on bad arguments', () => {
    expect(cli().code).toBe(2);
    expect(cli('x.csv', '--encoding', 'koi8-r').err).toContain(
      '--encoding must be one of utf-8, windows-1251, windows-1257',
    );
  });
});
