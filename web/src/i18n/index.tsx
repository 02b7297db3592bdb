// The app's i18n: one ICU message dictionary per language, formatted by FormatJS (plurals, selects, numbers and
// dates follow each locale's CLDR rules), behind the small useI18n() API the components call.
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { ar } from './ar';
import { en, type Dictionary, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';

export type Locale = 'en' | 'es' | 'fr' | 'ar';
export type { Dictionary, MessageKey };
export const locales: readonly Locale[] = ['en', 'es', 'fr', 'ar'];
/** Each language named in itself, as the switcher shows it. */
export const localeNames: Record<Locale, string> = { en: 'English', es: 'Español', fr: 'Français', ar: 'العربية' };
export const dictionaries: Record<Locale, Dictionary> = { en, es, fr, ar };
const storageKey = 'networkhub.locale';

export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (locale === 'ar' ? 'rtl' : 'ltr');

/** Values for a message's ICU arguments: numbers drive plurals, strings selects and plain text. */
export type Params = Record<string, string | number | Date>;

const cache = createIntlCache();
const intls = new Map<Locale, IntlShape<ReactNode>>();

function intlFor(locale: Locale): IntlShape<ReactNode> {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl<ReactNode>(
      {
        locale,
        defaultLocale: 'en',
        messages: dictionaries[locale],
        // A missing argument or a broken message is a bug to see in development; the user still gets the raw text.
        onError: (error) => {
          if (import.meta.env.DEV) console.error(error);
        },
      },
      cache,
    );
    intls.set(locale, intl);
  }
  return intl;
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return String(intlFor(locale).formatMessage({ id: key }, params));
}

/** A message whose arguments are elements (a name in <bdi>, a link): the parts, ready to render. */
export function translateRich(locale: Locale, key: MessageKey, values: Record<string, ReactNode>): ReactNode {
  return intlFor(locale).formatMessage({ id: key }, values as Record<string, string>);
}

export function hasKey(key: string): key is MessageKey {
  return key in en;
}

function isLocale(value: string | null | undefined): value is Locale {
  return !!value && (locales as readonly string[]).includes(value);
}

/** The saved choice, else the first of the browser's languages we have, else English. */
export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(storageKey);
  if (isLocale(saved)) return saved;
  const preferred = globalThis.navigator?.languages?.length ? globalThis.navigator.languages : [globalThis.navigator?.language ?? ''];
  for (const language of preferred) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export interface I18n {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Params): string;
  formatDate(iso: string, withTime?: boolean): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  countryName(code: string): string;
  /** A user-facing sentence for any failure: the code's text when we have one, else the server's detail. */
  errorText(error: unknown): string;
}

export function createI18n(locale: Locale, setLocale: (l: Locale) => void = () => {}): I18n {
  const intl = intlFor(locale);
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  return {
    locale,
    dir: directionOf(locale),
    setLocale,
    t,
    formatDate: (iso, withTime = false) =>
      intl.formatDate(new Date(iso), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }),
    formatNumber: (value, options) => intl.formatNumber(value, options),
    countryName: (code) => {
      try {
        return intl.formatDisplayName(code, { type: 'region' }) ?? code;
      } catch {
        return code;
      }
    },
    errorText: (error) => {
      if (error instanceof ApiError) {
        const key = `error.${error.code}`;
        if (hasKey(key)) return t(key);
        if (error.detail) return error.detail;
      }
      return t('error.generic');
    },
  };
}

const I18nContext = createContext<I18n>(createI18n('en'));

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocale] = useState<Locale>(fixed ?? initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
    globalThis.localStorage?.setItem(storageKey, locale);
  }, [locale]);
  const value = useMemo(() => createI18n(locale, setLocale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
