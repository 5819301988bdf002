import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

// Each case spawns the CLI through tsx (seconds of start-up on a busy machine).
describe('npm run import', { timeout: 30_000 }, () => {
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

  it('exits 1 on a broken row and stores nothing; an unreadable date is kept, not an error', () => {
    const csv = join(folder, 'broken.csv');
    writeFileSync(csv, 'Name,Birth year\nOna,1901\nJonas\nPetras,19o5\n');
    const { code, err } = cli(csv, '--data-dir', dataDir);
    expect(code).toBe(1);
    expect(err).toContain('Import failed; nothing was imported. 1 error(s):');
    expect(err).toContain('broken.csv, row 3: 1 cells but the header has 2');
    expect(readdirSync(join(dataDir, 'collections'))).toEqual(['spisok']);
  });

  it('skips and lists broken rows with --skip-broken-rows, and lists dates to check', () => {
    const csv = join(folder, 'skipping.csv');
    writeFileSync(csv, 'Name,Birth year\nOna,1901\nJonas\nPetras,19o5\n');
    const { code, out, err } = cli(csv, '--data-dir', dataDir, '--skip-broken-rows');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(
      'Skipped 1 broken row(s) (--skip-broken-rows):\n  row 3: 1 cells but the header has 2',
    );
    expect(out).toContain(
      '1 date cell(s) kept as written but not read as dates (check them):\n  row 4, column "Birth year": 19o5',
    );
    expect(out).toMatch(/Imported "skipping.csv" \(skipping\): 2 records/);
  });

  it('prints every column and its fate, and stores every column of a Memorial-style list', () => {
    const csv = join(root, 'tests/fixtures/registries/memorial-style-ru.csv');
    const { code, out, err } = cli(csv, '--data-dir', dataDir, '--id', 'memorial');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(
      [
        'Columns:',
        '  1. № → record id (and sourceId) (by header)',
        '  2. ФИО → fullName (by header)',
        '  3. Год рождения → birthDate (by header)',
        '  4. Место рождения → birthPlace (by header)',
        '  5. Сведения → notes (by header)',
        '  6. Адрес → residence (by header)',
        '  7. Дата расстрела → deathDate (by header)',
        '  8. Место захоронения → burialPlace (by header)',
        '  9. Источник → listSource (by header)',
      ].join('\n'),
    );
    const part = join(dataDir, 'collections', 'memorial', 'records');
    const records = readdirSync(part).flatMap(
      (f) =>
        JSON.parse(readFileSync(join(part, f), 'utf8')) as {
          person: Record<string, unknown>;
          provenance: unknown;
        }[],
    );
    expect(records).toHaveLength(30);
    expect(records[0]?.provenance).toMatchObject({
      collection: 'memorial',
      file: 'memorial-style-ru.csv',
      row: 2,
    });
    expect(Object.keys(records[0]?.person ?? {})).toEqual(
      expect.arrayContaining(['sourceId', 'fullName', 'birthDate', 'birthPlace', 'notes', 'listSource']),
    );
  });

  it('exits 2 on bad arguments', () => {
    expect(cli().code).toBe(2);
    expect(cli('x.csv', '--encoding', 'koi8-r').err).toContain(
      '--encoding must be one of utf-8, windows-1251, windows-1257',
    );
  });
});
