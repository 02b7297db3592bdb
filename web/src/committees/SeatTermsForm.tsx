import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import type { Seat } from '../generated/openapi';
import { fieldErrorsOf, FormErrors } from '../components/Field';
import { useI18n } from '../i18n';
import { dayToIso, isoToDay, TermsFields, type TermsDraft } from './seatTerms';

/** For the committee's coordinators: the kind, term and allotment of one seat. */
export function SeatTermsForm({ committeeId, seat, onDone, onCancel }: { committeeId: string; seat: Seat; onDone(): Promise<unknown>; onCancel(): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<TermsDraft>({
    kind: seat.kind, termStart: isoToDay(seat.termStart), termEnd: isoToDay(seat.termEnd), allotment: String(seat.allotment),
  });
  const save = useMutation({
    mutationFn: () => api.changeSeat(committeeId, seat.seatId, {
      kind: draft.kind, termStart: dayToIso(draft.termStart) ?? seat.termStart, termEnd: dayToIso(draft.termEnd), allotment: Number(draft.allotment),
    }),
    onSuccess: onDone,
  });
  return (
    <form noValidate className="narrow" aria-labelledby="seat-terms-heading" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <h3 id="seat-terms-heading">{t('committee.changeTermsOf', { name: seat.organisationName })}</h3>
      <FormErrors error={save.error} />
      <TermsFields draft={draft} onChange={setDraft} errors={fieldErrorsOf(save.error)} />
      <div className="row-actions">
        <button type="submit" className="primary" disabled={save.isPending}>{t('committee.save')}</button>
        <button type="button" onClick={onCancel}>{t('committee.cancel')}</button>
      </div>
    </form>
  );
}
