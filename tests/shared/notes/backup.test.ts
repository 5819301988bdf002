import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@shared/notes/model';
import { BACKUP_FORMAT, parseBackup, serializeBackup } from '@shared/notes/backup';
import { notesArbitrary, sampleNote } from './arbitraries';

const at = new Date('2026-11-28T18:00:00.000Z');

describe('JSON backup', () => {
  it('round-trips any notes losslessly (property)', () => {
    fc.assert(
      fc.property(notesArbitrary, (notes) => {
        const parsed = parseBackup(serializeBackup(notes, at));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const byId = new Map(parsed.backup.notes.map((note) => [note.id, note]));
        expect(byId.size).toBe(notes.length);
        for (const note of notes) {
          // fast-check builds null-prototype objects, so compare values, key order aside.
          expect(canonicalJson(byId.get(note.id))).toBe(canonicalJson(note));
          expect(byId.get(note.id)).toEqual(note);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses text that is not JSON, with the parser’s reason', () => {
    const result = parseBackup('{"format": "atmintis-notes-backup", ');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^The file is not valid JSON: /) });
  });

  it('refuses a foreign JSON file by its format field', () => {
    expect(parseBackup('{"type":"AnnotationCollection"}')).toEqual({
      ok: false,
      error: `The file is not an Atmintis notes backup: "format" is missing, expected "${BACKUP_FORMAT}".`,
    });
    expect(parseBackup('[1,2,3]')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a JSON object'),
    });
  });

  it('refuses a backup from a newer format version with an explanation', () => {
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 7,
      exportedAt: at.toISOString(),
      notes: [],
    });
    expect(parseBackup(text)).toMatchObject({
      ok: false,
      error: expect.stringContaining('newer version of Atmintis'),
    });
  });

  it('names the note and field at fault in a corrupted backup', () => {
    const good = sampleNote();
    const bad = { ...sampleNote({ id: 'second-note' }), target: { kind: 'record', collectionId: 'c' } };
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: at.toISOString(),
      notes: [good, bad],
    });
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('notes[1] (id "second-note") › target.recordId');
  });

  it('refuses impossible dates, unknown fields and repeated ids', () => {
    const wrap = (notes: unknown[]) =>
      JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: at.toISOString(), notes });
    expect(parseBackup(wrap([{ ...sampleNote(), updatedAt: 'yesterday' }]))).toMatchObject({
      ok: false,
      error: expect.stringContaining('notes[0] (id "0b7f5c1e-2d3a-4f6b-8c9d-0e1f2a3b4c5d") › updatedAt'),
    });
    expect(parseBackup(wrap([{ ...sampleNote(), secret: 1 }]))).toMatchObject({
      ok: false,
      error: expect.stringContaining('secret'),
    });
    expect(parseBackup(wrap([sampleNote(), sampleNote()]))).toMatchObject({
      ok: false,
      error: expect.stringContaining('notes[1] repeats the id'),
    });
  });

  it('refuses oversized files before parsing them', () => {
    const text = serializeBackup([sampleNote({ body: 'x'.repeat(5000) })], at);
    expect(parseBackup(text, { maxChars: 1000 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('too large'),
    });
  });
});
