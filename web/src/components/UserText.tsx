// Text that people typed (names, descriptions, notes). Rendered as text, never as HTML, and with dir="auto"
// so Arabic or Hebrew runs right-to-left inside an English or Spanish page.
import type { ElementType } from 'react';

export function UserText({ text, as: Tag = 'span', className }: { text: string; as?: ElementType; className?: string }) {
  return <Tag dir="auto" className={className}>{text}</Tag>;
}

/** Multi-line text: each line takes its own direction, so an Arabic line in a Spanish charter reads right-to-left. */
export function UserParagraphs({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <div className="user-text">
      {lines.map((line, i) => (line.trim() ? <p key={i} dir="auto">{line}</p> : <br key={i} />))}
    </div>
  );
}
