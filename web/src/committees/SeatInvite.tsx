import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { queries } from '../api/queries';
import type { DirectoryEntry, Seat } from '../generated/openapi';
import { fieldErrorsOf, FormErrors, TextField } from '../components/Field';
import { Notice } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { limits } from '../generated/errors';
import { dayToIso, shownStatus, TermsFields, type TermsDraft } from './seatTerms';

/** For the committee's coordinators: find an organisation in the directory and offer it a seat on these terms. */
export function SeatInvite({ committeeId, seats, onInvited }: { committeeId: string; seats: Seat[]; onInvited(): Promise<unknown> }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [terms, setTerms] = useState<TermsDraft>({ kind: 'invited', termStart: '', termEnd: '', allotment: '1' });
  const search = useInfiniteQuery({ ...queries.directory('organisations', { q: asked ?? '' }, 10), enabled: asked !== null });
  const results: DirectoryEntry[] | null = search.data?.pages[0].items ?? null;
  const invite = useMutation({
    mutationFn: (organisation: DirectoryEntry) => api.inviteSeat(committeeId, {
      organisationId: organisation.id, kind: terms.kind, termStart: dayToIso(terms.termStart), termEnd: dayToIso(terms.termEnd),
      allotment: Number(terms.allotment),
    }),
    onSuccess: onInvited,
  });
  // One offered or held seat per organisation: the result says what it has instead of offering a second one.
  const seatOf = (id: string) => seats.find((s) => s.organisationId === id && ['invited', 'active'].includes(shownStatus(s)));
  const errors = fieldErrorsOf(invite.error);

  return (
    <details className="create-child">
      <summary>{t('committee.inviteTitle')}</summary>
      <div className="narrow">
        <form noValidate role="search" aria-label={t('committee.inviteTitle')} onSubmit={(e) => {
          e.preventDefault();
          invite.reset();
          setAsked(query.trim());
        }}>
          <FormErrors error={search.error} />
          <TextField label={t('committee.inviteSearch')} name="q" type="search" dir="auto" maxLength={limits.nameMaxLength} value={query}
            onChange={(e) => setQuery(e.target.value)} />
          <button type="submit" disabled={search.isFetching}>{t('coalitionInvite.searchButton')}</button>
        </form>
        <TermsFields draft={terms} onChange={setTerms} errors={errors} />
        <Notice text={invite.isSuccess ? t('committee.invited', { name: invite.variables.name }) : null} />
        <FormErrors error={invite.error} />
        {results && (results.length ? (
          <ul className="rows" aria-label={t('coalitionInvite.results')}>
            {results.map((r) => {
              const seat = seatOf(r.id);
              return (
                <li key={r.id} className="row-item">
                  <UserText text={r.name} />
                  {seat ? <span className="muted">{t(`committee.seatStatus.${shownStatus(seat)}`)}</span> : (
                    <button type="button" disabled={invite.isPending} aria-label={t('committee.inviteLabel', { name: r.name })}
                      onClick={() => invite.mutate(r)}>{t('committee.invite')}</button>
                  )}
                </li>
              );
            })}
          </ul>
        ) : <p className="muted">{t('coalitionInvite.noResults')}</p>)}
      </div>
    </details>
  );
}
