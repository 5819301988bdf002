import { useTranslation } from 'react-i18next';
import { incompleteParts } from '@shared/citations/completeness';
import type { CslItem } from '@shared/collection/schema';

/**
 * "Incomplete reference: title unknown" beside a reference whose sources leave parts of it unknown, so a
 * reader copying it knows what it lacks. Nothing for a complete reference.
 */
export function IncompleteMark({ item, as = 'span' }: { item: CslItem; as?: 'span' | 'p' }) {
  const { t, i18n } = useTranslation();
  const parts = incompleteParts(item);
  if (parts.length === 0) return null;
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    parts.map((part) => t(`bibliography.incomplete.parts.${part}`)),
  );
  const mark = (
    <span className="badge badge-warning incomplete-mark">
      {t('bibliography.incomplete.mark', { parts: list })}
    </span>
  );
  return as === 'p' ? <p className="incomplete-mark-line">{mark}</p> : mark;
}
