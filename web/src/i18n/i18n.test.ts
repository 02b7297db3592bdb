import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { act, render } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { errorCodes } from '../generated/errors';
import { createI18n, dictionaries, I18nProvider, initialLocale, locales, translate, useI18n, type I18n } from './index';
import { en, type MessageKey } from './en';

/** The arguments a message takes, with their kind, found anywhere in it (inside plural branches too). */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument) found.add(`${element.value}`);
      if (element.type === TYPE.number) found.add(`${element.value}:number`);
      if (element.type === TYPE.date || element.type === TYPE.time) found.add(`${element.value}:date`);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        found.add(`${element.value}:${element.type === TYPE.plural ? 'number' : 'select'}`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  // A plain {count} and {count, plural, …} both take a number: they are the same argument for the caller.
  return [...found].map((a) => a.replace(/:number$/, '')).filter((a, i, all) => all.indexOf(a) === i).sort();
}

describe('i18n', () => {
  it('has a non-empty, well-formed text for every key in every language, and no extra keys', () => {
    for (const locale of locales) {
      const dictionary = dictionaries[locale];
      expect(Object.keys(dictionary).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(dictionary)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(() => parse(text), `${locale} ${key}`).not.toThrow();
      }
    }
  });

  it('keeps the same ICU arguments as English in every language', () => {
    for (const locale of locales) {
      for (const key of Object.keys(en) as MessageKey[]) {
        expect(argumentsOf(dictionaries[locale][key]), `${locale} ${key}`).toEqual(argumentsOf(en[key]));
      }
    }
  });

  it('has a text for every server error code in every language', () => {
    expect(errorCodes.length).toBeGreaterThan(50);
    for (const locale of locales) {
      const i18n = createI18n(locale);
      for (const code of [...errorCodes, 'network.offline' as const]) {
        const text = i18n.errorText(new ApiError(400, code, 'server detail'));
        expect(text, `${locale} ${code}`).not.toBe('server detail');
        expect(text.trim(), `${locale} ${code}`).not.toBe('');
      }
    }
  });

  it('fills arguments', () => {
    expect(translate('es', 'spaces.yourRole', { role: 'miembro' })).toBe('Tu rol: miembro');
    expect(translate('fr', 'spaces.yourRole', { role: 'membre' })).toBe('Votre rôle : membre');
  });

  it('chooses the plural form of each language', () => {
    expect([0, 1, 2].map((count) => translate('en', 'room.replies', { count }))).toEqual(['0 replies', '1 reply', '2 replies']);
    // French counts zero as singular.
    expect([0, 1, 2].map((count) => translate('fr', 'room.replies', { count }))).toEqual(['0 réponse', '1 réponse', '2 réponses']);
    // Arabic has six forms: zero, one, two, few (3–10), many (11–99) and other (100…).
    expect([0, 1, 2, 3, 11, 100].map((count) => translate('ar', 'room.replies', { count }))).toEqual([
      'لا ردود', 'رد واحد', 'ردّان', '3 ردود', '11 ردًّا', '100 رد',
    ]);
    expect([0, 1, 2, 3, 11, 100].map((count) => translate('ar', 'room.contributionCount', { count }))).toEqual([
      'لا مساهمات', 'مساهمة واحدة', 'مساهمتان', '3 مساهمات', '11 مساهمة', '100 مساهمة',
    ]);
  });

  it('formats numbers and dates per locale', () => {
    expect(createI18n('en').formatNumber(12345.5)).toBe('12,345.5');
    expect(createI18n('fr').formatNumber(12345.5)).toMatch(/^12\s345,5$/);
    expect(createI18n('es').formatDate('2026-03-05T10:00:00Z')).toMatch(/mar/);
    expect(createI18n('fr').formatDate('2026-03-05T10:00:00Z')).toMatch(/mars/);
  });

  it('prefers the translated text of a code over the server detail, and falls back to the detail', () => {
    const i18n = createI18n('es');
    expect(i18n.errorText(new ApiError(401, 'auth.invalid-credentials', 'Wrong.'))).toBe('El correo electrónico o la contraseña no son correctos.');
    expect(createI18n('ar').errorText(new ApiError(403, 'live-session.muted', 'Muted by the facilitator.'))).toBe('كتمك أحد الميسّرين في هذه الجلسة.');
    expect(i18n.errorText(new ApiError(409, 'http.409', 'Server says why.'))).toBe('Server says why.');
    expect(i18n.errorText(new ApiError(418, 'http.418', null))).toBe(dictionaries.es['error.generic']);
    expect(i18n.errorText(new Error('boom'))).toBe(dictionaries.es['error.generic']);
  });

  it('names countries in the reader language', () => {
    expect(createI18n('es').countryName('DE')).toBe('Alemania');
    expect(createI18n('fr').countryName('DE')).toBe('Allemagne');
    expect(createI18n('en').countryName('DE')).toBe('Germany');
  });

  it('sets lang and dir on the document, right to left for Arabic', () => {
    let i18n: I18n | null = null;
    const Probe = () => {
      i18n = useI18n();
      return null;
    };
    render(createElement(I18nProvider, { locale: 'fr', children: createElement(Probe) }));
    expect(document.documentElement.lang).toBe('fr');
    expect(document.documentElement.dir).toBe('ltr');
    act(() => i18n!.setLocale('ar'));
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(i18n!.dir).toBe('rtl');
    expect(localStorage.getItem('networkhub.locale')).toBe('ar');
  });

  it('starts in the saved language, else the first of the browser languages it has', () => {
    localStorage.removeItem('networkhub.locale');
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')!;
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['de-DE', 'ar-EG', 'en'] });
    try {
      expect(initialLocale()).toBe('ar');
      localStorage.setItem('networkhub.locale', 'fr');
      expect(initialLocale()).toBe('fr');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).languages;
      Object.defineProperty(Navigator.prototype, 'languages', languages);
      localStorage.removeItem('networkhub.locale');
    }
  });
});
