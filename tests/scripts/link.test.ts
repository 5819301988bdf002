import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CandidatesExport } from '@shared/linkage/export';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/linkage');
const folder = mkdtempSync(join(tmpdir(), 'atmintis-link-cli-'));

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/link.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Each case spawns the CLI through tsx (seconds of start-up on a busy machine).
describe('npm run link', { timeout: 60_000 }, () => {
  it('links two fixture collections and writes explained candidates as JSON', () => {
    const out = join(folder, 'out.json');
    // Four of nine people in each list are Vaitkevičius: agreeing on that surname weighs little here, so
    // the test proposes from 12 bits rather than the default 14 tuned on 10,000-person lists.
    const run = cli(join(fixtures, 'list-lt'), join(fixtures, 'list-ru'), '--json', out, '--threshold', '12');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('collection "linkage-list-lt", 9 person records');
    expect(run.out).toMatch(/Linked 18 records \(across\) in [\d.]+ s: \d+ pairs compared/);
    const written = JSON.parse(readFileSync(out, 'utf8')) as CandidatesExport;
    expect(written).toMatchObject({ format: 'atmintis-linkage-candidates', version: 1, scope: 'across' });
    expect(written.collections).toEqual(['linkage-list-lt', 'linkage-list-ru']);
    const proposed = written.candidates.filter((c) => c.proposed).map((c) => `${c.a} ~ ${c.b}`);
    expect(proposed.sort()).toEqual([
      'linkage-list-lt/p1 ~ linkage-list-ru/r1',
      'linkage-list-lt/p2 ~ linkage-list-ru/r2',
      'linkage-list-lt/p3 ~ linkage-list-ru/r3',
    ]);
    // The namesake born twelve years later is never proposed; the one-list person has no partner.
    const all = written.candidates.map((c) => `${c.a} ~ ${c.b}`).join('\n');
    expect(all).not.toContain('linkage-list-ru/r4');
    expect(all).not.toContain('linkage-list-lt/p4');
    const first = written.candidates.find((c) => c.a === 'linkage-list-lt/p1');
    expect(first?.fields.find((f) => f.field === 'givenName')).toMatchObject({
      a: 'Jonas',
      b: 'Иван',
      outcome: 'agree',
    });
  });

  it('exits 1 naming the file and record of an invalid collection, and writes nothing', () => {
    const broken = join(folder, 'broken');
    cpSync(join(fixtures, 'list-lt'), broken, { recursive: true });
    writeFileSync(join(broken, 'records', 'people.json'), '[{"id": "p1", "kind": "person"}]');
    const out = join(folder, 'never.json');
    const run = cli(broken, join(fixtures, 'list-ru'), '--json', out);
    expect(run.code).toBe(1);
    expect(run.err).toContain('Linkage failed; nothing was written.');
    expect(run.err).toContain('records/people.json › record "p1"');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on bad arguments', () => {
    expect(cli().code).toBe(2);
    const run = cli(join(fixtures, 'list-lt'), '--scope', 'sideways');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--scope must be one of across, within, all');
  });
});
