import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../src/renderer/src/search/highlight';
import { isSearchShortcut } from '../../../src/renderer/src/search/use-search-shortcut';

const key = (init: KeyboardEventInit, target: EventTarget = document.body) => {
  const event = new KeyboardEvent('keydown', init);
  Object.defineProperty(event, 'target', { value: target });
  return event;
};

describe('search shortcut', () => {
  it('takes / outside fields and Ctrl/Cmd+K anywhere', () => {
    const input = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const textarea = document.createElement('textarea');
    expect(isSearchShortcut(key({ key: '/' }))).toBe(true);
    expect(isSearchShortcut(key({ key: '/' }, checkbox))).toBe(true);
    expect(isSearchShortcut(key({ key: '/' }, input))).toBe(false);
    expect(isSearchShortcut(key({ key: '/' }, textarea))).toBe(false);
    expect(isSearchShortcut(key({ key: 'k', ctrlKey: true }, input))).toBe(true);
    expect(isSearchShortcut(key({ key: 'K', metaKey: true }))).toBe(true);
    expect(isSearchShortcut(key({ key: 'k' }))).toBe(false);
  });
});

describe('snippet excerpt', () => {
  it('cuts long text around the first match and shifts the highlights', () => {
    const text = `${'word '.repeat(40)}Igarka ${'more '.repeat(40)}`;
    const start = text.indexOf('Igarka');
    const cut = excerpt(text, [[start, start + 6]]);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    const [range] = cut.ranges;
    expect(cut.text.slice(range?.[0], range?.[1])).toBe('Igarka');
  });

  it('keeps short text whole', () => {
    expect(excerpt('Port town', [[0, 4]])).toEqual({ text: 'Port town', ranges: [[0, 4]] });
  });
});
