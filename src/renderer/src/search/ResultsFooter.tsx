/**
 * What stands below the search results: how many are shown and a button for more, and the similar
 * spellings the query left out.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_RESULTS } from './use-search';

interface MoreProps {
  shown: number;
  total: number;
  onShowMore: () => void;
}

/**
 * Below the list: how many of the matches are shown, and a button for more, or once no more can come
 * (all are shown, or MAX_RESULTS are), what to do instead.
 */
export function MoreResults({ shown, total, onShowMore }: MoreProps) {
  const { t } = useTranslation();
  const canGrow = shown < total && shown < MAX_RESULTS;
  // Once more were asked for, the line stays even when all matches are shown: the button the user
  // pressed turns into the answer rather than vanishing along with the whole line.
  const [asked, setAsked] = useState(false);
  const footer = useRef<HTMLDivElement>(null);
  // Had the button focus when it went, the footer takes it over rather than focus falling to <body>
  // (and a keyboard or screen reader user losing their place).
  const clicked = useRef(false);
  useLayoutEffect(() => {
    if (canGrow || !clicked.current) return;
    clicked.current = false;
    if (document.activeElement === null || document.activeElement === document.body) footer.current?.focus();
  }, [canGrow]);

  if (shown >= total && !asked) return null;
  return (
    <div ref={footer} tabIndex={-1} className="search-more">
      <p aria-live="polite">
        {shown < total ? t('search.more.showing', { count: shown, total }) : t('search.more.all', { total })}
      </p>
      {canGrow ? (
        <button
          type="button"
          onClick={() => {
            clicked.current = true;
            setAsked(true);
            onShowMore();
          }}
        >
          {t('search.more.button')}
        </button>
      ) : shown < total ? (
        <p>{t('search.more.refine')}</p>
      ) : null}
    </div>
  );
}

/**
 * Below the list, when the query found closer matches and left typos and sound-alikes out: how many,
 * and a button that lists them too (after the others).
 */
export function SimilarSpellings({ count, onShow }: { count: number; onShow: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="search-more search-similar">
      <p>{t('search.similar.hidden', { count })}</p>
      <button type="button" onClick={onShow}>
        {t('search.similar.button')}
      </button>
    </div>
  );
}
