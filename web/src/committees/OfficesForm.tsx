import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { CommitteeDetails } from '../generated/openapi';
import { CheckboxField, FormErrors, SelectField } from '../components/Field';
import { ErrorMessage, Loading, Notice } from '../components/Status';
import { useI18n } from '../i18n';
import { usePersonNames } from '../spaces/usePersonNames';

/**
 * For the committee's coordinators: chair, co-chairs and secretary, chosen among the people who may hold an office
 * (a role in the committee, or named for one of its held seats).
 */
export function OfficesForm({ committee }: { committee: CommitteeDetails }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  const members = useQuery(queries.members('committee', committee.id));
  const seats = useQuery(queries.seats(committee.id));
  const seatPeople = (seats.data ?? []).filter((s) => s.status === 'active').flatMap((s) => [s.representative, s.alternate]);
  const seatNames = usePersonNames(seatPeople);
  const candidates = new Map<string, string>((members.data ?? []).map((m) => [m.personId, m.name]));
  for (const id of seatPeople) if (id && !candidates.has(id)) candidates.set(id, seatNames.get(id) ?? t('committee.unknownPerson'));
  const [chair, setChair] = useState(committee.offices.chair ?? '');
  const [secretary, setSecretary] = useState(committee.offices.secretary ?? '');
  const [coChairs, setCoChairs] = useState<string[]>(committee.offices.coChairs);
  const save = useMutation({
    mutationFn: () => api.setOffices(committee.id, { chair: chair || null, coChairs, secretary: secretary || null }),
    onSuccess: () => cache.invalidateQueries({ queryKey: keys.space('committee', committee.id) }),
  });
  const people = [...candidates].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <details className="create-child">
      <summary>{t('committee.editOffices')}</summary>
      {members.isPending ? <Loading /> : members.error ? <ErrorMessage error={members.error} /> : (
        <form noValidate className="narrow" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
          <FormErrors error={save.error} />
          {([['chair', chair, setChair], ['secretary', secretary, setSecretary]] as const).map(([name, value, set]) => (
            <SelectField key={name} label={t(`committee.${name}`)} name={name} value={value} onChange={(e) => set(e.target.value)}>
              <option value="">{t('committee.nobody')}</option>
              {people.map(([id, label]) => <option key={id} value={id}>{label}</option>)}
            </SelectField>
          ))}
          <fieldset>
            <legend>{t('committee.coChairs')}</legend>
            {people.map(([id, label]) => (
              <CheckboxField key={id} label={label} name="coChairs" checked={coChairs.includes(id)}
                onChange={(on) => setCoChairs(on ? [...coChairs, id] : coChairs.filter((c) => c !== id))} />
            ))}
          </fieldset>
          <Notice text={save.isSuccess ? t('committee.saved') : null} />
          <button type="submit" className="primary" disabled={save.isPending}>{t('committee.save')}</button>
        </form>
      )}
    </details>
  );
}
