// A tiny typed i18n layer: a dictionary per language, {placeholder} interpolation, and Intl for dates and countries.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { en, type MessageKey } from './en';
import { es } from './es';

export type Locale = 'en' | 'es';
export type { MessageKey };
export const locales: readonly Locale[] = ['en', 'es'];
export const localeNames: Record<Locale, string> = { en: 'English', es: 'Español' };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, es };
const storageKey = 'networkhub.locale';

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = dictionaries[locale][key] ?? en[key];
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

export function hasKey(key: string): key is MessageKey {
  return key in en;
}

export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(storageKey);
  if (saved === 'en' || saved === 'es') return saved;
  const preferred = globalThis.navigator?.language?.slice(0, 2);
  return preferred === 'es' ? 'es' : 'en';
}

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Params): string;
  formatDate(iso: string, withTime?: boolean): string;
  countryName(code: string): string;
  /** A user-facing sentence for any failure: the translated code when we know it, else the server's detail. */
  errorText(error: unknown): string;
}

export function createI18n(locale: Locale, setLocale: (l: Locale) => void = () => {}): I18n {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  let regions: Intl.DisplayNames | null = null;
  try {
    regions = new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    regions = null;
  }
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  return {
    locale,
    setLocale,
    t,
    formatDate: (iso, withTime = false) => (withTime ? dateTimes : dates).format(new Date(iso)),
    countryName: (code) => {
      try {
        return regions?.of(code) ?? code;
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
    globalThis.localStorage?.setItem(storageKey, locale);
  }, [locale]);
  const value = useMemo(() => createI18n(locale, setLocale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
