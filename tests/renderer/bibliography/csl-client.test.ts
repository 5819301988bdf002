/**
 * The page's side of the CSL worker, over a fake port: answers matched by id in any order, errors
 * rejected with the worker's reason, and the whole list kept per bibliography, style and locale.
 */
import { describe, expect, it } from 'vitest';
import type { CslItem } from '@shared/collection/schema';
import type { BibliographyData } from '@shared/citations/formatter';
import { CslClient, type CslPort } from '../../../src/renderer/src/bibliography/csl-client';
import type {
  CslRequestMessage,
  CslResponseMessage,
} from '../../../src/renderer/src/bibliography/csl-protocol';

function fakePort() {
  const sent: CslRequestMessage[] = [];
  let listener: ((event: MessageEvent<CslResponseMessage>) => void) | null = null;
  let terminated = false;
  const port: CslPort = {
    postMessage: (message) => sent.push(message),
    addEventListener: (_type, next) => (listener = next),
    terminate: () => (terminated = true),
  };
  const answer = (response: CslResponseMessage) =>
    listener?.({ data: response } as MessageEvent<CslResponseMessage>);
  return { port, sent, answer, terminated: () => terminated };
}

const ITEMS: CslItem[] = [{ id: 'test-1', type: 'book', title: 'Test Book' }];
const data = (text: string): BibliographyData => ({
  references: [{ id: 'test-1', html: text, text }],
  writtenOut: null,
});
const CHICAGO = { style: 'chicago-author-date', locale: 'en-US' } as const;
const APA = { style: 'apa', locale: 'en-US' } as const;

describe('CslClient', () => {
  it('resolves each request with the answer of its id, in whatever order they come', async () => {
    const { port, sent, answer } = fakePort();
    const client = new CslClient(port);
    const reference = client.reference(ITEMS[0] as CslItem, CHICAGO);
    const citation = client.citation({ source: ITEMS[0] as CslItem }, CHICAGO);
    expect(sent.map((message) => message.request.type)).toEqual(['reference', 'citation']);
    const [first, second] = sent as [CslRequestMessage, CslRequestMessage];
    expect(first.id).not.toBe(second.id);
    answer({ id: second.id, ok: true, value: { html: '(Test)', text: '(Test)' } });
    answer({ id: first.id, ok: true, value: null });
    expect(await reference).toBeNull();
    expect(await citation).toEqual({ html: '(Test)', text: '(Test)' });
  });

  it("rejects with the worker's reason, and asks again next time", async () => {
    const { port, sent, answer } = fakePort();
    const client = new CslClient(port);
    const failing = client.bibliography(ITEMS, CHICAGO);
    answer({ id: (sent[0] as CslRequestMessage).id, ok: false, message: 'test: no such style' });
    await expect(failing).rejects.toThrow('test: no such style');
    void client.bibliography(ITEMS, CHICAGO);
    expect(sent).toHaveLength(2);
  });

  it('keeps the whole list per bibliography, style and locale: switching back asks nothing', async () => {
    const { port, sent, answer } = fakePort();
    const client = new CslClient(port);
    const chicago = client.bibliography(ITEMS, CHICAGO);
    answer({ id: (sent[0] as CslRequestMessage).id, ok: true, value: data('Chicago') });
    await chicago;
    const apa = client.bibliography(ITEMS, APA);
    answer({ id: (sent[1] as CslRequestMessage).id, ok: true, value: data('APA') });
    await apa;
    expect(client.formattedBibliography(ITEMS, CHICAGO)).toEqual(data('Chicago'));
    expect(await client.bibliography(ITEMS, CHICAGO)).toEqual(data('Chicago'));
    expect(sent).toHaveLength(2);
    // Another (reloaded) collection is another list.
    expect(client.formattedBibliography([...ITEMS], CHICAGO)).toBeNull();
    void client.bibliography([...ITEMS], CHICAGO);
    expect(sent).toHaveLength(3);
  });

  it('rejects what is waiting with the reason when the worker stops', async () => {
    const { port } = fakePort();
    const client = new CslClient(port);
    const pending = client.citation({ source: ITEMS[0] as CslItem }, CHICAGO);
    client.fail('test: the worker stopped');
    await expect(pending).rejects.toThrow('test: the worker stopped');
  });

  it('rejects what is still pending when closed', async () => {
    const { port, terminated } = fakePort();
    const client = new CslClient(port);
    const pending = client.exportBibliography('bibtex', ITEMS);
    client.dispose();
    await expect(pending).rejects.toThrow('citation formatting closed');
    expect(terminated()).toBe(true);
  });
});
