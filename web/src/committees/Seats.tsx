// A committee's seats: who holds each, on what terms. The committee's coordinators offer, change and end seats; the
// coordinators of the organisation offered or holding a seat answer for it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { CommitteeDetails, Seat } from '../generated/openapi';
import { FormErrors } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { usePersonNames } from '../spaces/usePersonNames';
import { SeatInvite } from './SeatInvite';
import { SeatPeopleForm } from './SeatPeopleForm';
import { SeatTermsForm } from './SeatTermsForm';
import { shownStatus } from './seatTerms';
import { useCommitteeStanding } from './standing';

type Open = { seatId: string; form: 'terms' | 'people' } | null;

export function Seats({ committee }: { committee: CommitteeDetails }) {
  const { t } = useI18n();
  const standing = useCommitteeStanding(committee);
  const cache = useQueryClient();
  const seats = useQuery(queries.seats(committee.id));
  // The organisations the person coordinates answer for their seats here.
  const mySpaces = useQuery({ ...queries.mySpaces(), enabled: !!standing.personId });
  const coordinates = new Set((mySpaces.data ?? []).filter((s) => s.space.kind === 'organisation' && s.yourRole === 'coordinator').map((s) => s.space.id));
  const names = usePersonNames((seats.data ?? []).flatMap((s) => [s.representative, s.alternate]));
  const [open, setOpen] = useState<Open>(null);
  const refresh = () => cache.invalidateQueries({ queryKey: keys.space('committee', committee.id) });
  const act = useMutation({
    mutationFn: ({ seat, action }: { seat: Seat; action: 'end' | 'decline' | 'step-down' }) => api.seatAction(committee.id, seat.seatId, action),
    onSuccess: refresh,
  });
  const openSeat = open ? seats.data?.find((s) => s.seatId === open.seatId) : undefined;
  const closeForm = async () => { setOpen(null); await refresh(); };
  const person = (id: string | null) => (id ? <UserText text={names.get(id) ?? t('committee.unknownPerson')} /> : '—');

  return (
    <section aria-labelledby="seats-heading">
      <h2 id="seats-heading">{t('committee.seatsTitle')}</h2>
      {seats.isPending ? <Loading /> : seats.error ? <ErrorMessage error={seats.error} /> : seats.data.length === 0 ? (
        <p className="muted">{t('committee.noSeats')}</p>
      ) : (
        <div className="table-scroll">
          <FormErrors error={act.error} />
          <table className="data-table">
            <caption className="visually-hidden">{t('committee.seatsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('committee.seatOrganisation')}</th>
                <th scope="col">{t('committee.seatKind')}</th>
                <th scope="col">{t('committee.seatTerm')}</th>
                <th scope="col">{t('committee.seatAllotment')}</th>
                <th scope="col">{t('committee.representative')}</th>
                <th scope="col">{t('committee.alternate')}</th>
                <th scope="col">{t('committee.seatStatus')}</th>
                <th scope="col"><span className="visually-hidden">{t('committee.seatActions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {seats.data.map((seat) => {
                const status = shownStatus(seat);
                const live = status === 'invited' || status === 'active';
                const answers = live && coordinates.has(seat.organisationId);
                const org = seat.organisationName;
                return (
                  <tr key={seat.seatId}>
                    <th scope="row"><Link to={`/organisations/${seat.organisationId}`}><UserText text={org} /></Link></th>
                    <td>{t(`committee.seatKind.${seat.kind}`)}</td>
                    <td><Term seat={seat} /></td>
                    <td>{seat.allotment}</td>
                    <td>{person(seat.representative)}</td>
                    <td>{person(seat.alternate)}</td>
                    <td>{t(`committee.seatStatus.${status}`)}</td>
                    <td>
                      <div className="row-actions">
                        {standing.coordinator && live && <>
                          <button type="button" onClick={() => setOpen({ seatId: seat.seatId, form: 'terms' })}
                            aria-label={t('committee.changeTermsOf', { name: org })}>{t('committee.changeTerms')}</button>
                          <button type="button" className="danger" disabled={act.isPending} aria-label={t('committee.endSeatOf', { name: org })}
                            onClick={() => { if (window.confirm(t('committee.endSeatConfirm', { name: org }))) act.mutate({ seat, action: 'end' }); }}>
                            {t('committee.endSeat')}
                          </button>
                        </>}
                        {answers && <>
                          <button type="button" onClick={() => setOpen({ seatId: seat.seatId, form: 'people' })}
                            aria-label={t(status === 'invited' ? 'committee.acceptSeatOf' : 'committee.nameRepresentativesOf', { name: org })}>
                            {t(status === 'invited' ? 'committee.acceptSeat' : 'committee.nameRepresentatives')}
                          </button>
                          <button type="button" className="danger" disabled={act.isPending}
                            aria-label={t(status === 'invited' ? 'committee.declineSeatOf' : 'committee.stepDownOf', { name: org })}
                            onClick={() => {
                              const action = status === 'invited' ? 'decline' : 'step-down';
                              if (window.confirm(t(action === 'decline' ? 'committee.declineConfirm' : 'committee.stepDownConfirm', { name: org }))) act.mutate({ seat, action });
                            }}>
                            {t(status === 'invited' ? 'committee.declineSeat' : 'committee.stepDown')}
                          </button>
                        </>}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {openSeat && (open?.form === 'terms'
        ? <SeatTermsForm key={openSeat.seatId} committeeId={committee.id} seat={openSeat} onDone={closeForm} onCancel={() => setOpen(null)} />
        : <SeatPeopleForm key={openSeat.seatId} committeeId={committee.id} seat={openSeat} onDone={closeForm} onCancel={() => setOpen(null)} />)}
      {standing.coordinator && <SeatInvite committeeId={committee.id} seats={seats.data ?? []} onInvited={refresh} />}
    </section>
  );
}

function Term({ seat }: { seat: Seat }) {
  const { t, formatDate } = useI18n();
  return <>{seat.termEnd
    ? t('committee.termFromTo', { start: formatDate(seat.termStart), end: formatDate(seat.termEnd) })
    : t('committee.termFrom', { start: formatDate(seat.termStart) })}</>;
}
