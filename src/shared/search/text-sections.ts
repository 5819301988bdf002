/**
 * Splits a long Markdown text into sections (at headings of level 2 and below) of plain-text
 * paragraphs, so a search hit can open the text at the right section. Markup is dropped and collection
 * links (`[label](record:…)`) keep only their label, which is the text a reader sees.
 */
import MarkdownIt from 'markdown-it';
import { headingAnchors } from '../links';

export interface TextSection {
  /** The section's heading; null for the part before the first heading below the title. */
  heading: string | null;
  /** Anchor of the heading (see headingAnchors in ../links.ts); '' for the part before any heading. */
  anchor: string;
  paragraphs: string[];
}

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const parser = new MarkdownIt({ html: false, linkify: false });

function inlineText(token: Token): string {
  const parts: string[] = [];
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') parts.push(child.content);
    else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push(' ');
    else if (child.type === 'image') parts.push(child.content);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function splitTextSections(markdown: string): TextSection[] {
  const tokens = parser.parse(markdown, {});
  const sections: { heading: string | null; paragraphs: string[] }[] = [{ heading: null, paragraphs: [] }];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'heading_open') {
      const inline = tokens[i + 1];
      const text = inline ? inlineText(inline) : '';
      i += 2;
      // The level-1 heading is the text's own title, shown as the result's title already.
      if (token.tag !== 'h1') sections.push({ heading: text, paragraphs: [] });
      continue;
    }
    if (token.type === 'inline') {
      const text = inlineText(token);
      if (text) sections[sections.length - 1]?.paragraphs.push(text);
    }
  }
  const headed = sections.filter((section) => section.heading !== null);
  const anchors = headingAnchors(headed.map((section) => section.heading ?? ''));
  let next = 0;
  return sections
    .map((section) => ({
      heading: section.heading,
      anchor: section.heading === null ? '' : (anchors[next++] ?? ''),
      paragraphs: section.paragraphs,
    }))
    .filter((section) => section.paragraphs.length > 0 || section.heading !== null);
}

const INLINE_MARKUP = /[[*_`]/;

/** Plain text of one line of inline Markdown (record summaries): links keep their label. */
export function inlineMarkdownToText(markdown: string): string {
  if (!INLINE_MARKUP.test(markdown)) return markdown;
  const tokens = parser.parseInline(markdown, {});
  return tokens.map(inlineText).join(' ').trim();
}
