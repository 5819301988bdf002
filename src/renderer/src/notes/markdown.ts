/**
 * Markdown to safe HTML, for note previews and the reading pane. markdown-it with raw HTML off turns
 * any `<script>` a note contains into text; DOMPurify then checks the output anyway (defence in depth)
 * and only lets links through to http(s), mailto and in-app `#/…` addresses. Collection texts link to
 * records and bibliography entries as `record:<id>` and `cite:<id>`; those become in-app links.
 * No inline styles are produced (the CSP forbids them).
 */
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { bibliographyHref, recordHref } from '@shared/links';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

// markdown-it's own link check refuses javascript:, vbscript:, file: and data:; collection schemes pass.
const SAFE_HREF = /^(?:https?:|mailto:|#\/)/i;

export function renderMarkdown(source: string, collectionId?: string): string {
  const html = markdown.render(source);
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const raw = node.getAttribute('href') ?? '';
    const inApp = /^(record|cite):([^#\s]+)/.exec(raw);
    if (inApp && collectionId) {
      const id = decodeURIComponent(inApp[2] ?? '');
      node.setAttribute(
        'href',
        inApp[1] === 'record' ? recordHref(collectionId, id) : bibliographyHref(collectionId, id),
      );
    } else if (!SAFE_HREF.test(raw)) {
      node.removeAttribute('href');
    }
    if (/^https?:/i.test(node.getAttribute('href') ?? '')) node.setAttribute('rel', 'noopener noreferrer');
  });
  return purify.sanitize(html, {
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|record:|cite:)/i,
    FORBID_ATTR: ['style'],
    FORBID_TAGS: ['style', 'img'],
  });
}
