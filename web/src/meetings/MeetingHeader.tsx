import { api } from '../api/endpoints';
import { ErrorMessage } from '../components/Status';
import { UserText } from '../components/UserText';
import type { MeetingStanding, MeetingView } from '../generated/hub';
import { useI18n } from '../i18n';
import { useHubAction } from '../sessions/useLiveSession';

/** When the meeting starts, on the clock of the place it is held (its time zone), with that zone named. */
export function formatInZone(iso: string, timeZone: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    // A zone this browser does not know: the instant in its own zone rather than nothing.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
  }
}

/** Only web addresses become links: a typed `javascript:` must not run when someone clicks it. */
export const isWebLink = (url: string) => /^https?:\/\//i.test(url);

export function MeetingHeader({ view, you }: { view: MeetingView; you: MeetingStanding | null }) {
  const { t, locale } = useI18n();
  const action = useHubAction();
  const runs = you?.runsMeeting ?? false;
  const sitting = view.status === 'in-progress';
  return (
    <section aria-labelledby="meeting-details" className="room-panel">
      <h2 id="meeting-details" className="visually-hidden">{t('meeting.details')}</h2>
      <dl className="facts">
        <dt>{t('meeting.type')}</dt><dd>{t(`meeting.type.${view.type}`)}</dd>
        <dt>{t('meeting.when')}</dt>
        <dd>{formatInZone(view.startsAt, view.timeZone, locale)} <span className="muted">({view.timeZone})</span></dd>
        {view.deadline && <><dt>{t('meeting.deadline')}</dt><dd>{formatInZone(view.deadline, view.timeZone, locale)}</dd></>}
        {view.place && <><dt>{t('meeting.place')}</dt><dd><UserText text={view.place} /></dd></>}
        {view.onlineLink && (
          <><dt>{t('meeting.onlineLink')}</dt>
            <dd>{isWebLink(view.onlineLink) ? <a href={view.onlineLink} rel="noopener noreferrer" target="_blank">{view.onlineLink}</a> : <UserText text={view.onlineLink} />}</dd></>
        )}
        <dt>{t('meeting.status')}</dt><dd><strong>{t(`meeting.status.${view.status}`)}</strong></dd>
      </dl>
      {runs && (view.status === 'scheduled' || sitting) && (
        <div className="actions">
          {view.status === 'scheduled' && (
            <button type="button" disabled={action.busy} onClick={() => void action.run(() => api.startMeeting(view.meetingId))}>{t('meeting.start')}</button>
          )}
          {sitting && (
            <button type="button" disabled={action.busy} onClick={() => void action.run(() => api.closeMeeting(view.meetingId))}>{t('meeting.close')}</button>
          )}
          <button type="button" disabled={action.busy} onClick={() => {
            if (window.confirm(t('meeting.cancelConfirm'))) void action.run(() => api.cancelMeeting(view.meetingId));
          }}>{t('meeting.cancel')}</button>
        </div>
      )}
      <ErrorMessage error={action.error} />
    </section>
  );
}
