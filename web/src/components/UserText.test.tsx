import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UserParagraphs, UserText } from './UserText';

describe('UserText', () => {
  it('shows markup that people typed as text, never as HTML', () => {
    const { container } = render(<UserText text={'<img src=x onerror="alert(1)"><b>bold</b>'} />);

    expect(container.querySelector('img, b')).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)"><b>bold</b>')).toBeTruthy();
  });

  it('lets the text choose its own direction', () => {
    render(<UserText text="ليلى حسن" />);

    expect(screen.getByText('ليلى حسن').getAttribute('dir')).toBe('auto');
  });

  it('gives each line of a longer text its own direction', () => {
    const { container } = render(<UserParagraphs text={'Agua para todas.\n\nالماء حق للجميع.'} />);

    const lines = [...container.querySelectorAll('p')];
    expect(lines.map((p) => p.textContent)).toEqual(['Agua para todas.', 'الماء حق للجميع.']);
    expect(lines.every((p) => p.getAttribute('dir') === 'auto')).toBe(true);
  });
});
