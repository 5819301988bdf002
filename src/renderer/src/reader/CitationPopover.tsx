/**
 * What a citation or record link in the text refers to, shown beside the text without leaving it:
 * the bibliography entry (authors, year, title) or the record (title, summary), with a link to open it.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedCollection } from '@shared/collection/model';
import { creatorsOf, titleOf, yearOf } from '../bibliography/model';
import { displayTitle, formatClaimFigure, shortSource } from '../collection/format';

export interface CitationTarget {
  kind: 'record' | 'bibliography' | 'claim';
  id: string;
  /** Page or other locator of a `cite:` link (`cite:smith-2001#p. 12`). */
  locator?: string;
  href: string;
  /** Where the link is on screen, to place the popover under it. */
  top: number;
  left: number;
}

/** The in-app link kinds the popover explains, from an `<a href>` the Markdown renderer produced. */
export function citationFromHref(href: string): Pick<CitationTarget, 'kind' | 'id'> | null {
  const match = /^#\/(browse\/record|bibliography)\/[^/]+\/([^/#?]+)$/.exec(href);
  if (!match?.[2]) return null;
  try {
    return {
      kind: match[1] === 'bibliography' ? 'bibliography' : 'record',
      id: decodeURIComponent(match[2]),
    };
  } catch {
    return null;
  }
}

/** Like `citationFromHref`, for a link element: claim links (`data-claim`) explain the claim. */
export function citationFromLink(link: Element): Pick<CitationTarget, 'kind' | 'id' | 'locator'> | null {
  const claim = link.getAttribute('data-claim');
  if (claim) return { kind: 'claim', id: claim };
  const cited = citationFromHref(link.getAttribute('href') ?? '');
  const locator = link.getAttribute('data-locator');
  return cited && locator ? { ...cited, locator } : cited;
}

export function CitationPopover({
  target,
  collection,
  onClose,
}: {
  target: CitationTarget;
  collection: LoadedCollection | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // Placed with CSSOM (allowed by the CSP, unlike style attributes).
    element.style.top = `${target.top}px`;
    element.style.left = `${target.left}px`;
    element.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [target, onClose]);

  let heading = target.id;
  let detail: string | null = null;
  if (target.kind === 'bibliography') {
    const item = collection?.bibliography.find((entry) => entry.id === target.id);
    if (item) {
      const { names } = creatorsOf(item);
      heading = titleOf(item);
      detail = [names.join('; '), yearOf(item), target.locator]
        .filter((part) => part !== null && part !== undefined && part !== '')
        .join(', ');
    }
  } else if (target.kind === 'claim') {
    // The figure exactly as the record holds it, with its own source and page: never merged.
    const record = collection?.records.find((entry) => entry.claims.some((claim) => claim.id === target.id));
    const claim = record?.claims.find((entry) => entry.id === target.id);
    if (record && claim) {
      heading = `${formatClaimFigure(claim, t, i18n.language)} — ${displayTitle(record, i18n.language)}`;
      const source = claim.source
        ? collection?.bibliography.find((entry) => entry.id === claim.source)
        : undefined;
      detail = [source ? shortSource(source, t) : null, claim.locator].filter(Boolean).join(', ') || null;
    }
  } else {
    const record = collection?.records.find((entry) => entry.id === target.id);
    if (record) {
      heading = displayTitle(record, i18n.language);
      detail = record.summary;
    }
  }
  return (
    <div
      ref={box}
      className="citation-popover"
      role="dialog"
      aria-label={t(`reader.citation.${target.kind === 'bibliography' ? 'work' : target.kind}`)}
      tabIndex={-1}
    >
      <p className="citation-popover-title">{heading}</p>
      {detail ? <p className="muted">{detail}</p> : null}
      <p>
        {target.href ? (
          <a href={target.href}>
            {t(target.kind === 'bibliography' ? 'reader.citation.openWork' : 'reader.citation.openRecord')}
          </a>
        ) : null}{' '}
        <button type="button" onClick={onClose}>
          {t('reader.citation.close')}
        </button>
      </p>
    </div>
  );
}
