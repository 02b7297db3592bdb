// A meeting happens at a wall-clock time in its own zone (Dakar at 09:00), whatever the zone of the browser that
// schedules or reads it: these turn the time typed for a zone into an instant and show an instant in a zone.

function zoneParts(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
}

/** True for a time zone name this browser knows (an IANA name such as "Africa/Dakar"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "2026-03-02T09:00" in `timeZone` as an ISO instant; the offset is read twice so a day that changes offset lands right. */
export function zonedToIso(local: string, timeZone: string): string {
  const [date, time = '00:00'] = local.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let instant = wall - (zoneParts(wall, timeZone) - wall);
  instant = wall - (zoneParts(instant, timeZone) - instant);
  return new Date(instant).toISOString();
}

/** An instant as date and time in `timeZone` (the browser's own when it is unknown), with the zone's name. */
export function formatInZone(iso: string, timeZone: string | null | undefined, locale: string): string {
  const zone = timeZone && isTimeZone(timeZone) ? timeZone : undefined;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(iso))
    + (zone ? ` (${zone})` : '');
}
