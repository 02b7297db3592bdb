import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { limits } from '../generated/errors';
import { Register } from '../screens/Register';
import { renderAt } from '../testing/render';

describe('forms in another language', () => {
  it('shows the Arabic register form with the server limits on its fields', () => {
    renderAt(<Register />, { url: '/register', locale: 'ar' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('إنشاء حساب');
    const password = screen.getByLabelText('كلمة المرور') as HTMLInputElement;
    expect(password.minLength).toBe(limits.passwordMinLength);
    expect(password.maxLength).toBe(limits.passwordMaxLength);
    // The hint counts with Arabic plural rules: 10 takes the "few" form.
    expect(screen.getByText(`${limits.passwordMinLength} أحرف على الأقل.`)).toBeTruthy();
    expect((screen.getByLabelText('عنوان البريد الإلكتروني') as HTMLInputElement).maxLength).toBe(limits.emailMaxLength);
    expect((screen.getByLabelText('اسمك') as HTMLInputElement).maxLength).toBe(limits.nameMaxLength);
  });
});
