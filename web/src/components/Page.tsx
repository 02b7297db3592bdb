import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';

let firstPage = true;

/**
 * A screen's heading and document title. After client-side navigation the heading takes focus, so keyboard
 * and screen-reader users start at the new content (browsers do this for full page loads only).
 */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);
  return (
    <>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1} dir="auto">{title}</h1>
        {actions && <div className="actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
