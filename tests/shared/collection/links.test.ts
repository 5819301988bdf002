import { describe, expect, it } from 'vitest';
import { extractCollectionLinks } from '@shared/collection/links';

describe('extractCollectionLinks', () => {
  it('finds cite, record and claim links with line numbers and locators', () => {
    const links = extractCollectionLinks(
      'Intro [A](record:op-a) and [B](https://example.invalid).\n[Smith, p. 3](cite:smith2000#p.3) [n](claim:c-1)',
    );
    expect(links.map(({ scheme, target, locator, line }) => ({ scheme, target, locator, line }))).toEqual([
      { scheme: 'record', target: 'op-a', locator: undefined, line: 1 },
      { scheme: 'cite', target: 'smith2000', locator: 'p. 3', line: 2 },
      { scheme: 'claim', target: 'c-1', locator: undefined, line: 2 },
    ]);
  });
});
