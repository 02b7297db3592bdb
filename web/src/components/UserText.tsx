// Text that people typed (names, descriptions, notes). Rendered as text, never as HTML, and with dir="auto"
// so Arabic or Hebrew runs right-to-left inside an English or Spanish page.
import type { ElementType } from 'react';

export function UserText({ text, as: Tag = 'span', className }: { text: string; as?: ElementType; className?: string }) {
  return <Tag dir="auto" className={className}>{text}</Tag>;
}

/** Multi-line text: paragraphs keep their line breaks. */
export function UserParagraphs({ text }: { text: string }) {
  return <UserText as="p" className="user-text" text={text} />;
}
