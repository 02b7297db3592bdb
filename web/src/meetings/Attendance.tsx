import { useState } from 'react';
import { api } from '../api/endpoints';
import { ErrorMessage } from '../components/Status';
import { UserText } from '../components/UserText';
import type { AttendanceStatus, MeetingStanding, MeetingView } from '../generated/hub';
import type { Seat } from '../generated/openapi';
import { attendanceStatusValues } from '../generated/openapi';
import { useI18n } from '../i18n';
import { useHubAction } from '../sessions/useLiveSession';
import type { SeatName } from './MeetingRoom';

/** The quorum as it stands, announced politely to screen readers whenever attendance changes it. */
export function Quorum({ view }: { view: MeetingView }) {
  const { t } = useI18n();
  const { quorum } = view;
  return (
    <p role="status" aria-live="polite" className={quorum.met ? 'notice' : 'muted'}>
      {t(quorum.met ? 'meeting.quorumMet' : 'meeting.quorumNotMet', { present: quorum.presentAllotments, required: quorum.required, total: quorum.votingAllotments })}
    </p>
  );
}

/**
 * Attendance by seat, recorded by whoever runs the meeting, and the proxies: a seat's representative gives its vote
 * to another seat, or takes it back, until the first vote opens.
 */
export function Attendance({ view, you, seats, seatName }: { view: MeetingView; you: MeetingStanding | null; seats: Seat[]; seatName: SeatName }) {
  const { t } = useI18n();
  const record = useHubAction();
  const open = view.status === 'scheduled' || view.status === 'in-progress';
  const statusOf = (seatId: string): AttendanceStatus => view.attendance.find((a) => a.seatId === seatId)?.status ?? 'absent';
  const proxyOf = (seatId: string) => view.proxies.find((p) => p.seatId === seatId) ?? null;
  const runs = (you?.runsMeeting ?? false) && open;
  return (
    <section aria-labelledby="meeting-attendance" className="room-panel">
      <h2 id="meeting-attendance">{t('meeting.attendance')}</h2>
      <Quorum view={view} />
      <ul className="seats">
        {seats.map((seat) => {
          const proxy = proxyOf(seat.seatId);
          return (
            <li key={seat.seatId}>
              <UserText text={seat.organisationName} />{' '}
              <span className="muted">{seat.votes === false || seat.allotment === 0 ? t('meeting.observerSeat') : t('meeting.allotment', { count: seat.allotment })}</span>
              {runs ? (
                <label className="choice">
                  <span className="visually-hidden">{t('meeting.attendanceOf', { seat: seat.organisationName })}</span>
                  <select value={statusOf(seat.seatId)} disabled={record.busy}
                    onChange={(e) => {
                      // Read now: the select shows the recorded status again until the change comes back through the hub.
                      const status = e.target.value as AttendanceStatus;
                      void record.run(() => api.recordAttendance(view.meetingId, seat.seatId, status));
                    }}>
                    {attendanceStatusValues.map((s) => <option key={s} value={s}>{t(`meeting.attendance.${s}`)}</option>)}
                  </select>
                </label>
              ) : (
                <div>{t(`meeting.attendance.${statusOf(seat.seatId)}`)}</div>
              )}
              {proxy && <div className="muted">{t('meeting.proxyHeldBy', { seat: seatName(proxy.holderSeatId) })}</div>}
              {open && you?.representedSeats.includes(seat.seatId) && (
                <ProxyControl view={view} seat={seat} seats={seats} given={proxy?.holderSeatId ?? null} />
              )}
            </li>
          );
        })}
      </ul>
      <ErrorMessage error={record.error} />
    </section>
  );
}

function ProxyControl({ view, seat, seats, given }: { view: MeetingView; seat: Seat; seats: Seat[]; given: string | null }) {
  const { t } = useI18n();
  const action = useHubAction();
  const holders = seats.filter((s) => s.seatId !== seat.seatId && s.votes !== false && s.allotment > 0);
  const [holder, setHolder] = useState('');
  // Proxies are fixed once the meeting's first vote opens.
  if (view.votes.length > 0) return null;
  return (
    <div>
      {given ? (
        <button type="button" disabled={action.busy} onClick={() => void action.run(() => api.revokeProxy(view.meetingId, seat.seatId))}>
          {t('meeting.revokeProxy')}
        </button>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); if (holder) void action.run(() => api.giveProxy(view.meetingId, seat.seatId, holder)); }}>
          <label>
            {t('meeting.proxyTo', { seat: seat.organisationName })}
            <select value={holder} onChange={(e) => setHolder(e.target.value)}>
              <option value="">{t('meeting.chooseSeat')}</option>
              {holders.map((h) => <option key={h.seatId} value={h.seatId}>{h.organisationName}</option>)}
            </select>
          </label>
          <button type="submit" disabled={action.busy || !holder}>{t('meeting.giveProxy')}</button>
        </form>
      )}
      <ErrorMessage error={action.error} />
    </div>
  );
}
