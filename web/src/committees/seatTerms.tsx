// The terms of a seat: how its status reads once its term is over, and the form's fields for kind, term (dates) and
// allotment, shared by offering and changing a seat.
import { seatKindValues, type Seat, type SeatKind, type SeatStatus } from '../generated/openapi';
import { SelectField, TextField } from '../components/Field';
import { useI18n } from '../i18n';

/** A seat whose term is over is vacant, even before the committee's reminder has ended it. */
export function shownStatus(seat: Seat, now = Date.now()): SeatStatus {
  const over = seat.termEnd !== null && Date.parse(seat.termEnd) <= now;
  return over && (seat.status === 'active' || seat.status === 'invited') ? 'vacant' : seat.status;
}

export interface TermsDraft { kind: SeatKind; termStart: string; termEnd: string; allotment: string }

/** A date typed as yyyy-mm-dd, as the start of that day in UTC; an empty one as none. */
export const dayToIso = (day: string) => (day ? `${day}T00:00:00Z` : null);
export const isoToDay = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** An observer seat carries no votes; the allotment field follows a change of kind to and from observer. */
export function withKind(draft: TermsDraft, kind: SeatKind): TermsDraft {
  const allotment = kind === 'observer' ? '0' : draft.kind === 'observer' ? '1' : draft.allotment;
  return { ...draft, kind, allotment };
}

export function TermsFields({ draft, onChange, errors }: { draft: TermsDraft; onChange(d: TermsDraft): void; errors: Readonly<Record<string, string[]>> }) {
  const { t } = useI18n();
  return (
    <>
      <SelectField label={t('committee.seatKind')} name="kind" value={draft.kind} errors={errors}
        onChange={(e) => onChange(withKind(draft, e.target.value as SeatKind))}>
        {seatKindValues.map((k) => <option key={k} value={k}>{t(`committee.seatKind.${k}`)}</option>)}
      </SelectField>
      <TextField label={t('committee.termStart')} name="termStart" type="date" value={draft.termStart} errors={errors}
        onChange={(e) => onChange({ ...draft, termStart: e.target.value })} />
      <TextField label={t('committee.termEnd')} name="termEnd" type="date" hint={t('committee.termEndHint')} value={draft.termEnd} errors={errors}
        onChange={(e) => onChange({ ...draft, termEnd: e.target.value })} />
      <TextField label={t('committee.seatAllotment')} name="allotment" type="number" inputMode="numeric" min={draft.kind === 'observer' ? 0 : 1} max={100}
        hint={t('committee.allotmentHint')} value={draft.allotment} errors={errors}
        onChange={(e) => onChange({ ...draft, allotment: e.target.value })} />
    </>
  );
}
