import { describe, expect, it } from 'vitest';
import { decisionsFromCsv, decisionsFromJson, decisionsToCsv, decisionsToJson } from '@shared/linkage/export';
import type { Decision } from '@shared/linkage/types';

const decisions: Decision[] = [
  {
    a: 'list-lt/p1',
    b: 'list-ru/r1',
    decision: 'same',
    score: 23.5,
    note: 'Same case file; the Russian list gives "Иван", the Lithuanian one "Jonas".\nChecked twice.',
    created: '2026-12-07T10:00:00.000Z',
    updated: '2026-12-07T10:05:00.000Z',
  },
  {
    a: 'list-lt/p4',
    b: 'list-ru/r4',
    decision: 'different',
    score: null,
    note: '',
    created: '2026-12-07T11:00:00.000Z',
    updated: '2026-12-07T11:00:00.000Z',
  },
];

describe('decision export', () => {
  it('round-trips through JSON', () => {
    expect(decisionsFromJson(decisionsToJson(decisions))).toEqual({ ok: true, decisions });
  });

  it('round-trips through CSV, quotes, commas, line breaks and a null score included', () => {
    const csv = decisionsToCsv(decisions);
    expect(csv.split('\n')[0]).toBe('a,b,decision,score,note,created,updated');
    expect(decisionsFromCsv(csv)).toEqual({ ok: true, decisions });
    expect(decisionsFromCsv(`\uFEFF${csv}`)).toEqual({ ok: true, decisions });
  });

  it('refuses a bad file naming the row and field, and returns nothing', () => {
    const csv = decisionsToCsv(decisions).replace(',different,', ',maybe,');
    const result = decisionsFromCsv(csv, 'mine.csv');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^mine\.csv, row 3, field "decision": /);
    const missing = decisionsFromCsv('a,b\nx,y\n', 'short.csv');
    expect(missing).toEqual({
      ok: false,
      errors: ['short.csv: missing column(s) decision, score, note, created, updated'],
    });
    expect(decisionsFromJson('{"format":"other"}', 'x.json')).toMatchObject({ ok: false });
    expect(decisionsFromJson('not json', 'x.json')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^x\.json: not JSON/)],
    });
  });
});
