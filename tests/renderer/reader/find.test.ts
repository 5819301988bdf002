import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citationFromHref, citationFromLink } from '../../../src/renderer/src/reader/CitationPopover';
import { findMatches } from '@shared/documents/find';
import {
  loadPosition,
  loadPreferences,
  savePosition,
  savePreferences,
} from '../../../src/renderer/src/reader/preferences';

describe('findMatches', () => {
  it('folds case and diacritics and returns offsets in the original text', () => {
    const text = 'Žemaitija, ŽEMAITIJA and zemaitija';
    const found = findMatches(text, 'zemaitija');
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Žemaitija', 'ŽEMAITIJA', 'zemaitija']);
  });

  it('handles decomposed accents and astral characters without shifting offsets', () => {
    const text = '𝒜 Vilniu\u0301s, Vilnius';
    const found = findMatches(text, 'vilnius');
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Vilniu\u0301s', 'Vilnius']);
  });

  it('finds nothing for a blank query and caps the number of matches', () => {
    expect(findMatches('abc', '   ')).toEqual([]);
    expect(findMatches('a'.repeat(50), 'a', 10)).toHaveLength(10);
  });

  it('every match covers text equal to the query when case-folded (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 }),
        (text, query) => {
          for (const m of findMatches(text, query)) {
            expect(text.slice(m.start, m.end).toLowerCase()).toBe(query.trim().toLowerCase());
          }
        },
      ),
    );
  });
});

describe('citationFromHref', () => {
  it('recognises in-app record and bibliography links only', () => {
    expect(citationFromHref('#/bibliography/c/smith%202001')).toEqual({
      kind: 'bibliography',
      id: 'smith 2001',
    });
    expect(citationFromHref('#/browse/record/c/r-1')).toEqual({ kind: 'record', id: 'r-1' });
    expect(citationFromHref('https://example.org/')).toBeNull();
    expect(citationFromHref('#/notes')).toBeNull();
  });

  it('citationFromLink reads claim ids and page locators from the link', () => {
    const link = (html: string) => {
      const root = document.createElement('div');
      root.innerHTML = html;
      return root.querySelector('a') as Element;
    };
    expect(citationFromLink(link('<a href="#/browse/record/c/r" data-claim="c-1">x</a>'))).toEqual({
      kind: 'claim',
      id: 'c-1',
    });
    expect(citationFromLink(link('<a href="#/bibliography/c/b" data-locator="p. 4">x</a>'))).toEqual({
      kind: 'bibliography',
      id: 'b',
      locator: 'p. 4',
    });
    expect(citationFromLink(link('<a href="https://example.org/">x</a>'))).toBeNull();
  });
});

describe('reading preferences and positions', () => {
  it('round-trips, and falls back to defaults for damaged values', () => {
    localStorage.clear();
    expect(loadPreferences()).toEqual({ fontSize: 18, lineWidth: 'medium', theme: 'light' });
    savePreferences({ fontSize: 22, lineWidth: 'wide', theme: 'sepia' });
    expect(loadPreferences()).toEqual({ fontSize: 22, lineWidth: 'wide', theme: 'sepia' });
    localStorage.setItem('atmintis.reader.preferences', '{"fontSize":999,"theme":"neon"}');
    expect(loadPreferences()).toEqual({ fontSize: 18, lineWidth: 'medium', theme: 'light' });
    localStorage.setItem('atmintis.reader.preferences', 'not json');
    expect(loadPreferences().theme).toBe('light');
    expect(loadPosition('document/x')).toBeNull();
    savePosition('document/x', 1234.4);
    expect(loadPosition('document/x')).toBe(1234);
  });
});
