import { Fragment, type ReactNode } from 'react';
import { translateRich, useI18n, type MessageKey } from './index';

/** A message whose placeholders are elements (a user's name in <bdi>, a link), not strings. */
export function Trans({ k, values }: { k: MessageKey; values: Record<string, ReactNode> }) {
  const { locale } = useI18n();
  const parts = translateRich(locale, k, values);
  // The parts keep the message's order, which differs between languages; their position is their identity.
  return <>{Array.isArray(parts) ? parts.map((part: ReactNode, i) => <Fragment key={i}>{part}</Fragment>) : parts}</>;
}
