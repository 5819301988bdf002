import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, parseBackup, serializeBackup } from '@shared/notes/backup';
import { notesArbitrary, sampleNote } from './arbitraries';
import { decisionsArbitrary, sampleDecision } from './decision-arbitraries';

const at = new Date('2026-12-07T20:00:00.000Z');

const v2 = (decisions: unknown[], notes: unknown[] = [sampleNote()]) =>
  JSON.stringify({ format: BACKUP_FORMAT, version: 2, exportedAt: at.toISOString(), notes, decisions });

describe('JSON backup with linkage decisions (version 2)', () => {
  it('round-trips notes and decisions losslessly (property)', () => {
    fc.assert(
      fc.property(notesArbitrary, decisionsArbitrary, (notes, decisions) => {
        const parsed = parseBackup(serializeBackup(notes, at, decisions));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        // Written in the current format (4, which added item links); decisions unchanged since 2.
        expect(parsed.backup.version).toBe(4);
        expect(parsed.backup.notes).toHaveLength(notes.length);
        const byPair = (list: typeof decisions) =>
          [...list].sort((x, y) => (`${x.a}\n${x.b}` < `${y.a}\n${y.b}` ? -1 : 1));
        expect(parsed.backup.decisions).toEqual(byPair(decisions));
      }),
      { numRuns: 100 },
    );
  });

  it('still reads a version-1 backup, with no decisions', () => {
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: at.toISOString(),
      notes: [sampleNote()],
    });
    const parsed = parseBackup(text);
    expect(parsed).toMatchObject({ ok: true, backup: { version: 1, decisions: [] } });
  });

  it('refuses a version-1 file carrying decisions, and a version-2 file without them', () => {
    const v1 = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: at.toISOString(),
      notes: [],
      decisions: [],
    });
    expect(parseBackup(v1)).toMatchObject({ ok: false, error: expect.stringContaining('decisions') });
    const noDecisions = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 2,
      exportedAt: at.toISOString(),
      notes: [],
    });
    expect(parseBackup(noDecisions)).toMatchObject({
      ok: false,
      error: expect.stringContaining('decisions'),
    });
  });

  it('names the decision (its two records) and the field at fault', () => {
    const bad = { ...sampleDecision({ a: 'lists/1', b: 'lists/2' }), decision: 'maybe' };
    const result = parseBackup(v2([sampleDecision(), bad]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('decisions[1] (records "lists/1" and "lists/2") › decision');
  });

  it.each([
    ['a score that is not a number', { score: '18' }, 'score'],
    ['an impossible time', { updated: 'yesterday' }, 'updated'],
    ['updated before created', { updated: '2026-11-01T00:00:00.000Z' }, 'updated'],
    ['a pair out of order', { a: 'z/1', b: 'a/1' }, 'b'],
    ['a record linked to itself', { a: 'a/1', b: 'a/1' }, 'b'],
    ['an unknown field', { merged: true }, 'merged'],
    ['a control character in a record id', { a: 'a/\u0000' }, 'a'],
  ])('refuses %s', (_what, change, field) => {
    const result = parseBackup(v2([{ ...sampleDecision(), ...change }]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^The backup is damaged or incomplete: decisions\[0\]/);
    expect(result.error).toContain(field);
  });

  it('refuses a pair decided twice in one file', () => {
    const result = parseBackup(v2([sampleDecision(), sampleDecision({ decision: 'different' })]));
    expect(result).toEqual({
      ok: false,
      error:
        'The backup is damaged: decisions[1] repeats the pair "echelon-list/17" and "settlement-register/204".',
    });
  });
});
