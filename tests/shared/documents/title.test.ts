import { describe, expect, it } from 'vitest';
import { titleFromContent } from '@shared/documents/title';

describe('a document’s own title', () => {
  it('is the first Markdown heading (ATX or setext), with inline marks dropped', () => {
    expect(titleFromContent('markdown', 'Some text\n\n# Tremtinio *dienoraštis* #\n\n## Later')).toBe(
      'Tremtinio dienoraštis',
    );
    expect(titleFromContent('markdown', 'Igarka letters\n===\n\nBody')).toBe('Igarka letters');
    expect(
      titleFromContent('markdown', '```\n# not a heading\n```\n\n## [Linked](https://x.org) title'),
    ).toBe('Linked title');
    expect(titleFromContent('markdown', 'no heading at all')).toBeNull();
  });

  it('is the HTML <title>, else the first <h1>, entities decoded', () => {
    expect(
      titleFromContent(
        'html',
        '<html><head><title> Laiškai &amp; dokumentai </title></head><h1>X</h1></html>',
      ),
    ).toBe('Laiškai & dokumentai');
    expect(titleFromContent('html', '<body><h1>Ešelonas <em>Nr.</em>&nbsp;1</h1></body>')).toBe(
      'Ešelonas Nr. 1',
    );
    expect(titleFromContent('html', '<p>none</p>')).toBeNull();
  });

  it('is not read from plain text', () => {
    expect(titleFromContent('text', '# looks like a heading')).toBeNull();
  });
});
