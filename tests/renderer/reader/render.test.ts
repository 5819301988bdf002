import { describe, expect, it } from 'vitest';
import {
  collectionTextToHtml,
  documentToHtml,
  plainTextToHtml,
  sanitizeDocumentHtml,
} from '../../../src/renderer/src/reader/render';

const parse = (html: string) => {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
};

describe('sanitizeDocumentHtml', () => {
  const hostile = `
    <h1 id="app-root" onclick="alert(1)">Title</h1>
    <script>alert(1)</script>
    <iframe src="https://evil.example/"></iframe>
    <img src="https://tracker.example/pixel.gif" onerror="alert(2)">
    <p style="background:url(https://tracker.example/bg)">Text <a href="javascript:alert(3)">bad</a>
      <a href="https://example.org/" target="_blank">good</a> <a href="#/notes">in-app</a></p>
    <link rel="stylesheet" href="https://cdn.example/x.css"><style>@import url(https://cdn.example/y.css)</style>
    <form action="https://evil.example/"><input name="q"></form>
    <video poster="https://tracker.example/p.jpg" src="https://tracker.example/v.mp4"></video>
    <svg><image href="https://tracker.example/s.png"></image></svg>
    <object data="https://evil.example/x.swf"></object><base href="https://evil.example/">`;

  it('strips scripts, handlers, frames, forms, media, styles and anything that could load a remote resource', () => {
    const html = sanitizeDocumentHtml(hostile);
    expect(html).not.toMatch(
      /script|onclick|onerror|iframe|<img|<video|<svg|<object|<form|<input|<link|<style|<base|style=|javascript:/i,
    );
    expect(html).not.toMatch(/tracker\.example|cdn\.example|evil\.example/);
    const root = parse(html);
    expect(root.querySelector('h1')?.textContent).toBe('Title');
    expect(root.querySelector('h1')?.id).toBe('');
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([null, 'https://example.org/', null]);
    expect(links[1]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[1]?.hasAttribute('target')).toBe(false);
  });

  it('keeps ordinary structure: headings, lists, tables, emphasis', () => {
    const html = sanitizeDocumentHtml(
      '<h2>A</h2><ul><li><em>x</em></li></ul><table><tr><td>1</td></tr></table>',
    );
    const root = parse(html);
    expect(root.querySelector('h2')?.textContent).toBe('A');
    expect(root.querySelector('li em')?.textContent).toBe('x');
    expect(root.querySelector('td')?.textContent).toBe('1');
  });
});

describe('documentToHtml', () => {
  it('renders Markdown without raw HTML and drops images', () => {
    const root = parse(
      documentToHtml('markdown', '# Heading\n\n<script>x()</script>\n\n![p](https://t.example/p.png) *ok*'),
    );
    expect(root.querySelector('h1')?.textContent).toBe('Heading');
    expect(root.querySelector('script, img')).toBeNull();
    expect(root.textContent).toContain('<script>x()</script>');
    expect(root.querySelector('em')?.textContent).toBe('ok');
  });

  it('escapes plain text and splits it into paragraphs', () => {
    expect(plainTextToHtml('a <b>\r\nline two\n\n\nnext & last')).toBe(
      '<p>a &lt;b&gt;<br>line two</p>\n<p>next &amp; last</p>',
    );
    expect(documentToHtml('text', '<img src=x onerror=alert(1)>')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('sanitises imported HTML', () => {
    expect(documentToHtml('html', '<p onmouseover="x()">Hi</p><script>y()</script>')).toBe('<p>Hi</p>');
  });

  it('links collection texts to records, bibliography entries and claims in the app', () => {
    const root = parse(
      collectionTextToHtml(
        '[a](record:r-1) and [b](cite:smith-2001#p.12), [c](claim:c-1), [d](claim:nowhere), [e](javascript:x)',
        'c',
        (claimId) => (claimId === 'c-1' ? 'r-9' : undefined),
      ),
    );
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#/browse/record/c/r-1',
      '#/bibliography/c/smith-2001',
      '#/browse/record/c/r-9',
      null,
    ]);
    // markdown-it itself refuses javascript: links, leaving their text.
    expect(root.textContent).toContain('[e](javascript:x)');
    expect(links[1]?.dataset['locator']).toBe('p.12');
    expect(links.map((a) => a.dataset['claim'] ?? null)).toEqual([null, null, 'c-1', 'nowhere']);
  });
});
