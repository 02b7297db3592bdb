import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints';
import { queries } from '../api/queries';
import { meetingTypeValues, type MeetingAgendaItemRequest, type MeetingType, type ScheduleMeetingRequest } from '../generated/openapi';
import { fieldErrorsOf, FormErrors, SelectField, TextAreaField, TextField } from '../components/Field';
import { Notice } from '../components/Status';
import { useI18n } from '../i18n';
import { newId } from '../spaces/paths';
import { isTimeZone, zonedToIso } from './meetingTime';

interface ItemDraft { key: string; title: string; presenter: string; papers: string }

const draftItem = (): ItemDraft => ({ key: newId(), title: '', presenter: '', papers: '' });

/** The address of a document of this platform, as its page shows it (absolute on this site, or a path): its id. */
const documentAddress = /^(?:https?:\/\/[^/]+)?\/documents\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

function documentIdOf(address: string): string | null {
  const match = documentAddress.exec(address);
  if (!match) return null;
  // Another site's /documents/… is just a link.
  return address.startsWith('/') || new URL(address).origin === globalThis.location?.origin ? match[1].toLowerCase() : null;
}

/**
 * Papers typed one a line as "title | address"; a line with only an address is titled by it. A document's address on
 * this platform becomes the document itself, which readers open if they may see it.
 */
export function papersOf(text: string): { title: string; url: string | null; documentId: string | null }[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const bar = line.lastIndexOf('|');
    const url = (bar < 0 ? line : line.slice(bar + 1)).trim();
    const title = (bar < 0 ? url : line.slice(0, bar)).trim();
    const documentId = documentIdOf(url);
    return documentId ? { title, url: null, documentId } : { title, url, documentId: null };
  });
}

/** For the chair, co-chairs, secretary and coordinators: a meeting or written procedure, at a time in its own zone. */
export function ScheduleMeeting({ committeeId }: { committeeId: string }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  const members = useQuery(queries.members('committee', committeeId));
  // One idempotency key per scheduling: a retried submit cannot schedule twice; a new one after success.
  const [key, setKey] = useState(newId);
  const [form, setForm] = useState(() => ({
    title: '', type: 'regular' as MeetingType, startsAt: '', deadline: '', place: '', onlineLink: '',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  }));
  const [items, setItems] = useState<ItemDraft[]>([draftItem()]);
  const [zoneError, setZoneError] = useState(false);
  const change = (k: string, patch: Partial<ItemDraft>) => setItems(items.map((i) => (i.key === k ? { ...i, ...patch } : i)));
  const schedule = useMutation({
    mutationFn: (body: ScheduleMeetingRequest) => api.scheduleMeeting(committeeId, body, key),
    onSuccess: async () => {
      setKey(newId());
      setForm({ ...form, title: '', startsAt: '', deadline: '' });
      setItems([draftItem()]);
      await cache.invalidateQueries({ queryKey: queries.meetings(committeeId).queryKey });
    },
  });
  const errors = { ...fieldErrorsOf(schedule.error), ...(zoneError ? { timeZone: [t('committee.unknownTimeZone')] } : {}) };
  const written = form.type === 'written-procedure';
  const at = (local: string, zone: string) => (local ? zonedToIso(local, zone) : null);

  return (
    <details className="create-child">
      <summary>{t('committee.schedule')}</summary>
      <form noValidate className="narrow" onSubmit={(e) => {
        e.preventDefault();
        const zone = form.timeZone.trim();
        if (!isTimeZone(zone)) { setZoneError(true); return; }
        setZoneError(false);
        if (schedule.isPending) return;
        const agenda: MeetingAgendaItemRequest[] = items.filter((i) => i.title.trim()).map((i) => ({
          title: i.title.trim(), presenter: i.presenter || null, papers: papersOf(i.papers),
        }));
        schedule.mutate({
          title: form.title.trim(), type: form.type, startsAt: at(form.startsAt, zone), timeZone: zone,
          place: form.place.trim() || null, onlineLink: form.onlineLink.trim() || null,
          deadline: written ? at(form.deadline, zone) : null, agenda,
        });
      }}>
        <FormErrors error={schedule.error} />
        <Notice text={schedule.isSuccess ? t('committee.scheduled') : null} />
        <TextField label={t('committee.meetingTitle')} name="title" required dir="auto" maxLength={200} value={form.title} errors={errors}
          onChange={(e) => setForm({ ...form, title: e.target.value })} />
        <SelectField label={t('committee.meetingTypeLabel')} name="type" value={form.type} errors={errors}
          onChange={(e) => setForm({ ...form, type: e.target.value as MeetingType })}>
          {meetingTypeValues.map((m) => <option key={m} value={m}>{t(`committee.meetingType.${m}`)}</option>)}
        </SelectField>
        <TextField label={t(written ? 'committee.opensAt' : 'committee.startsAt')} name="startsAt" type="datetime-local" required value={form.startsAt}
          errors={errors} onChange={(e) => setForm({ ...form, startsAt: e.target.value })} />
        {written && (
          <TextField label={t('committee.deadline')} name="deadline" type="datetime-local" required value={form.deadline} errors={errors}
            onChange={(e) => setForm({ ...form, deadline: e.target.value })} />
        )}
        <TextField label={t('committee.timeZone')} name="timeZone" hint={t('committee.timeZoneHint')} maxLength={100} value={form.timeZone} errors={errors}
          onChange={(e) => setForm({ ...form, timeZone: e.target.value })} />
        {!written && <>
          <TextField label={t('committee.place')} name="place" dir="auto" maxLength={500} value={form.place} errors={errors}
            onChange={(e) => setForm({ ...form, place: e.target.value })} />
          <TextField label={t('committee.onlineLink')} name="onlineLink" type="url" maxLength={2000} value={form.onlineLink} errors={errors}
            onChange={(e) => setForm({ ...form, onlineLink: e.target.value })} />
        </>}
        <fieldset>
          <legend>{t('committee.agenda')}</legend>
          {items.map((item, index) => (
            <div key={item.key} className="agenda-draft" role="group" aria-label={t('committee.itemNumber', { number: index + 1 })}>
              <TextField label={t('committee.itemTitle', { number: index + 1 })} name={`agenda[${index}].title`} dir="auto" maxLength={200}
                value={item.title} errors={errors} onChange={(e) => change(item.key, { title: e.target.value })} />
              <SelectField label={t('committee.itemPresenter', { number: index + 1 })} name={`agenda[${index}].presenter`} value={item.presenter}
                errors={errors} onChange={(e) => change(item.key, { presenter: e.target.value })}>
                <option value="">{t('committee.nobody')}</option>
                {(members.data ?? []).map((m) => <option key={m.personId} value={m.personId}>{m.name}</option>)}
              </SelectField>
              <TextAreaField label={t('committee.itemPapers', { number: index + 1 })} name={`agenda[${index}].papers`} hint={t('committee.papersHint')}
                rows={2} dir="ltr" value={item.papers} errors={errors} onChange={(e) => change(item.key, { papers: e.target.value })} />
              {items.length > 1 && (
                <button type="button" className="link-button" onClick={() => setItems(items.filter((i) => i.key !== item.key))}>
                  {t('committee.removeItem', { number: index + 1 })}
                </button>
              )}
            </div>
          ))}
          <button type="button" onClick={() => setItems([...items, draftItem()])}>{t('committee.addItem')}</button>
        </fieldset>
        <button type="submit" className="primary" disabled={schedule.isPending}>{t('committee.scheduleButton')}</button>
      </form>
    </details>
  );
}
