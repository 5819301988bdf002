/**
 * Collection links inside Markdown texts and record summaries:
 *   [Anušauskas 2012, p. 266](cite:anusauskas2012#p.266)  → a bibliography entry, optional locator after #
 *   [Operation Vesna](record:op-vesna)                    → a record
 *   [about 17,500](claim:june1941-total-seed)              → a single claim
 * Other link schemes (http:, mailto:, relative paths) are left alone by this module.
 */

type CollectionLinkScheme = 'cite' | 'record' | 'claim';

interface CollectionLink {
  scheme: CollectionLinkScheme;
  /** Bibliography id, record id or claim id. */
  target: string;
  /** For `cite:` links, the part after `#` with `.` read as a space (`p.266` → "p. 266"); else undefined. */
  locator?: string;
  /** Link text between the brackets. */
  label: string;
  /** The whole link as written, e.g. `[Operation Vesna](record:op-vesna)`. */
  raw: string;
  /** 1-based line number in the text. */
  line: number;
}

const LINK_RE = /\[([^\]\n]*)\]\((cite|record|claim):([^)\s]*)\)/g;

export function extractCollectionLinks(markdown: string): CollectionLink[] {
  const links: CollectionLink[] = [];
  const lines = markdown.split(/\r?\n/);
  lines.forEach((lineText, index) => {
    for (const m of lineText.matchAll(LINK_RE)) {
      const [raw, label = '', scheme, rest = ''] = m;
      const hash = rest.indexOf('#');
      const target = hash === -1 ? rest : rest.slice(0, hash);
      const link: CollectionLink = {
        scheme: scheme as CollectionLinkScheme,
        target: decodeTarget(target),
        label,
        raw,
        line: index + 1,
      };
      if (scheme === 'cite' && hash !== -1) {
        link.locator = decodeTarget(rest.slice(hash + 1)).replace(/^(pp?)\./, '$1. ');
      }
      links.push(link);
    }
  });
  return links;
}

function decodeTarget(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
