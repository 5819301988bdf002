import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ViewHeading } from '../shell/ViewHeading';

export default function NotFoundView() {
  const { t } = useTranslation();
  return (
    <section className="view" aria-labelledby="not-found-heading">
      <ViewHeading id="not-found-heading">{t('notFound.title')}</ViewHeading>
      <p>{t('notFound.body')}</p>
      <Link href="/browse">{t('notFound.back')}</Link>
    </section>
  );
}
