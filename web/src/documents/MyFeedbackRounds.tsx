// What feedback rounds ask of the signed-in person: each open round inviting one of their groups, earliest deadline first.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { queries } from '../api/queries';
import { Page } from '../components/Page';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';

export const roundPath = (roundId: string) => `/feedback-rounds/${roundId}`;

export function MyFeedbackRounds() {
  const { t, formatDate } = useI18n();
  const rounds = useQuery(queries.myFeedbackRounds());
  return (
    <Page title={t('document.myRounds')}>
      {rounds.isPending ? <Loading /> : rounds.error ? <ErrorMessage error={rounds.error} /> : rounds.data.length === 0 ? (
        <p className="muted">{t('document.noOpenRounds')}</p>
      ) : (
        <ul className="rows">
          {rounds.data.map((round) => (
            <li key={`${round.roundId}/${round.group.id}`} className="row-item">
              <div>
                <strong><Link to={roundPath(round.roundId)}><UserText text={round.title} /></Link></strong>
                <div className="muted">
                  {t('document.forGroup', { group: round.groupName })}
                  {' · '}{t('document.deadline', { date: formatDate(round.deadline, true) })}
                  {' · '}{round.sectionIds.length === 0 ? t('document.allSections') : t('document.sectionCount', { count: round.sectionIds.length })}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export default MyFeedbackRounds;
