// Bar charts drawn with CSS: every bar has its number written next to it, so the chart reads the same to a screen
// reader (a list of labelled values) as it looks.
import { UserText } from '../components/UserText';
import type { StatementVote } from '../generated/hub';

export interface Bar { key: string; label: string; value: number; text: string; tone?: StatementVote }

export function BarChart({ bars, max, label }: { bars: Bar[]; max: number; label: string }) {
  return (
    <ul className="bar-chart" aria-label={label}>
      {bars.map((b) => (
        <li key={b.key}>
          <UserText text={b.label} className="bar-label" />
          <span className="bar-track" aria-hidden="true">
            <span className={`bar-fill ${b.tone ?? ''}`} style={{ width: `${max > 0 ? Math.round((b.value / max) * 100) : 0}%` }} />
          </span>
          <span className="bar-value">{b.text}</span>
        </li>
      ))}
    </ul>
  );
}

export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
