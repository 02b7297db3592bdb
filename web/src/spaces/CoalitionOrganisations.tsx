import { Link } from 'react-router';
import { api } from '../api/endpoints';
import { useAsync } from '../components/useAsync';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';

/** Organisations in a coalition. Hidden when the caller may not see them (the API answers with an error). */
export function CoalitionOrganisations({ coalitionId }: { coalitionId: string }) {
  const { t, formatDate } = useI18n();
  const organisations = useAsync(() => api.coalitionOrganisations(coalitionId), coalitionId);
  if (organisations.error || organisations.loading) return null;
  return (
    <section aria-labelledby="coalition-orgs">
      <h2 id="coalition-orgs">{t('space.organisations')}</h2>
      {organisations.data?.length ? (
        <ul className="rows">
          {organisations.data.map((o) => (
            <li key={o.organisationId} className="row-item">
              <Link to={`/organisations/${o.organisationId}`}><UserText text={o.name} /></Link>
              <span className="muted">{t(`orgStatus.${o.status}`)} · {formatDate(o.since)}</span>
            </li>
          ))}
        </ul>
      ) : <p className="muted">{t('space.noOrganisations')}</p>}
    </section>
  );
}
