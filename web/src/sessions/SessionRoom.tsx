// Placeholder for the live session room (/sessions/:id). The room is built on the live session hub, which is
// being written in parallel; it will use LiveSessionClient from ./liveSessionClient. Loaded as its own chunk.
import { useParams } from 'react-router';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';

export default function SessionRoom() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <Page title={t('session.title')}>
      <p>{t('session.comingSoon')}</p>
      <p className="muted mono" dir="ltr">{id}</p>
    </Page>
  );
}
