import { useLocation } from 'wouter';
import { ErrorState } from '../../components/ErrorState';
import { useDocumentTitle } from '../useDocumentTitle';

export function NotFoundPage() {
  const [pathname] = useLocation();
  useDocumentTitle('Page not found · OCP task console');
  return (
    <ErrorState
      title="Page not found"
      message={`There is no page at ${pathname}. Tasks live at /tasks/<id>; the list of tasks is the home page.`}
      backLink
    />
  );
}
