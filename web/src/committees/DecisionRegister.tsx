// The committee's register of decisions, by number (SC-2026-014), searchable, a page at a time, and as CSV.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { download } from '../api/download';
import { queries } from '../api/queries';
import { FormErrors, TextField } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { meetingPath } from './CommitteeMeetings';

export const decisionsCsvPath = (committeeId: string, q: string) =>
  `/api/v1/committees/${encodeURIComponent(committeeId)}/decisions.csv${q ? `?q=${encodeURIComponent(q)}` : ''}`;

export function DecisionRegister({ committeeId }: { committeeId: string }) {
  const { t, formatDate } = useI18n();
  const [query, setQuery] = useState('');
  // The register is asked on a press of the button, not on every keystroke.
  const [asked, setAsked] = useState('');
  const pages = useInfiniteQuery(queries.decisions(committeeId, asked));
  const [csvError, setCsvError] = useState<unknown>(null);
  const decisions = pages.data?.pages.flatMap((p) => p.decisions) ?? [];
  const csv = decisionsCsvPath(committeeId, asked);
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('committee.decisionsTitle')}</h2>
      <form noValidate role="search" aria-label={t('committee.searchDecisions')} className="narrow" onSubmit={(e) => { e.preventDefault(); setAsked(query.trim()); }}>
        <TextField label={t('committee.searchText')} name="q" type="search" dir="auto" maxLength={200} value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" disabled={pages.isFetching}>{t('coalitionInvite.searchButton')}</button>
      </form>
      <p>
        <a href={csv} onClick={(e) => { e.preventDefault(); setCsvError(null); void download(csv, `decisions-${committeeId}.csv`).catch(setCsvError); }}>
          {t('committee.downloadCsv')}
        </a>
      </p>
      <ErrorMessage error={csvError} />
      {pages.isPending ? <Loading /> : pages.error && !pages.data ? <ErrorMessage error={pages.error} /> : decisions.length === 0 ? (
        <p className="muted">{asked ? t('committee.noDecisionsFound') : t('committee.noDecisions')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('committee.decisionsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('committee.decisionNumber')}</th>
                <th scope="col">{t('committee.decisionTitle')}</th>
                <th scope="col">{t('committee.decidedAt')}</th>
                <th scope="col">{t('committee.decisionResult')}</th>
                <th scope="col">{t('committee.decisionMeeting')}</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d) => (
                <tr key={d.number}>
                  <th scope="row" dir="ltr">{d.number}</th>
                  <td><strong><UserText text={d.title} /></strong><div className="muted"><UserText text={d.text} /></div></td>
                  <td>{formatDate(d.decidedAt)}</td>
                  <td>{t('committee.decisionTotals', { yes: d.result.totals.yes, no: d.result.totals.no, abstain: d.result.totals.abstain })}</td>
                  <td><Link to={meetingPath(d.meetingId)} aria-label={t('committee.meetingOf', { number: d.number })}>{t('committee.openMeeting')}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormErrors error={pages.data ? pages.error : null} />
      {pages.hasNextPage && (
        <button type="button" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>{t('committee.moreDecisions')}</button>
      )}
    </section>
  );
}
