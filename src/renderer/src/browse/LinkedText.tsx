import { Fragment } from 'react';
import { bibliographyHref } from '@shared/links';
import { Link } from 'wouter';
import { recordLink } from './paths';

const LINK_RE = /\[([^\]\n]*)\]\((cite|record|claim):([^)\s#]*)(?:#([^)\s]*))?\)/g;

/**
 * Renders collection text with its `[label](record:id)`, `[label](cite:bib#p.1)` and
 * `[label](claim:id)` links as in-app links and everything else as plain text: no HTML from the data
 * ever reaches the DOM as markup.
 */
export function LinkedText({
  text,
  collectionId,
  claimRecord,
}: {
  text: string;
  collectionId: string;
  /** Maps a claim id to the record holding it, so claim links open that record. */
  claimRecord?: (claimId: string) => string | undefined;
}) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK_RE)) {
    const [raw, label = '', scheme, target = ''] = match;
    parts.push(text.slice(last, match.index));
    last = match.index + raw.length;
    if (scheme === 'record') {
      parts.push(
        <Link key={match.index} href={recordLink(collectionId, target)}>
          {label}
        </Link>,
      );
    } else if (scheme === 'claim' && claimRecord?.(target)) {
      parts.push(
        <Link key={match.index} href={recordLink(collectionId, claimRecord(target) ?? '')}>
          {label}
        </Link>,
      );
    } else if (scheme === 'cite') {
      parts.push(
        <a key={match.index} href={bibliographyHref(collectionId, target)}>
          {label}
        </a>,
      );
    } else {
      parts.push(label);
    }
  }
  parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>{part}</Fragment>
      ))}
    </>
  );
}
