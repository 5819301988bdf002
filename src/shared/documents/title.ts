/**
 * A document's own title, read from its content: the first Markdown heading, the HTML <title> (or
 * first <h1>). Imported documents are titled by it rather than by their file name ("test.md"); PDFs
 * carry theirs in their metadata, which the renderer reads with pdf.js (reader/pdf.ts).
 */
import type { DocumentKind } from './model';

const MAX_TITLE = 300;

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Whitespace collapsed, inline Markdown marks and tags dropped, cut to the longest title allowed. */
function clean(title: string): string | null {
  const text = decodeEntities(title.replace(/<[^>]*>/g, ''))
    .replace(/[*_`]+/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text.slice(0, MAX_TITLE);
}

function markdownTitle(text: string): string | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const atx = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) return clean(atx[1] ?? '');
    // Setext: a line of text underlined with === or ---.
    const next = lines[i + 1];
    if (line.trim() !== '' && next !== undefined && /^\s{0,3}(=+|-+)\s*$/.test(next)) return clean(line);
  }
  return null;
}

function htmlTitle(text: string): string | null {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text);
  const fromTitle = title ? clean(title[1] ?? '') : null;
  if (fromTitle) return fromTitle;
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text);
  return heading ? clean(heading[1] ?? '') : null;
}

/** The title the content gives itself, or null (plain text and PDF: none here). */
export function titleFromContent(kind: DocumentKind, text: string): string | null {
  switch (kind) {
    case 'markdown':
      return markdownTitle(text);
    case 'html':
      return htmlTitle(text);
    default:
      return null;
  }
}
