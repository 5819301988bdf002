import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { openedFromSearch } from './origin';

/**
 * The "←" link at the top of a page: back to the Search results when the page was opened from them
 * (the same entry in history, so the query, scroll position and opened result come back), otherwise to
 * the page's own list (`href`, `label`).
 */
export function ReturnLink({ href, label }: { href: string; label: string }) {
  const { t } = useTranslation();
  if (!openedFromSearch()) return <Link href={href}>{label}</Link>;
  return (
    <a
      href="#/search"
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        event.preventDefault();
        window.history.back();
      }}
    >
      {t('nav.backToResults')}
    </a>
  );
}
