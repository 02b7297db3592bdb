import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { queries } from '../api/queries';
import type { Seat } from '../generated/openapi';
import { fieldErrorsOf, FormErrors, SelectField } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { useI18n } from '../i18n';

/**
 * For the organisation's coordinators: accept an offered seat, or rename the people of a held one. Representative and
 * alternate are people of the organisation, so they are chosen from its members.
 */
export function SeatPeopleForm({ committeeId, seat, onDone, onCancel }: { committeeId: string; seat: Seat; onDone(): Promise<unknown>; onCancel(): void }) {
  const { t } = useI18n();
  const members = useQuery(queries.members('organisation', seat.organisationId));
  const [representative, setRepresentative] = useState(seat.representative ?? '');
  const [alternate, setAlternate] = useState(seat.alternate ?? '');
  const accepting = seat.status === 'invited';
  const save = useMutation({
    mutationFn: () => {
      const body = { representative: representative || null, alternate: alternate || null };
      return accepting ? api.acceptSeat(committeeId, seat.seatId, body) : api.nameSeatPeople(committeeId, seat.seatId, body);
    },
    onSuccess: onDone,
  });
  const errors = fieldErrorsOf(save.error);
  const title = t(accepting ? 'committee.acceptSeatOf' : 'committee.nameRepresentativesOf', { name: seat.organisationName });
  return (
    <form noValidate className="narrow" aria-labelledby="seat-people-heading" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <h3 id="seat-people-heading">{title}</h3>
      <FormErrors error={save.error} />
      {members.isPending ? <Loading /> : members.error ? <ErrorMessage error={members.error} /> : <>
        {([['representative', representative, setRepresentative], ['alternate', alternate, setAlternate]] as const).map(([name, value, set]) => (
          <SelectField key={name} label={t(`committee.${name}`)} name={name} value={value} errors={errors} onChange={(e) => set(e.target.value)}>
            <option value="">{t('committee.nobody')}</option>
            {members.data.map((m) => <option key={m.personId} value={m.personId}>{m.name}</option>)}
          </SelectField>
        ))}
      </>}
      <div className="row-actions">
        <button type="submit" className="primary" disabled={save.isPending || members.isPending}>{t(accepting ? 'committee.acceptSeat' : 'committee.save')}</button>
        <button type="button" onClick={onCancel}>{t('committee.cancel')}</button>
      </div>
    </form>
  );
}
