import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { createI18n, translate } from './index';
import { en } from './en';
import { es } from './es';

describe('i18n', () => {
  it('has a Spanish text for every English key, and no others', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(es)) expect(text.trim(), key).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('es', 'spaces.yourRole', { role: 'miembro' })).toBe('Tu rol: miembro');
    expect(translate('en', 'spaces.yourRole')).toBe('Your role: {role}');
  });

  it('turns a known error code into a sentence and falls back to the server detail', () => {
    const i18n = createI18n('es');
    expect(i18n.errorText(new ApiError(401, 'auth.invalid-credentials', 'Wrong.'))).toBe('El correo electrónico o la contraseña no son correctos.');
    expect(i18n.errorText(new ApiError(409, 'http.409', 'Server says why.'))).toBe('Server says why.');
    expect(i18n.errorText(new Error('boom'))).toBe(es['error.generic']);
  });

  it('names countries in the reader language', () => {
    expect(createI18n('es').countryName('DE')).toBe('Alemania');
    expect(createI18n('en').countryName('DE')).toBe('Germany');
  });
});
