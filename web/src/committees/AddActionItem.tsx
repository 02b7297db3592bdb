import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { keys, queries } from '../api/queries';
import type { ActionItemRequest, Seat } from '../generated/openapi';
import { fieldErrorsOf, FormErrors, SelectField, TextAreaField, TextField } from '../components/Field';
import { Notice } from '../components/Status';
import { useI18n } from '../i18n';
import { newId } from '../spaces/paths';
import { dayToIso } from './seatTerms';

/** For the chair, secretary and coordinators: a new action item, owed by one person of the committee or one held seat. */
export function AddActionItem({ committeeId, seats }: { committeeId: string; seats: readonly Seat[] }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  const members = useQuery(queries.members('committee', committeeId));
  const [key, setKey] = useState(newId);
  const empty = { title: '', notes: '', assignee: '', dueAt: '', decisionNumber: '' };
  const [form, setForm] = useState(empty);
  const add = useMutation({
    mutationFn: (body: ActionItemRequest) => api.addActionItem(committeeId, body, key),
    onSuccess: async () => {
      setKey(newId());
      setForm(empty);
      await cache.invalidateQueries({ queryKey: [...keys.space('committee', committeeId), 'action-items'] });
    },
  });
  const errors = fieldErrorsOf(add.error);
  // "person:<id>" or "seat:<id>": one select names either.
  const [kind, id] = form.assignee.split(':');
  return (
    <details className="create-child">
      <summary>{t('committee.addActionItem')}</summary>
      <form noValidate className="narrow" onSubmit={(e) => {
        e.preventDefault();
        if (add.isPending) return;
        add.mutate({
          title: form.title.trim(), notes: form.notes.trim() || null,
          assigneePersonId: kind === 'person' ? id : null, assigneeSeatId: kind === 'seat' ? id : null,
          dueAt: dayToIso(form.dueAt), meetingId: null, decisionNumber: form.decisionNumber.trim() || null,
        });
      }}>
        <FormErrors error={add.error} />
        <Notice text={add.isSuccess ? t('committee.actionItemAdded') : null} />
        <TextField label={t('committee.actionTitle')} name="title" required dir="auto" maxLength={200} value={form.title} errors={errors}
          onChange={(e) => setForm({ ...form, title: e.target.value })} />
        <TextAreaField label={t('committee.actionNotes')} name="notes" maxLength={10000} value={form.notes} errors={errors}
          onChange={(e) => setForm({ ...form, notes: e.target.value })} />
        <SelectField label={t('committee.assignee')} name="assigneePersonId" value={form.assignee} errors={errors}
          onChange={(e) => setForm({ ...form, assignee: e.target.value })}>
          <option value="">{t('committee.chooseAssignee')}</option>
          <optgroup label={t('committee.assigneePeople')}>
            {(members.data ?? []).map((m) => <option key={m.personId} value={`person:${m.personId}`}>{m.name}</option>)}
          </optgroup>
          <optgroup label={t('committee.assigneeSeats')}>
            {seats.filter((s) => s.status === 'active').map((s) => <option key={s.seatId} value={`seat:${s.seatId}`}>{s.organisationName}</option>)}
          </optgroup>
        </SelectField>
        <TextField label={t('committee.dueAt')} name="dueAt" type="date" value={form.dueAt} errors={errors}
          onChange={(e) => setForm({ ...form, dueAt: e.target.value })} />
        <TextField label={t('committee.decisionNumber')} name="decisionNumber" dir="ltr" maxLength={100} value={form.decisionNumber} errors={errors}
          onChange={(e) => setForm({ ...form, decisionNumber: e.target.value })} />
        <button type="submit" className="primary" disabled={add.isPending}>{t('committee.addActionItemButton')}</button>
      </form>
    </details>
  );
}
