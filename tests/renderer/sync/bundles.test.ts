import { must } from '../../shared/notes/arbitraries';
import { describe, expect, it } from 'vitest';
import { conflictTexts } from '@shared/sync/conflicts';
import { exportBundle, importBundle, lastBundleSeq } from '../../../src/renderer/src/sync/bundles';
import { draft, machine } from './fixtures';

const NOTE = '0b7f5c1e-2d3a-4f6b-8c9d-0e1f2a3b4c5d';
const OTHER = '1c8f6d2f-3e4b-4a7c-9d0e-1f2a3b4c5d6e';
const at = new Date('2026-12-02T09:00:00.000Z');

describe('sync bundles', () => {
  it('carries notes to a machine with no network, and back, with the same conflict rules', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.notes.save(draft(NOTE, 'first'));
    const first = await exportBundle(a.bridge, { kind: 'all' }, 'Ona', at);
    expect(first.docs).toBe(1);
    await importBundle(b.bridge, first.text);
    expect((await b.notes.get(NOTE))?.body).toBe('first');
    await a.notes.save(draft(NOTE, 'Ona edited'));
    b.advance(3000);
    await b.notes.save(draft(NOTE, 'Jonas edited'));
    await importBundle(b.bridge, (await exportBundle(a.bridge, { kind: 'all' }, 'Ona', at)).text);
    await importBundle(a.bridge, (await exportBundle(b.bridge, { kind: 'all' }, 'Jonas', at)).text);
    const [onA] = await a.db.syncConflicts.toArray();
    expect(conflictTexts(must(onA)).sort()).toEqual(['Jonas edited', 'Ona edited']);
    expect(await b.db.syncConflicts.toArray()).toEqual([onA]);
  });

  it('exports only what changed since the last bundle', async () => {
    const a = machine('Ona');
    await a.notes.save(draft(NOTE, 'one'));
    const first = await exportBundle(a.bridge, { kind: 'all' }, 'Ona', at);
    await a.notes.save(draft(OTHER, 'two'));
    const seq = await lastBundleSeq(a.bridge);
    expect(seq).toBe(first.until);
    const next = await exportBundle(a.bridge, { kind: 'seq', seq: must(seq) }, 'Ona', at);
    expect(next.docs).toBe(1);
    expect(next.text).toContain('two');
    expect(next.text).not.toContain('"one"');
  });

  it('exports by date: documents changed on or after it', async () => {
    const a = machine('Ona', '2026-11-01T10:00:00.000Z');
    await a.notes.save(draft(NOTE, 'old'));
    a.advance(30 * 24 * 3600 * 1000);
    await a.notes.save(draft(OTHER, 'new'));
    const bundle = await exportBundle(a.bridge, { kind: 'date', date: '2026-11-15' }, 'Ona', at);
    expect(bundle.docs).toBe(1);
    expect(bundle.text).toContain('new');
  });

  it('refuses a damaged bundle whole, naming the problem, and writes nothing', async () => {
    const a = machine('Ona');
    const b = machine('Jonas');
    await a.notes.save(draft(NOTE, 'one'));
    await a.notes.save(draft(OTHER, 'two'));
    const { text } = await exportBundle(a.bridge, { kind: 'all' }, 'Ona', at);
    await expect(importBundle(b.bridge, text.replace('two', 'tvo'))).rejects.toThrow(/checksum/);
    const lines = text.trimEnd().split('\n');
    await expect(importBundle(b.bridge, lines.slice(0, 2).join('\n'))).rejects.toThrow(/should hold 2/);
    await expect(importBundle(b.bridge, '{"format":"something else"}')).rejects.toThrow(/not an Atmintis/);
    expect(await b.notes.all()).toEqual([]);
    expect((await b.replica.info()).doc_count).toBe(0);
  });

  it('refuses a bundle whose document is not valid, with its line', async () => {
    const { serializeBundle } = await import('@shared/sync/bundle');
    const b = machine('Jonas');
    const text = await serializeBundle(
      [
        {
          _id: `note:${NOTE}`,
          _rev: '1-abc',
          _revisions: { start: 1, ids: ['abc'] },
          type: 'note',
          author: 'X',
          note: { id: NOTE, body: 5 },
        },
      ],
      { createdAt: at.toISOString(), author: 'X', since: { kind: 'all' }, until: '1' },
    );
    await expect(importBundle(b.bridge, text)).rejects.toThrow(/^Line 2: "note:.*" › note › /);
    expect((await b.replica.info()).doc_count).toBe(0);
  });
});
