import { describe, expect, it } from 'vitest';
import {
  changedAtOf,
  classifyConflict,
  itemText,
  resolutionContent,
  sameWork,
  type ConflictRevision,
} from '@shared/sync/conflicts';
import type { SyncContent } from '@shared/sync/docs';
import type { Decision } from '@shared/linkage/types';
import { sampleNote } from '../notes/arbitraries';

const note = (
  body: string,
  author: string,
  updatedAt: string,
  deletedAt: string | null = null,
): SyncContent => ({
  type: 'note',
  author,
  note: { ...sampleNote({ body }), createdAt: '2026-01-01T00:00:00.000Z', updatedAt, deletedAt },
});
const decision = (kind: Decision['decision'], author: string, text = ''): SyncContent => ({
  type: 'decision',
  author,
  decision: {
    a: 'a/1',
    b: 'b/2',
    decision: kind,
    score: null,
    note: text,
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-02T00:00:00.000Z',
  },
});
const rev = (id: string, content: SyncContent): ConflictRevision => ({
  rev: id,
  author: content.author,
  changedAt: changedAtOf(content),
  content,
});

describe('sync conflict rules', () => {
  it('keeps a losing revision with different text as a conflict', () => {
    const winner = rev('2-b', note('mine', 'Ona', '2026-02-01T00:00:00.000Z'));
    const loser = rev('2-a', note('theirs', 'Jonas', '2026-02-02T00:00:00.000Z'));
    const { conflict, redundant } = classifyConflict('note:x', 'x', winner, [loser]);
    expect(conflict?.losers).toEqual([loser]);
    expect(redundant).toEqual([]);
  });

  it('closes losing revisions that hold the same work (same text, both trashed, different times)', () => {
    const winner = rev('3-b', note('same', 'Ona', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'));
    const loser = rev('3-a', note('same', 'Jonas', '2026-02-05T00:00:00.000Z', '2026-02-05T00:00:00.000Z'));
    expect(classifyConflict('note:x', 'x', winner, [loser])).toEqual({ conflict: null, redundant: ['3-a'] });
  });

  it('treats trashed against live as different work (both are kept)', () => {
    expect(
      sameWork(
        note('t', 'A', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
        note('t', 'B', '2026-02-01T00:00:00.000Z'),
      ),
    ).toBe(false);
  });

  it('marks decisions decided differently as a disagreement, and a differing note alone as not', () => {
    const same = rev('1-a', decision('same', 'Ona'));
    const different = rev('1-b', decision('different', 'Jonas'));
    expect(classifyConflict('d', 'k', different, [same]).conflict?.disagreement).toBe(true);
    const commented = rev('1-c', decision('same', 'Jonas', 'see the 1949 list'));
    expect(classifyConflict('d', 'k', same, [commented]).conflict?.disagreement).toBe(false);
  });

  it('writes a resolution later than every revision, by the resolving author', () => {
    const winner = rev('2-b', note('mine', 'Ona', '2026-02-01T00:00:00.000Z'));
    const loser = rev('2-a', note('theirs', 'Jonas', '2030-01-01T00:00:00.000Z'));
    const conflict = classifyConflict('note:x', 'x', winner, [loser]).conflict;
    if (!conflict) throw new Error('expected a conflict');
    const kept = resolutionContent(conflict, { rev: '2-a' }, 'Ona', new Date('2026-03-01T00:00:00.000Z'));
    expect(kept).toMatchObject({
      author: 'Ona',
      note: { body: 'theirs', updatedAt: '2030-01-01T00:00:00.001Z' },
    });
    const merged = resolutionContent(
      conflict,
      { body: 'mine + theirs' },
      'Ona',
      new Date('2031-01-01T00:00:00.000Z'),
    );
    expect(merged).toMatchObject({ note: { body: 'mine + theirs', updatedAt: '2031-01-01T00:00:00.000Z' } });
    expect(() => resolutionContent(conflict, { rev: '9-z' }, 'Ona', new Date())).toThrow(/not part/);
  });

  it('compares items by what the user wrote, and reads an item as its title and fields', () => {
    const item = (title: string, author: string, at: string): SyncContent => ({
      type: 'item',
      author,
      item: {
        id: 'item-1',
        template: 'archival-file',
        title,
        metadata: { fond: 'V-5' },
        fields: [{ name: 'Transcription', value: 'Sąrašas' }],
        photos: [{ sha256: 'b'.repeat(64), page: 0 }],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: at,
      },
    });
    expect(
      sameWork(item('t', 'Ona', '2026-02-01T00:00:00.000Z'), item('t', 'Jonas', '2026-03-01T00:00:00.000Z')),
    ).toBe(true);
    const winner = rev('2-b', item('mine', 'Ona', '2026-02-01T00:00:00.000Z'));
    const loser = rev('2-a', item('theirs', 'Jonas', '2026-02-02T00:00:00.000Z'));
    const conflict = classifyConflict('item:item-1', 'item-1', winner, [loser]).conflict;
    if (!conflict) throw new Error('expected a conflict');
    expect(conflict.kind).toBe('item');
    const content = winner.content.type === 'item' ? winner.content.item : null;
    expect(content && itemText(content)).toBe('mine\nfond: V-5\nTranscription: Sąrašas');
    const kept = resolutionContent(conflict, { rev: '2-a' }, 'Ona', new Date('2026-03-01T00:00:00.000Z'));
    expect(kept).toMatchObject({ item: { title: 'theirs', updatedAt: '2026-03-01T00:00:00.000Z' } });
    expect(() => resolutionContent(conflict, { body: 'x' }, 'Ona', new Date())).toThrow(/keeping one/);
  });
});
