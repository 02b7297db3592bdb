// A committee's meetings, upcoming first then past, each linking to its room; the schedule form for those who may.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { queries } from '../api/queries';
import type { CommitteeDetails, MeetingSummary } from '../generated/openapi';
import { ErrorMessage, Loading } from '../components/Status';
import { useI18n } from '../i18n';
import { formatInZone } from './meetingTime';
import { ScheduleMeeting } from './ScheduleMeeting';
import { useCommitteeStanding } from './standing';

export const meetingPath = (id: string) => `/meetings/${id}`;

/** Still to come: not closed or cancelled, and not over (a written procedure runs until its deadline). */
export function isUpcoming(m: MeetingSummary, now = Date.now()): boolean {
  if (m.status === 'closed' || m.status === 'cancelled') return false;
  return m.status === 'in-progress' || Date.parse(m.deadline ?? m.startsAt) >= now;
}

export function CommitteeMeetings({ committee }: { committee: CommitteeDetails }) {
  const { t } = useI18n();
  const standing = useCommitteeStanding(committee);
  const meetings = useQuery(queries.meetings(committee.id));
  const all = meetings.data ?? [];
  // The API lists the latest start first: upcoming ones read soonest first, past ones latest first.
  const upcoming = all.filter((m) => isUpcoming(m)).reverse();
  const past = all.filter((m) => !isUpcoming(m));
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('committee.meetingsTitle')}</h2>
      {meetings.isPending ? <Loading /> : meetings.error ? <ErrorMessage error={meetings.error} /> : <>
        <MeetingList id="meetings-upcoming" title={t('committee.upcoming')} meetings={upcoming} empty={t('committee.noUpcoming')} />
        <MeetingList id="meetings-past" title={t('committee.past')} meetings={past} empty={t('committee.noPast')} />
      </>}
      {standing.organises && <ScheduleMeeting committeeId={committee.id} />}
    </section>
  );
}

function MeetingList({ id, title, meetings, empty }: { id: string; title: string; meetings: MeetingSummary[]; empty: string }) {
  const { t, locale } = useI18n();
  return (
    <>
      <h3 id={id}>{title}</h3>
      {meetings.length === 0 ? <p className="muted">{empty}</p> : (
        <ul className="cards" aria-labelledby={id}>
          {meetings.map((m) => (
            <li key={m.meetingId} className="card">
              <Link to={meetingPath(m.meetingId)} dir="auto">{m.title}</Link>
              <p className="muted">
                {t(`committee.meetingType.${m.type}`)} · {t(`committee.meetingStatus.${m.status}`)}
              </p>
              <p>{formatInZone(m.startsAt, m.timeZone, locale)}</p>
              {m.deadline && <p className="muted">{t('committee.deadlineOn', { date: formatInZone(m.deadline, m.timeZone, locale) })}</p>}
              {m.status === 'closed' && <p><Link to={`${meetingPath(m.meetingId)}/minutes`}>{t('committee.minutesLink')}</Link></p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
