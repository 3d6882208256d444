import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ErrorState } from '../../components/ErrorState';
import { useDocumentTitle } from '../useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  const [pathname] = useLocation();
  useDocumentTitle(t('title.notFound'));
  return <ErrorState title={t('notFound.title')} message={t('notFound.message', { path: pathname })} backLink level={1} />;
}
