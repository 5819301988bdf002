import DOMPurify from 'dompurify';
import { useMemo } from 'react';

/**
 * citeproc's HTML for one reference or citation. citeproc escapes the data it prints, and this keeps
 * only the inline markup styles use (italics, bold, super/subscript, small caps as <span>) with no
 * attributes at all — so no script, no link and no inline style (which the CSP would refuse) gets in.
 */
const ALLOWED = { ALLOWED_TAGS: ['i', 'b', 'em', 'strong', 'sup', 'sub', 'span'], ALLOWED_ATTR: [] };

export function sanitizeCitationHtml(html: string): string {
  return DOMPurify.sanitize(html, ALLOWED);
}

export function FormattedHtml({ html, className }: { html: string; className?: string }) {
  const clean = useMemo(() => sanitizeCitationHtml(html), [html]);
  return <span className={className} dangerouslySetInnerHTML={{ __html: clean }} />;
}
