import { Link } from 'react-router';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('app.notFound')}>
      <p>{t('app.notFoundBody')}</p>
      <p><Link to="/">{t('app.home')}</Link></p>
    </Page>
  );
}
