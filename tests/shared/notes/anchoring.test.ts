import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorPassage, describePassage } from '@shared/notes/anchoring';
import { must } from './arbitraries';

const TEXT = [
  'Lithuania came under Soviet rule twice. The road to the first occupation began with the',
  'Molotov–Ribbentrop Pact of 23 August 1939, whose secret protocol at first placed Lithuania in the',
  'German sphere. Operation Vesna in May 1948 deported about forty thousand people to Siberia.',
  'Operation Priboi in March 1949 followed. Both operations were planned in Moscow.',
].join(' ');

function select(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`test text lacks "${quote}"`);
  return describePassage(text, { start, end: start + quote.length });
}

const quoted = (text: string, anchor: { start: number; end: number } | null) =>
  anchor ? text.slice(anchor.start, anchor.end) : null;

describe('passage anchoring', () => {
  it('describes a selection with a quote, 32 characters of context and offsets', () => {
    const [quote, position] = select(TEXT, 'Operation Vesna');
    expect(quote.exact).toBe('Operation Vesna');
    expect(quote.prefix).toBe(TEXT.slice(position.start - 32, position.start));
    expect(quote.suffix).toBe(TEXT.slice(position.end, position.end + 32));
    expect(position.end - position.start).toBe('Operation Vesna'.length);
  });

  it('anchors by position when the text is unchanged', () => {
    expect(anchorPassage(TEXT, select(TEXT, 'secret protocol'))).toMatchObject({ how: 'position' });
  });

  it('re-anchors by quote when text is inserted before the passage', () => {
    const selectors = select(TEXT, 'deported about forty thousand people');
    const edited = `A new opening paragraph was added by the editors. ${TEXT}`;
    const anchor = anchorPassage(edited, selectors);
    expect(anchor?.how).toBe('quote');
    expect(quoted(edited, anchor)).toBe('deported about forty thousand people');
  });

  it('re-anchors fuzzily when the quoted words themselves were lightly edited', () => {
    const selectors = select(TEXT, 'deported about forty thousand people to Siberia');
    const edited = TEXT.replace('forty thousand people to Siberia', 'forty thousand persons to Siberia');
    const anchor = anchorPassage(edited, selectors);
    expect(anchor?.how).toBe('fuzzy');
    expect(quoted(edited, anchor)).toMatch(/^deported about forty thousand person/);
  });

  it('uses the context to choose between repeated quotes', () => {
    const selectors = select(TEXT, 'Both operations');
    // The same words now appear earlier too; the context (prefix "…March 1949 followed. ") decides.
    const edited = `Both operations are covered below. ${TEXT.replace('Operation Priboi', 'The operation Priboi')}`;
    const anchor = anchorPassage(edited, selectors);
    expect(anchor).not.toBeNull();
    const found = must(anchor, 'anchor');
    expect(edited.slice(found.start - 10, found.start)).toBe('followed. ');
  });

  it('returns null (an orphan) when the passage was deleted', () => {
    const selectors = select(TEXT, 'whose secret protocol at first placed Lithuania in the');
    const edited = TEXT.replace(
      'whose secret protocol at first placed Lithuania in the German sphere',
      'which',
    );
    expect(anchorPassage(edited, selectors)).toBeNull();
  });

  it('finds any selection of an unchanged text exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const start = a % text.length;
          const end = start + 1 + (b % (text.length - start));
          const anchor = anchorPassage(text, describePassage(text, { start, end }));
          expect(anchor).toMatchObject({ start, end, how: 'position' });
        },
      ),
    );
  });

  it('finds the passage again after unrelated text is inserted elsewhere (property)', () => {
    fc.assert(
      fc.property(fc.nat(TEXT.length), fc.string({ minLength: 1, maxLength: 80 }), (at, insert) => {
        const selectors = select(TEXT, 'Operation Priboi in March 1949');
        const [, position] = selectors;
        // Insert outside the quoted words: before or after them.
        const where = at < position.start || at >= position.end ? at : position.end;
        const edited = TEXT.slice(0, where) + insert + TEXT.slice(where);
        expect(quoted(edited, anchorPassage(edited, selectors))).toBe('Operation Priboi in March 1949');
      }),
    );
  });
});
