// A forum's live sessions, with a link to each room, and the schedule form for its coordinators. Part of the forum
// page (the main chunk), so it uses only the REST client; the room itself is a separate chunk.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/endpoints';
import { queries } from '../api/queries';
import type { SpaceRole } from '../generated/openapi';
import { FormErrors, SelectField, TextField, fieldErrorsOf } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { UserText } from '../components/UserText';
import { useI18n } from '../i18n';
import { newId } from '../spaces/paths';
import { agendaFormatValues as agendaFormats, type AgendaFormat, type AgendaItemRequest, type ScheduleSessionRequest } from '../generated/openapi';
import { limits } from '../generated/errors';

// Poll options are typed one per line: room for every allowed option and its line break.
const pollOptionsMaxLength = limits.liveSession.maxPollOptions * (limits.liveSession.titleMaxLength + 1);

export const forumSessionsPath = (forumId: string) => `/api/v1/forums/${encodeURIComponent(forumId)}/sessions`;
export const sessionPath = (id: string) => `/sessions/${id}`;

export function ForumSessions({ forumId, yourRole }: { forumId: string; yourRole: SpaceRole | null }) {
  const { t, formatDate } = useI18n();
  // Only members see the list; others would only be refused.
  const sessions = useQuery({ ...queries.forumSessions(forumId), enabled: yourRole !== null });
  if (!yourRole) return null;
  return (
    <section aria-labelledby="forum-sessions">
      <h2 id="forum-sessions">{t('sessions.title')}</h2>
      {sessions.isPending ? <Loading /> : sessions.error ? <ErrorMessage error={sessions.error} /> : (
        sessions.data?.length ? (
          <ul className="cards">
            {sessions.data.map((s) => (
              <li key={s.id} className="card">
                <Link to={sessionPath(s.id)} dir="auto">{s.title}</Link>
                <p className="muted">{formatDate(s.startsAt, true)} · {t(`status.${s.status}`)}</p>
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('sessions.none')}</p>
      )}
      {yourRole === 'coordinator' && <ScheduleSession forumId={forumId} />}
    </section>
  );
}

interface ItemDraft { key: string; title: string; format: AgendaFormat; minutes: string; options: string; rooms: string }

const draftItem = (): ItemDraft => ({ key: newId(), title: '', format: 'plenary', minutes: '10', options: '', rooms: '2' });
const localInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

function toRequest(item: ItemDraft): AgendaItemRequest {
  const request: AgendaItemRequest = { title: item.title.trim(), format: item.format, plannedMinutes: Number(item.minutes) || 1 };
  if (item.format === 'poll') request.poll = { options: item.options.split('\n').map((o) => o.trim()).filter(Boolean) };
  if (item.format === 'breakout') request.breakout = { rooms: Number(item.rooms) || 1 };
  return request;
}

function ScheduleSession({ forumId }: { forumId: string }) {
  const { t } = useI18n();
  const cache = useQueryClient();
  // One idempotency key per scheduling: a retried submit cannot schedule the session twice; a new one after success.
  const [key, setKey] = useState(newId);
  // The clock is read once, for the first draft, not on every render.
  const [form, setForm] = useState(() => {
    const start = new Date(Date.now() + 3_600_000);
    return {
      title: '', startsAt: localInput(start), endsAt: localInput(new Date(start.getTime() + 7_200_000)),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    };
  });
  const [items, setItems] = useState<ItemDraft[]>([draftItem()]);
  const change = (key: string, patch: Partial<ItemDraft>) => setItems(items.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const schedule = useMutation({
    mutationFn: (body: ScheduleSessionRequest) => api.scheduleSession(forumId, body, key),
    onSuccess: async () => {
      setKey(newId());
      setForm({ ...form, title: '' });
      setItems([draftItem()]);
      await cache.invalidateQueries({ queryKey: queries.forumSessions(forumId).queryKey });
    },
  });
  const errors = fieldErrorsOf(schedule.error);
  return (
    <details className="create-child">
      <summary>{t('sessions.schedule')}</summary>
      <form noValidate className="narrow" onSubmit={(e) => {
        e.preventDefault();
        if (schedule.isPending) return;
        schedule.mutate({
          title: form.title.trim(), description: null, languages: null, timeZone: form.timeZone.trim() || 'UTC',
          startsAt: new Date(form.startsAt).toISOString(), endsAt: new Date(form.endsAt).toISOString(),
          agenda: items.map(toRequest),
        });
      }}>
        <FormErrors error={schedule.error} />
        <TextField label={t('sessions.sessionTitle')} name="title" required dir="auto" maxLength={limits.liveSession.titleMaxLength} value={form.title} errors={errors}
          onChange={(e) => setForm({ ...form, title: e.target.value })} />
        <TextField label={t('sessions.startsAt')} name="startsAt" type="datetime-local" required value={form.startsAt} errors={errors}
          onChange={(e) => setForm({ ...form, startsAt: e.target.value })} />
        <TextField label={t('sessions.endsAt')} name="endsAt" type="datetime-local" required value={form.endsAt} errors={errors}
          onChange={(e) => setForm({ ...form, endsAt: e.target.value })} />
        <TextField label={t('sessions.timeZone')} name="timeZone" maxLength={limits.liveSession.timeZoneMaxLength} value={form.timeZone} errors={errors}
          onChange={(e) => setForm({ ...form, timeZone: e.target.value })} />
        <fieldset>
          <legend>{t('sessions.agenda')}</legend>
          {items.map((item, index) => (
            <div key={item.key} className="agenda-draft" role="group" aria-label={t('sessions.itemNumber', { number: index + 1 })}>
              <TextField label={t('sessions.itemTitle', { number: index + 1 })} name={`agenda[${index}].title`} required dir="auto" maxLength={limits.liveSession.titleMaxLength}
                value={item.title} errors={errors} onChange={(e) => change(item.key, { title: e.target.value })} />
              <SelectField label={t('sessions.itemFormat', { number: index + 1 })} name={`agenda[${index}].format`} value={item.format}
                errors={errors} onChange={(e) => change(item.key, { format: e.target.value as AgendaFormat })}>
                {agendaFormats.map((f) => <option key={f} value={f}>{t(`format.${f}`)}</option>)}
              </SelectField>
              <TextField label={t('sessions.itemMinutes', { number: index + 1 })} name={`agenda[${index}].plannedMinutes`} type="number"
                min={1} max={limits.liveSession.maxPlannedMinutes} inputMode="numeric" value={item.minutes} errors={errors} onChange={(e) => change(item.key, { minutes: e.target.value })} />
              {item.format === 'poll' && (
                <SelectLines label={t('sessions.pollOptions', { number: index + 1 })} value={item.options}
                  onChange={(options) => change(item.key, { options })} />
              )}
              {item.format === 'breakout' && (
                <TextField label={t('sessions.rooms', { number: index + 1 })} name={`agenda[${index}].breakout.rooms`} type="number" min={1} max={limits.liveSession.maxRooms}
                  value={item.rooms} errors={errors} onChange={(e) => change(item.key, { rooms: e.target.value })} />
              )}
              {items.length > 1 && (
                <button type="button" className="link-button" onClick={() => setItems(items.filter((i) => i.key !== item.key))}>
                  {t('sessions.removeItem', { number: index + 1 })}
                </button>
              )}
            </div>
          ))}
          <button type="button" onClick={() => setItems([...items, draftItem()])}>{t('sessions.addItem')}</button>
        </fieldset>
        <button type="submit" className="primary" disabled={schedule.isPending}>{t('sessions.scheduleButton')}</button>
      </form>
    </details>
  );
}

function SelectLines({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label>
        {label}
        <span className="hint"> {t('sessions.onePerLine')}</span>
        <textarea dir="auto" rows={3} maxLength={pollOptionsMaxLength} value={value} onChange={(e) => onChange(e.target.value)} />
      </label>
    </div>
  );
}

/** Upcoming sessions of the forums someone belongs to, for My spaces. */
export function UpcomingSessions({ forumIds }: { forumIds: string[] }) {
  const { t, formatDate } = useI18n();
  // The same cache entries as each forum's page; a forum that cannot be read just adds nothing.
  const upcoming = useQueries({
    queries: forumIds.map((id) => queries.forumSessions(id)),
    combine: (results) => results.flatMap((r) => r.data ?? [])
      .filter((s) => s.status !== 'closed').sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
  });
  if (!upcoming.length) return null;
  return (
    <section aria-labelledby="upcoming-sessions">
      <h2 id="upcoming-sessions">{t('sessions.upcoming')}</h2>
      <ul className="cards">
        {upcoming.map((s) => (
          <li key={s.id} className="card">
            <Link to={sessionPath(s.id)}><UserText text={s.title} /></Link>
            <p className="muted">{formatDate(s.startsAt, true)} · {t(`status.${s.status}`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
