import { cleanup, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument, SearchKind } from '@shared/search/documents';
import type { SearchHit, SearchResponse } from '@shared/search/response';
import { emptyFacets } from '@shared/search/facets';
import { linkGroups } from '@shared/linkage/groups';
import type { Decision } from '@shared/linkage/types';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { groupLinkedHits, hitLinkId } from '../../../src/renderer/src/search/linked-hits';
import { SearchResults } from '../../../src/renderer/src/search/SearchResults';
import { installFakeLayout } from '../fake-layout';

/** Invented records of two invented lists (test data, not history). */
function hitOf(collectionId: string, targetId: string, kind: SearchKind = 'person', score = 1): SearchHit {
  const document: SearchDocument = {
    id: `${collectionId}/r/${targetId}`,
    collectionId,
    kind,
    targetId,
    path: `/browse/record/${collectionId}/${targetId}`,
    title: `${collectionId} ${targetId}`,
    fields: {},
    earliest: null,
    latest: null,
    yearFrom: null,
    yearTo: null,
    places: [],
    sources: [],
    tags: [],
    status: null,
    phonetic: false,
  };
  return { id: document.id, kind, score, matches: [], document };
}

const same = (a: string, b: string): Decision => ({
  a: a < b ? a : b,
  b: a < b ? b : a,
  decision: 'same',
  score: 20,
  note: '',
  created: '2026-12-07T10:00:00.000Z',
  updated: '2026-12-07T10:00:00.000Z',
});

const hits = [
  hitOf('orders', '1', 'person', 9),
  hitOf('orders', '2', 'person', 8),
  hitOf('echelon', '7', 'person', 7),
  hitOf('orders', 'place-1', 'place', 6),
  hitOf('settlement', '3', 'person', 5),
];

describe('grouping linked records in search results', () => {
  it('names person hits by linkage id, other kinds not at all', () => {
    expect(hitLinkId(hitOf('echelon', 'a/7'))).toBe('echelon/a/7');
    expect(hitLinkId(hitOf('orders', 'place-1', 'place'))).toBeNull();
  });

  it('shows a group as one entry at its best hit, with every matching source and the group size', () => {
    const groups = linkGroups([
      same('orders/1', 'echelon/7'),
      same('echelon/7', 'settlement/3'),
      same('settlement/3', 'memorial/4'),
    ]);
    const grouped = groupLinkedHits(hits, groups);
    expect(grouped.hits.map((hit) => hit.id)).toEqual(['orders/r/1', 'orders/r/2', 'orders/r/place-1']);
    const entry = grouped.linked.get('orders/r/1');
    expect(entry?.groupSize).toBe(4);
    expect(entry?.sources.map((hit) => hit.id)).toEqual(['orders/r/1', 'echelon/r/7', 'settlement/r/3']);
    expect(grouped.linked.size).toBe(1);
  });

  it('leaves results as they are without link groups, and never drops a hit', () => {
    expect(groupLinkedHits(hits, []).hits).toEqual(hits);
    const grouped = groupLinkedHits(hits, linkGroups([same('orders/2', 'settlement/3')]));
    const reachable = grouped.hits.flatMap((hit) => grouped.linked.get(hit.id)?.sources ?? [hit]);
    expect(reachable.map((hit) => hit.id).sort()).toEqual(hits.map((hit) => hit.id).sort());
  });
});

describe('a grouped entry in the results list', () => {
  let restoreLayout: () => void = () => undefined;
  beforeAll(async () => {
    await initI18n('en');
    restoreLayout = installFakeLayout({
      paneClass: 'search-results-pane',
      paneHeight: 400,
      isRow: (element) => element.classList.contains('search-row'),
      rowHeight: 40,
    });
  });
  afterAll(() => restoreLayout());
  afterEach(cleanup);

  it('says "one person, N sources" and links every other matching source with its collection', () => {
    const grouped = groupLinkedHits(hits, linkGroups([same('orders/1', 'echelon/7')]));
    const response: SearchResponse = {
      total: hits.length,
      hits: grouped.hits,
      kindCounts: [],
      facets: emptyFacets(),
      errors: [],
      tooShort: false,
    };
    render(
      <SearchResults
        response={response}
        onExit={() => undefined}
        onOpen={() => undefined}
        linked={{ entries: grouped.linked, titles: new Map([['echelon', 'Test echelon list']]) }}
      />,
    );
    expect(screen.getByText('One person, 2 sources')).toBeTruthy();
    const sources = screen.getByRole('list', { name: 'Other sources of this person' });
    const link = within(sources).getByRole('link', { name: 'echelon 7' });
    expect(link.getAttribute('href')).toBe('#/browse/record/echelon/7');
    expect(sources.textContent).toContain('(Test echelon list)');
  });
});
