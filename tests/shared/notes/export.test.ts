import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { describePassage } from '@shared/notes/anchoring';
import {
  highlightsToJsonLd,
  markdownFileName,
  noteToMarkdown,
  notesToCsv,
  notesToMarkdownZip,
  safeFileStem,
} from '@shared/notes/export';
import type { Note } from '@shared/notes/model';
import { describeTarget } from '@shared/notes/targets';
import { must, sampleNote } from './arbitraries';

const describe_ = (note: Note) => describeTarget(note.target, undefined);
const TEXT = 'In May 1948 Operation Vesna deported about forty thousand people.';
const passage = sampleNote({
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  target: {
    kind: 'passage',
    collectionId: 'c',
    textId: 'overview',
    selectors: describePassage(TEXT, { start: 12, end: 27 }),
  },
  body: '',
  tags: ['vesna', 'mass deportation'],
  colour: 'green',
});

describe('Markdown export', () => {
  it('writes YAML front matter Obsidian can read, with the target, its citation and the dates', () => {
    const markdown = noteToMarkdown(sampleNote({ tags: ['figures', 'to check'] }), describe_(sampleNote()));
    const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(markdown);
    expect(match).not.toBeNull();
    const front = parseYaml(must(must(match)[1])) as Record<string, unknown>;
    expect(front).toMatchObject({
      id: sampleNote().id,
      title: 'op-vesna',
      target: {
        kind: 'record',
        collection: 'lt-deportations-1940-1953',
        record: 'op-vesna',
        link: '#/browse/record/lt-deportations-1940-1953/op-vesna',
      },
      tags: ['figures', 'to-check'],
      created: '2026-11-28T18:00:00.000Z',
      updated: '2026-11-28T18:05:00.000Z',
    });
    expect(front['citation']).toContain('record op-vesna');
    expect(must(match)[2]).toBe('Check the **1948** figures against Zemskov.\n');
  });

  it('quotes the passage of a highlight and keeps YAML-hostile text intact', () => {
    const tricky = sampleNote({ ...passage, body: '---\nnot: front matter\n' });
    const markdown = noteToMarkdown(tricky, describe_(tricky));
    const front = parseYaml(must(must(/^---\n([\s\S]*?)\n---\n/.exec(markdown))[1])) as Record<
      string,
      unknown
    >;
    expect(front['quote']).toBe('Operation Vesna');
    expect(markdown).toContain('> Operation Vesna\n\n---\nnot: front matter\n');
  });

  it('packs one file per note in a zip, with safe unique names', () => {
    const notes = [
      sampleNote(),
      passage,
      sampleNote({ id: '0b7f5c1e-ffff-4000-8000-000000000000', body: 'a/b: c?' }),
    ];
    const files = unzipSync(notesToMarkdownZip(notes, describe_));
    const first = must(notes[0]);
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(3);
    for (const name of names) expect(name).toMatch(/^atmintis-notes\/[^/\\:*?"<>|]+\.md$/);
    expect(strFromU8(must(files[`atmintis-notes/${markdownFileName(first, describe_(first))}`]))).toContain(
      'Check the **1948** figures',
    );
    expect(safeFileStem('  CON:..  ')).toBe('CON');
    expect(safeFileStem('???')).toBe('note');
  });
});

describe('CSV export', () => {
  it('quotes fields with commas, quotes and newlines and defuses formulas', () => {
    const csv = notesToCsv(
      [
        sampleNote({ body: 'line 1\nsaid "so", then', tags: ['a', 'b'] }),
        sampleNote({ id: 'x', body: '=HYPERLINK("evil")' }),
      ],
      describe_,
    );
    expect(csv.startsWith('\uFEFFid,target_kind,')).toBe(true);
    expect(csv).toContain('"line 1\nsaid ""so"", then"\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
    expect(csv).toContain(',a; b,');
    expect(csv.split('\r\n')).toHaveLength(4);
  });
});

describe('W3C Web Annotation export', () => {
  it('exports passage notes only, with both selectors, tags and dates', () => {
    const json = JSON.parse(
      highlightsToJsonLd([sampleNote(), passage], describe_, new Date('2026-12-01T00:00:00Z')),
    );
    expect(json['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(json.type).toBe('AnnotationCollection');
    expect(json.total).toBe(1);
    const [annotation] = json.first.items;
    expect(annotation).toMatchObject({
      id: `urn:uuid:${passage.id}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: passage.createdAt,
      modified: passage.updatedAt,
      body: [
        { type: 'TextualBody', value: 'vesna', purpose: 'tagging' },
        { type: 'TextualBody', value: 'mass deportation', purpose: 'tagging' },
      ],
      target: {
        source: 'app://atmintis/#/reader/c/overview',
        selector: [
          { type: 'TextQuoteSelector', exact: 'Operation Vesna', prefix: 'In May 1948 ' },
          { type: 'TextPositionSelector', start: 12, end: 27 },
        ],
      },
    });
  });
});
