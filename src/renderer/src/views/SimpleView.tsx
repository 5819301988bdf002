import { useTranslation } from 'react-i18next';
import { ViewHeading } from '../shell/ViewHeading';

/** A view that so far has only its heading and purpose; each grows its content with its feature. */
export function SimpleView({ name }: { name: 'search' | 'reader' | 'bibliography' | 'notes' }) {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby={`${name}-heading`}>
      <ViewHeading id={`${name}-heading`}>{t(`${name}.title`)}</ViewHeading>
      <p className="view-intro">{t(`${name}.intro`)}</p>
    </section>
  );
}
