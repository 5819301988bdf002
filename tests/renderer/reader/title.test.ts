import { describe, expect, it } from 'vitest';
import { withoutLeadingTitle } from '../../../src/renderer/src/reader/title';
import { anchorPassage, describePassage } from '@shared/notes/anchoring';

const text = (html: string) => {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root.textContent ?? '';
};

describe('withoutLeadingTitle', () => {
  it('drops an opening h1 that repeats the title (case, spaces and composition aside)', () => {
    const html = '<h1>The Soviet  deportations: an Overview</h1>\n<p>First words.</p><h2>June 1941</h2>';
    expect(withoutLeadingTitle(html, 'The Soviet deportations: an overview')).toBe(
      '\n<p>First words.</p><h2>June 1941</h2>',
    );
    expect(withoutLeadingTitle('<h1>Vilniu\u0301s</h1><p>x</p>', 'Vilniús')).toBe('<p>x</p>');
  });

  it('keeps every other opening: another title, a later h1, a lower heading, text first', () => {
    for (const html of [
      '<h1>Field notebook</h1><p>x</p>',
      '<p>Intro</p><h1>Title</h1>',
      '<h2>Title</h2><p>x</p>',
      'Loose text <h1>Title</h1>',
    ]) {
      expect(withoutLeadingTitle(html, html.includes('Field') ? 'field-notebook' : 'Title')).toBe(html);
    }
    expect(withoutLeadingTitle('', 'Title')).toBe('');
  });

  it('passage notes made on the text with its title heading are still found by their quotes', () => {
    const before = '<h1>Overview</h1><p>In June 1941 about 17,000 people were deported.</p>';
    const start = text(before).indexOf('17,000 people');
    const selectors = describePassage(text(before), { start, end: start + '17,000 people'.length });
    const after = text(withoutLeadingTitle(before, 'Overview'));
    const anchor = anchorPassage(after, selectors);
    expect(anchor && after.slice(anchor.start, anchor.end)).toBe('17,000 people');
  });
});
