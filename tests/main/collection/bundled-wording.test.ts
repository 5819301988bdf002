/**
 * Readers of the bundled collection meet its sources by name (author, title, page) or the plain words
 * "compiled by the Atmintis editors", never the compilers' working vocabulary ("the fact sheet", "the seed
 * article", "this row"). Ids, link targets and the `origin` audit field are not shown to readers, so they
 * may keep their internal names.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_COLLECTION, readPackageFiles } from '../../shared/collection/package-files';

/** Working words of the compilers; each would puzzle a reader who never saw our working files. */
const WORKING_WORDS = [
  /fact[\s-]*sheets?/i,
  /\bseed\b/i,
  /\bour sheet\b/i,
  /\bthe sheet\b/i,
  /\brows?\b/i,
  /\[UNVERIFIED/,
  /\bcompilers?'? (?:sheet|notes?)\b/i,
  // The same in the Lithuanian translations.
  /faktų\s+lap/i,
  /sėklos\s+straipsn/i,
  /\bšios eilutės\b/i,
];

/** Fields that hold identifiers, references or audit data, never shown as text. */
const NOT_SHOWN = new Set([
  'id',
  'origin',
  'target',
  'source',
  'via',
  'jointSources',
  'bibliographyIds',
  'claims',
  'file',
  'kind',
  'type',
  'status',
  'unit',
  'placeType',
]);

// The bibliography belongs to the bibliography view's own check; everything else here is shown as text.
const SHOWN_FILES = /^(?:manifest\.json|bibliography\.json|records\/[^/]+\.json|texts\/[^/]+\.md)$/;

/** Link targets (`record:…`, `claim:…`, `cite:…`) are ids; the link text around them is shown. */
const withoutLinkTargets = (text: string) => text.replace(/\]\((?:record|claim|cite):[^)]*\)/g, ']()');

function shownStrings(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: withoutLinkTargets(value) });
  else if (Array.isArray(value)) value.forEach((item, index) => shownStrings(item, `${path}[${index}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!NOT_SHOWN.has(key)) shownStrings(item, path ? `${path}.${key}` : key, out);
    }
  }
}

export function workingWordsIn(files: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [file, contents] of files) {
    if (!SHOWN_FILES.test(file)) continue;
    const strings: { path: string; text: string }[] = [];
    if (file.endsWith('.md')) {
      contents
        .split('\n')
        .forEach((line, index) =>
          strings.push({ path: `line ${index + 1}`, text: withoutLinkTargets(line) }),
        );
    } else shownStrings(JSON.parse(contents), '', strings);
    for (const { path, text } of strings) {
      for (const word of WORKING_WORDS) {
        const match = word.exec(text);
        if (match) found.push(`${file} › ${path}: "${match[0]}" in "${text.slice(0, 120)}"`);
      }
    }
  }
  return found;
}

describe('bundled collection wording', () => {
  it('finds working words where a reader would meet them', () => {
    const files = new Map([
      [
        'records/a.json',
        JSON.stringify([{ id: 'x-seed', summary: 'The seed article says so.', origin: ['seed'] }]),
      ],
      ['texts/a.md', 'See [the figure](claim:total-seed); the fact sheet lists it.'],
      ['manifest.json', JSON.stringify({ description: 'Compiled from this row.' })],
    ]);
    expect(workingWordsIn(files)).toEqual([
      expect.stringContaining('records/a.json › [0].summary: "seed"'),
      expect.stringContaining('texts/a.md › line 1: "fact sheet"'),
      expect.stringContaining('manifest.json › description: "row"'),
    ]);
  });

  it('names real sources instead of the compilers’ working files in every record, the manifest and every text', () => {
    expect(workingWordsIn(readPackageFiles(BUNDLED_COLLECTION))).toEqual([]);
  });
});
