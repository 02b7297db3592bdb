import { Fragment, type ReactNode } from 'react';
import { useI18n, type MessageKey } from './index';

/** A message whose placeholders are elements (a user's name in <bdi>, a link), not strings. */
export function Trans({ k, values }: { k: MessageKey; values: Record<string, ReactNode> }) {
  const { t } = useI18n();
  const parts = t(k).split(/(\{\w+\})/);
  return (
    <>
      {parts.map((part, i) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return <Fragment key={i}>{name && name in values ? values[name] : part}</Fragment>;
      })}
    </>
  );
}
