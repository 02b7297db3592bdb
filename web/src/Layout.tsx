import { useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useSession } from './auth/session';
import { documentLimits } from './documents/documentLimits';
import { searchPath } from './documents/paths';
import { directionOf, localeNames, locales, useI18n, type Locale } from './i18n';

export function Layout() {
  const { t, locale, setLocale } = useI18n();
  const { session, signOut } = useSession();
  const navigate = useNavigate();

  return (
    <>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="site-header">
        <Link to="/" className="brand">{t('app.name')}</Link>
        <nav aria-label={t('nav.main')}>
          <ul>
            {session && <li><NavLink to="/spaces">{t('nav.mySpaces')}</NavLink></li>}
            {session && <li><NavLink to="/me/action-items">{t('committee.myActionItems')}</NavLink></li>}
            {session && <li><NavLink to="/me/feedback-rounds">{t('document.myRounds')}</NavLink></li>}
            {session && <li><NavLink to="/security">{t('nav.security')}</NavLink></li>}
            <li><NavLink to="/directory">{t('nav.directory')}</NavLink></li>
            {!session && <li><NavLink to="/sign-in">{t('nav.signIn')}</NavLink></li>}
            {!session && <li><NavLink to="/register">{t('nav.register')}</NavLink></li>}
            {session && (
              <li>
                <button type="button" className="link-button" onClick={async () => { await signOut(); navigate('/sign-in'); }}>
                  {t('nav.signOut')}
                </button>
              </li>
            )}
          </ul>
        </nav>
        <DocumentSearchBox />
        <div className="language">
          <label htmlFor="language">{t('app.language')}</label>
          <select id="language" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {locales.map((l) => <option key={l} value={l} lang={l} dir={directionOf(l)}>{localeNames[l]}</option>)}
          </select>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <a href="/scalar">{t('app.apiReference')}</a>
      </footer>
    </>
  );
}

/** Search across documents from every page; the results are their own page, so the words end up in its address. */
function DocumentSearchBox() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  return (
    <form role="search" aria-label={t('document.findDocuments')} className="header-search" onSubmit={(e) => {
      e.preventDefault();
      if (text.trim()) navigate(searchPath(text.trim()));
    }}>
      <label htmlFor="header-search" className="visually-hidden">{t('document.findDocuments')}</label>
      <input id="header-search" type="search" dir="auto" maxLength={documentLimits.searchMaxLength} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit">{t('document.findButton')}</button>
    </form>
  );
}
