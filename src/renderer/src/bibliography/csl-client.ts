/**
 * The page's side of the CSL worker: the formatter's API, asynchronous. Requests go out with an id and
 * are resolved by the answer with that id; an error answer rejects with the worker's message. Results
 * are kept per collection bibliography, style and locale, so going back to a style shows it at once.
 */
import type { CslItem } from '@shared/collection/schema';
import type { ExportFormat } from '@shared/citations/formats';
import type {
  BibliographyData,
  CiteRequest,
  FormatOptions,
  FormattedReference,
  FormattedText,
} from '@shared/citations/formatter';
import type {
  CslAnswers,
  CslRequest,
  CslRequestType,
  CslRequestMessage,
  CslResponseMessage,
} from './csl-protocol';
import type { PrecomputedLookup } from './csl-precomputed';

/** What the client needs of a Worker (the in-page fallback and tests give their own). */
export interface CslPort {
  postMessage(message: CslRequestMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CslResponseMessage>) => void): void;
  terminate(): void;
}

interface Pending {
  resolve: (value: CslAnswers[CslRequestType]) => void;
  reject: (error: Error) => void;
}

const optionsKey = (options: FormatOptions) => `${options.style}|${options.locale}`;

/** Most references and citations kept; far more than any page shows at once. */
const MAX_KEPT_TEXTS = 500;

export class CslClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  // Keyed by the bibliography array itself: a loaded collection never changes, a reloaded one is a new
  // array (and the old entries go with the old array).
  private readonly bibliographies = new WeakMap<
    readonly CslItem[],
    Map<string, { promise: Promise<BibliographyData>; value?: BibliographyData }>
  >();
  private readonly texts = new Map<string, Promise<FormattedText | null>>();
  private readonly precomputedLists = new WeakMap<
    readonly CslItem[],
    Map<string, Promise<BibliographyData | null>>
  >();

  constructor(
    private readonly port: CslPort,
    /**
     * Whether the list shows its first screen before the whole list is formatted. Off only in the
     * "before" mode of `npm run bench:bibliography` (everything formatted at once on the UI thread).
     */
    readonly firstScreenFirst = true,
    /** Lists formatted ahead of time (the build's, csl-precomputed.ts): used instead of asking the worker. */
    private readonly lookupPrecomputed?: PrecomputedLookup,
  ) {
    port.addEventListener('message', (event) => this.receive(event.data));
  }

  /** Compile the style and locale now (Bibliography or Cite this was just opened). */
  warm(options: FormatOptions): Promise<null> {
    return this.request({ type: 'warm', options });
  }

  /** The whole list, formatted once per bibliography, style and locale. */
  bibliography(items: readonly CslItem[], options: FormatOptions): Promise<BibliographyData> {
    let byOptions = this.bibliographies.get(items);
    if (!byOptions) this.bibliographies.set(items, (byOptions = new Map()));
    const key = optionsKey(options);
    const kept = byOptions.get(key);
    if (kept) return kept.promise;
    const ask = () => this.request({ type: 'bibliography', items: [...items], options });
    const entry: { promise: Promise<BibliographyData>; value?: BibliographyData } = {
      // Without precomputed lists the request goes out at once (not a microtask later).
      promise: this.lookupPrecomputed
        ? this.precomputed(items, options).then((found) => found ?? ask())
        : ask(),
    };
    entry.promise.then(
      (value) => (entry.value = value),
      () => byOptions.delete(key),
    );
    byOptions.set(key, entry);
    return entry.promise;
  }

  /** The whole list if it is already formatted (then no first screen is needed). */
  formattedBibliography(items: readonly CslItem[], options: FormatOptions): BibliographyData | null {
    return this.bibliographies.get(items)?.get(optionsKey(options))?.value ?? null;
  }

  /** Whether lists may come precomputed (otherwise every request goes straight to the worker). */
  get hasPrecomputed(): boolean {
    return this.lookupPrecomputed !== undefined;
  }

  /**
   * The whole list as the build formatted it for exactly these items, style and locale, or null (then
   * only the worker can format it). Looked up once per bibliography, style and locale.
   */
  precomputed(items: readonly CslItem[], options: FormatOptions): Promise<BibliographyData | null> {
    const lookup = this.lookupPrecomputed;
    if (!lookup) return Promise.resolve(null);
    let byOptions = this.precomputedLists.get(items);
    if (!byOptions) this.precomputedLists.set(items, (byOptions = new Map()));
    const key = optionsKey(options);
    let found = byOptions.get(key);
    if (!found) {
      // A lookup that fails is as good as nothing precomputed: the worker formats the list.
      found = lookup(items, options).catch(() => null);
      byOptions.set(key, found);
    }
    return found;
  }

  /** The first screen of `ids` (the order shown), names written out, before the whole list. */
  firstScreen(
    ids: readonly string[],
    items: readonly CslItem[],
    options: FormatOptions,
  ): Promise<FormattedReference[]> {
    return this.request({ type: 'first-screen', ids: [...ids], items: [...items], options });
  }

  reference(item: CslItem, options: FormatOptions): Promise<FormattedText | null> {
    return this.kept(`reference|${optionsKey(options)}|${JSON.stringify(item)}`, () =>
      this.request({ type: 'reference', item, options }),
    );
  }

  citation(request: CiteRequest, options: FormatOptions): Promise<FormattedText> {
    return this.kept(`citation|${optionsKey(options)}|${JSON.stringify(request)}`, () =>
      this.request({ type: 'citation', request, options }),
    ) as Promise<FormattedText>;
  }

  exportBibliography(format: ExportFormat, items: readonly CslItem[]): Promise<string> {
    return this.request({ type: 'export', format, items: [...items] });
  }

  dispose(): void {
    this.fail('citation formatting closed');
    this.port.terminate();
  }

  /** Rejects every request waiting for an answer (the worker could not start, or crashed). */
  fail(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(reason));
    this.pending.clear();
  }

  private kept(key: string, load: () => Promise<FormattedText | null>): Promise<FormattedText | null> {
    let promise = this.texts.get(key);
    if (!promise) {
      promise = load();
      promise.catch(() => this.texts.delete(key));
      // Oldest out first (a Map keeps insertion order).
      if (this.texts.size >= MAX_KEPT_TEXTS) this.texts.delete(this.texts.keys().next().value as string);
      this.texts.set(key, promise);
    }
    return promise;
  }

  private request<T extends CslRequestType>(request: CslRequest & { type: T }): Promise<CslAnswers[T]> {
    const id = this.nextId++;
    return new Promise<CslAnswers[T]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject });
      this.port.postMessage({ id, request });
    });
  }

  private receive(message: CslResponseMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new Error(message.message));
  }
}
