/**
 * jsdom lays nothing out, and a virtualised list renders only what fits in its scroll pane. This gives
 * the pane a height (and a content height: its first child's, as the virtualiser sets it), every row a
 * height, and makes scrolling move scrollTop and fire `scroll` later, as a browser does (never inside
 * the call, or inside React's commit that made it). Returns a function that puts jsdom back.
 */
export interface FakeLayout {
  /** Class of the scroll pane. */
  paneClass: string;
  paneHeight: number;
  /** Whether an element is a row, and so `rowHeight` tall. */
  isRow: (element: HTMLElement) => boolean;
  rowHeight: number;
}

export function installFakeLayout({ paneClass, paneHeight, isRow, rowHeight }: FakeLayout): () => void {
  const scrollTops = new WeakMap<Element, number>();
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
    scrollHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight'),
    offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
    scrollTop: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop'),
    scrollTo: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo'),
  };
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains(paneClass) ? paneHeight : 0;
    },
  });
  Object.defineProperty(Element.prototype, 'scrollHeight', {
    configurable: true,
    get(this: Element) {
      const content = this.classList.contains(paneClass) ? this.firstElementChild : null;
      return content instanceof HTMLElement ? parseFloat(content.style.height) || 0 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isRow(this) ? rowHeight : 0;
    },
  });
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get(this: Element) {
      return scrollTops.get(this) ?? 0;
    },
    set(this: Element, value: number) {
      scrollTops.set(this, value);
    },
  });
  Object.defineProperty(Element.prototype, 'scrollTo', {
    configurable: true,
    value(this: Element, options: ScrollToOptions) {
      scrollTops.set(this, options.top ?? 0);
      queueMicrotask(() => this.dispatchEvent(new Event('scroll')));
    },
  });
  return () => {
    for (const [name, descriptor] of Object.entries(saved)) {
      const target = name === 'offsetHeight' ? HTMLElement.prototype : Element.prototype;
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else Reflect.deleteProperty(target, name);
    }
  };
}
