import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The find-in-document field: type to mark matches, Enter / Shift+Enter to move between them. */
export function FindBar({
  query,
  onQuery,
  count,
  current,
  onNext,
  onPrevious,
}: {
  query: string;
  onQuery: (query: string) => void;
  count: number;
  current: number;
  onNext: () => void;
  onPrevious: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="reader-find" role="search">
      <label htmlFor={id}>{t('reader.find.label')}</label>
      <input
        id={id}
        type="search"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (event.shiftKey) onPrevious();
          else onNext();
        }}
      />
      <button type="button" onClick={onPrevious} disabled={count === 0}>
        {t('reader.find.previous')}
      </button>
      <button type="button" onClick={onNext} disabled={count === 0}>
        {t('reader.find.next')}
      </button>
      <output aria-live="polite">
        {query.trim() === ''
          ? ''
          : count === 0
            ? t('reader.find.none')
            : t('reader.find.count', { current, count })}
      </output>
    </div>
  );
}
