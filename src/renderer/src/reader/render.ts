/**
 * Turning a document into the safe HTML the Reader shows. Every path ends in DOMPurify with one policy:
 * no scripts, event handlers, frames, forms, styles or embedded media, and no attribute that could load
 * a remote resource (src, srcset, poster, background…). Links stay links (the app opens http(s) links in
 * the system browser), anything else loses its href. Imported documents have no bundled images, so
 * images are dropped rather than fetched.
 */
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import type { DocumentKind } from '@shared/documents/model';
import { bibliographyHref, recordHref } from '@shared/links';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const SAFE_HREF = /^(?:https?:|mailto:|#)/i;

const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'link',
  'meta',
  'base',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'svg',
  'math',
  'canvas',
  'template',
];
const FORBID_ATTR = [
  'style',
  'src',
  'srcset',
  'poster',
  'background',
  'action',
  'formaction',
  'xlink:href',
  'ping',
];

/** Sanitises HTML from an imported document (or produced from one) for display in the Reader. */
export function sanitizeDocumentHtml(html: string): string {
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Ids from the document could clash with the app's own; headings get fresh ids from their text.
    node.removeAttribute('id');
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href') ?? '';
    if (!SAFE_HREF.test(href) || /^#\//.test(href)) node.removeAttribute('href');
    if (/^https?:/i.test(node.getAttribute('href') ?? '')) node.setAttribute('rel', 'noopener noreferrer');
    node.removeAttribute('target');
  });
  return purify.sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
    WHOLE_DOCUMENT: false,
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);

/** Plain text: paragraphs at blank lines, line breaks kept inside a paragraph. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** HTML for a text document of the given kind (PDF is drawn by `pdf.ts` instead). */
export function documentToHtml(kind: Exclude<DocumentKind, 'pdf'>, text: string): string {
  switch (kind) {
    case 'markdown':
      return sanitizeDocumentHtml(markdown.render(text));
    case 'text':
      return plainTextToHtml(text);
    case 'html':
      return sanitizeDocumentHtml(text);
  }
}

/**
 * A collection's long text. Its links use the collection schemes (docs/collection-format.md):
 * `record:<id>`, `cite:<id>[#locator]` and `claim:<id>`; they become in-app links, and claim links keep
 * their claim id in `data-claim` so the Reader can show the figure and its source in a popover.
 * `claimRecord` maps a claim id to the record holding it; an unknown claim or scheme loses its href.
 */
export function collectionTextToHtml(
  markdownText: string,
  collectionId: string,
  claimRecord: (claimId: string) => string | undefined = () => undefined,
): string {
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    node.removeAttribute('id');
    if (node.tagName !== 'A') return;
    const raw = node.getAttribute('href') ?? '';
    const link = /^(record|cite|claim):([^#\s]+)(?:#(\S*))?$/.exec(raw);
    let id: string;
    try {
      id = decodeURIComponent(link?.[2] ?? '');
    } catch {
      id = '';
    }
    if (link && id) {
      const recordId = link[1] === 'claim' ? claimRecord(id) : id;
      if (link[1] === 'cite') node.setAttribute('href', bibliographyHref(collectionId, id));
      else if (recordId) node.setAttribute('href', recordHref(collectionId, recordId));
      else node.removeAttribute('href');
      if (link[1] === 'claim') node.setAttribute('data-claim', id);
      if (link[1] === 'cite' && link[3]) node.setAttribute('data-locator', link[3]);
    } else if (!/^(?:https?:|mailto:)/i.test(raw)) {
      node.removeAttribute('href');
    }
    if (/^https?:/i.test(node.getAttribute('href') ?? '')) node.setAttribute('rel', 'noopener noreferrer');
  });
  return purify.sanitize(markdown.render(markdownText), {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|record:|cite:|claim:)/i,
  });
}
