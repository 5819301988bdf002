/**
 * The view heading takes focus when its view opens, and never after the reader has moved on: a view
 * rendered by an ordinary (non-act, non-sync) update is on screen, and focusable, before React's passive
 * effects run in a later task. A keyboard user's Tab in that gap must not be undone.
 */
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ViewHeading } from '../../../src/renderer/src/shell/ViewHeading';

function View({ autoFocus }: { autoFocus?: boolean }) {
  return (
    <section>
      <ViewHeading id="view-heading" autoFocus={autoFocus}>
        A view
      </ViewHeading>
      <input aria-label="A field" />
    </section>
  );
}

/** Resolves with the field as soon as the commit puts it in the document (a microtask after it). */
function whenFieldAppears(container: HTMLElement): Promise<HTMLInputElement> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const field = container.querySelector('input');
      if (!field) return;
      observer.disconnect();
      resolve(field);
    });
    observer.observe(container, { childList: true, subtree: true });
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('ViewHeading', () => {
  let container: HTMLElement;
  let root: Root;
  let actEnvironment: unknown;

  beforeEach(() => {
    // Rendered as the app renders (no act): act would run every effect before we could look.
    const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: unknown };
    actEnvironment = scope.IS_REACT_ACT_ENVIRONMENT;
    scope.IS_REACT_ACT_ENVIRONMENT = false;
    container = document.createElement('main');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(async () => {
    root.unmount();
    container.remove();
    await settle();
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: unknown }).IS_REACT_ACT_ENVIRONMENT = actEnvironment;
  });

  it('takes focus when the view opens', async () => {
    root.render(<View />);
    await whenFieldAppears(container);
    await settle();
    expect(document.activeElement?.id).toBe('view-heading');
  });

  it('leaves focus where the reader put it as soon as the view was on screen', async () => {
    root.render(<View />);
    const field = await whenFieldAppears(container);
    // The reader's Tab, landing on the field the moment it is there.
    field.focus();
    await settle();
    expect(document.activeElement).toBe(field);
  });

  it('does not take focus when the view places it itself', async () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    root.render(<View autoFocus={false} />);
    await whenFieldAppears(container);
    await settle();
    expect(document.activeElement).toBe(before);
    before.remove();
  });
});
