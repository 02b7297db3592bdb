import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../api/types';
import { fakeApi, renderAt } from '../testing/render';
import { DirectoryScreen, filterFrom } from './Directory';

const entry = (name: string, extra: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  id: `id-${name}`, name, kind: 'funder', country: 'CO', region: null, topics: ['land'], visibility: 'public', summary: null, ...extra,
});

describe('Directory', () => {
  it('reads its filter from the address', () => {
    expect(filterFrom(new URLSearchParams('country=CO&q=%20red%20&topic=&cursor=zzz'))).toEqual({ country: 'CO', q: 'red' });
  });

  it('lists a page, applies filters from the form and pages on with the cursor', async () => {
    const calls = fakeApi((call) => {
      const url = new URL(call.url, 'http://test');
      if (url.pathname !== '/api/v1/organisations') return undefined;
      if (url.searchParams.get('cursor') === 'c2') return { body: { items: [entry('Zeta')], nextCursor: null } };
      return { body: { items: [entry('Alfa', { summary: 'الأرض لمن يزرعها' })], nextCursor: 'c2' } };
    });
    renderAt(<DirectoryScreen />, { url: '/directory/organisations', path: '/directory/:which' });

    expect(await screen.findByRole('link', { name: 'Alfa' })).toBeTruthy();
    expect(screen.getByText('الأرض لمن يزرعها').getAttribute('dir')).toBe('auto');

    await userEvent.click(screen.getByText('Filter by country, region, topic or kind'));
    await userEvent.selectOptions(screen.getByLabelText('Country'), 'CO');
    await userEvent.type(screen.getByLabelText('Topic'), 'land');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'funder');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(calls.at(-1)!.url).toContain('country=CO'));
    expect(calls.at(-1)!.url).toMatch(/topic=land&kind=funder|kind=funder.*topic=land|topic=land.*kind=funder/);

    await userEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('link', { name: 'Zeta' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Alfa' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(screen.getByText('2 shown')).toBeTruthy();
  });
});
