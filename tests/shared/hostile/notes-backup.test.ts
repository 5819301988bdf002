/**
 * The notes backup parser under random and malicious input: it never throws, always answers, and a
 * refusal is a bounded, readable message (never the file's own megabytes echoed back).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  backupFileSizeProblem,
  MAX_BACKUP_FILE_BYTES,
  parseBackup,
  serializeBackup,
} from '@shared/notes/backup';
import { notesArbitrary } from '../notes/arbitraries';
import { deepJsonText, deeplyNested, nastyString, nastyValue, XSS_PAYLOADS } from './payloads';

const MAX_MESSAGE = 2000;

function expectClearRefusal(result: ReturnType<typeof parseBackup>) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(typeof result.error).toBe('string');
  expect(result.error.length).toBeGreaterThan(10);
  expect(result.error.length).toBeLessThan(MAX_MESSAGE);
}

/** Replaces the value at a random path of a JSON tree (the mutation a corrupted file would have). */
function mutateAt(tree: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || tree === null || typeof tree !== 'object') return replacement;
  const entries = Object.entries(tree);
  if (entries.length === 0) return replacement;
  const [head, ...rest] = path;
  const index = (head ?? 0) % entries.length;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(tree) ? [...tree] : { ...tree };
  const [key, child] = entries[index] as [string, unknown];
  (copy as Record<string, unknown>)[key] = mutateAt(child, rest, replacement);
  return copy;
}

describe('parseBackup under hostile input', () => {
  it('never throws on arbitrary text and refuses it clearly', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), nastyString), (text) => {
        const result = parseBackup(text);
        expectClearRefusal(result);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON values, prototype keys included', () => {
    fc.assert(
      fc.property(nastyValue, (value) => {
        const result = parseBackup(JSON.stringify(value) ?? 'null');
        expectClearRefusal(result);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a corrupted backup only when it is still wholly valid, else refuses it clearly', () => {
    fc.assert(
      fc.property(
        notesArbitrary.filter((notes) => notes.length > 0),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        nastyValue,
        (notes, path, replacement) => {
          const valid = JSON.parse(serializeBackup(notes, new Date('2026-11-28T18:00:00Z'))) as unknown;
          const text = JSON.stringify(mutateAt(valid, path, replacement));
          const result = parseBackup(text);
          if (result.ok) {
            // Accepted only when the mutation left a valid backup (a body replaced by another string,
            // the note list by []…): what was accepted is exactly what a re-read accepts again.
            expect(result.backup.format).toBe(BACKUP_FORMAT);
            expect(parseBackup(JSON.stringify(result.backup))).toEqual(result);
          } else {
            expectClearRefusal(result);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps XSS payloads as inert text: parsed verbatim, never interpreted', () => {
    const notes = XSS_PAYLOADS.map((payload, i) => ({
      id: `xss-${i}`,
      target: { kind: 'record' as const, collectionId: payload, recordId: payload },
      body: payload,
      tags: [payload],
      colour: null,
      createdAt: '2026-11-28T18:00:00.000Z',
      updatedAt: '2026-11-28T18:00:00.000Z',
      deletedAt: null,
    }));
    const result = parseBackup(serializeBackup(notes, new Date('2026-11-28T18:00:00Z')));
    expect(result.ok && result.backup.notes.map((note) => note.body)).toEqual([...XSS_PAYLOADS]);
  });

  it.each([
    ['a deeply nested "format" (used to crash with a stack overflow)', `{"format":${deepJsonText(200_000)}}`],
    [
      'a deeply nested note',
      `{"format":"${BACKUP_FORMAT}","version":1,"notes":[${JSON.stringify(deeplyNested(100, 'object'))}]}`,
    ],
    ['a million nested arrays', deepJsonText(1_000_000)],
    ['a 10 MB "format" string', `{"format":"${'x'.repeat(10_000_000)}"}`],
    [
      'a 10 MB key',
      `{"format":"${BACKUP_FORMAT}","version":1,"exportedAt":"2026-11-28T18:00:00.000Z","notes":[],"${'k'.repeat(10_000_000)}":1}`,
    ],
    [
      'a 10 MB note id',
      `{"format":"${BACKUP_FORMAT}","version":1,"exportedAt":"2026-11-28T18:00:00.000Z","notes":[{"id":"${'i'.repeat(10_000_000)}"}]}`,
    ],
    ['a newer format version', `{"format":"${BACKUP_FORMAT}","version":99}`],
    ['a format given as an object', `{"format":{"toString":"x"}}`],
  ])('refuses %s with a short message', (_name, text) => {
    expectClearRefusal(parseBackup(text));
  });

  it('refuses text over the size limit before parsing it', () => {
    const result = parseBackup('[]'.repeat(50), { maxChars: 99 });
    expect(result).toEqual({
      ok: false,
      error: 'The file is too large to be a notes backup (100 characters; the limit is 99).',
    });
  });

  it('knows a file is too large from its size alone (checked before reading)', () => {
    expect(backupFileSizeProblem(MAX_BACKUP_FILE_BYTES)).toBeNull();
    expect(backupFileSizeProblem(1024 ** 3)).toBe(
      'The file is too large to be a notes backup (1024 MiB; the limit is 192 MiB).',
    );
  });
});
