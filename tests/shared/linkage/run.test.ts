import { describe, expect, it } from 'vitest';
import { proposeOneToOne } from '@shared/linkage/assign';
import { runLinkage, type LinkageProgress } from '@shared/linkage/run';
import { LINK_FIELDS } from '@shared/linkage/types';
import { defined, record, year } from './helpers';

describe('runLinkage', () => {
  it('explains every candidate field by field, the score being the sum of the weights', async () => {
    const result = await runLinkage([
      record('1', 'lt', {
        surname: 'Žukauskas',
        givenName: 'Kazys',
        birthDate: year(1899),
        birthPlace: 'Kaunas',
      }),
      record('1', 'ru', {
        surname: 'Жукаускас',
        givenName: 'Казимир',
        birthDate: year(1900),
        birthPlace: 'Ковно',
      }),
      record('2', 'ru', { surname: 'Жукаускас', givenName: 'Иван', birthDate: year(1930) }),
    ]);
    expect(result.scope).toBe('across');
    expect(result.pairsCompared).toBe(1);
    const candidate = defined(result.candidates[0]);
    expect(candidate).toMatchObject({ a: 'lt/1', b: 'ru/1' });
    expect(candidate.fields.map((f) => f.field)).toEqual([...LINK_FIELDS]);
    expect(candidate.fields.find((f) => f.field === 'givenName')).toMatchObject({
      level: 'equivalent',
      outcome: 'agree',
      a: 'Kazys',
      b: 'Казимир',
    });
    expect(candidate.fields.find((f) => f.field === 'birthPlace')).toMatchObject({
      level: 'same',
      a: 'Kaunas',
      b: 'Ковно',
    });
    expect(candidate.fields.find((f) => f.field === 'caseNumber')).toMatchObject({
      outcome: 'missing',
      weight: 0,
    });
    const sum = candidate.fields.reduce((s, f) => s + f.weight, 0) - (candidate.householdCapped ?? 0);
    expect(candidate.score).toBeCloseTo(sum, 5);
  });

  it('reports progress and stops when its signal is aborted', async () => {
    // Invented people: enough of them that the run yields to the event loop several times.
    const syllables = ['ka', 'ru', 'mi', 'to', 'se', 'vi', 'la', 'no', 'pe', 'du'];
    const records = Array.from({ length: 6000 }, (_, n) =>
      record(String(n), Math.floor(n / 1000) % 2 ? 'lt' : 'ru', {
        surname: `${syllables[n % 10]}${syllables[Math.floor(n / 10) % 10]}${syllables[Math.floor(n / 100) % 10]}kas`,
        givenName: n % 3 ? 'Jonas' : 'Ona',
        birthDate: year(1880 + ((n % 1000) % 60)),
      }),
    );
    const phases = new Set<string>();
    const done = await runLinkage(records, {}, { onProgress: (p: LinkageProgress) => phases.add(p.phase) });
    expect(phases).toContain('done');
    expect(done.pairsCompared).toBeGreaterThan(0);

    const controller = new AbortController();
    let reports = 0;
    const run = runLinkage(
      records,
      {},
      {
        signal: controller.signal,
        onProgress: () => {
          reports += 1;
          controller.abort();
        },
      },
    );
    await expect(run).rejects.toThrow(/abort/i);
    expect(reports).toBeGreaterThan(0);
  });
});

describe('one-to-one proposals', () => {
  it('proposes each record at most once per other collection, best score first', () => {
    const c = (a: string, b: string, score: number) => ({ a, b, score, fields: [] });
    const proposed = proposeOneToOne(
      [
        c('x/1', 'y/1', 30),
        c('x/1', 'y/2', 25),
        c('x/2', 'y/2', 20),
        c('x/3', 'y/3', 5),
        c('x/4', 'x/5', 40),
      ],
      10,
      (id) => id.slice(0, 1),
    );
    expect(proposed.map((p) => `${p.a}~${p.b}`)).toEqual(['x/4~x/5', 'x/1~y/1', 'x/2~y/2']);
  });
});
