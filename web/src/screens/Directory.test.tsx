import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../generated/openapi';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt } from '../testing/render';
import { DirectoryScreen, filterFrom } from './Directory';

const entry = (name: string, extra: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  id: `id-${name}`, name, kind: 'funder', country: 'CO', region: null, topics: ['land'], visibility: 'public', summary: null, ...extra,
});

describe('Directory', () => {
  it('reads its filter from the address', () => {
    expect(filterFrom(new URLSearchParams('country=CO&q=%20red%20&topic=&cursor=zzz'))).toEqual({ country: 'CO', q: 'red' });
  });

  it('lists a page, applies filters from the form and pages on with the cursor', async () => {
    server.use(api.get('/api/v1/organisations', ({ query, response }) => query.get('cursor') === 'c2'
      ? response(200).json({ items: [entry('Zeta')], nextCursor: null })
      : response(200).json({ items: [entry('Alfa', { summary: 'الأرض لمن يزرعها' })], nextCursor: 'c2' })));
    const sent = recordRequests();
    renderAt(<DirectoryScreen />, { url: '/directory/organisations', path: '/directory/:which' });

    expect(await screen.findByRole('link', { name: 'Alfa' })).toBeTruthy();
    expect(screen.getByText('الأرض لمن يزرعها').getAttribute('dir')).toBe('auto');
    expect(screen.getByText((_, el) => el?.tagName === 'P' && el.textContent === 'Funder · Colombia')).toBeTruthy();

    await userEvent.click(screen.getByText('Filter by country, region, topic or kind'));
    await userEvent.selectOptions(screen.getByLabelText('Country'), 'CO');
    await userEvent.type(screen.getByLabelText('Topic'), 'land');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'funder');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    const filtered = new URL(sent[1].path, 'http://test').searchParams;
    expect(Object.fromEntries(filtered)).toEqual({ country: 'CO', topic: 'land', kind: 'funder', limit: '20' });

    await userEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('link', { name: 'Zeta' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Alfa' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(screen.getByText('2 shown')).toBeTruthy();
    expect(new URL(sent[2].path, 'http://test').searchParams.get('cursor')).toBe('c2');
    expect(new URL(sent[2].path, 'http://test').searchParams.get('country')).toBe('CO');
  });

  it('lists coalitions with their kind, filtered as the address says', async () => {
    server.use(api.get('/api/v1/coalitions', ({ query, response }) => query.get('topic') === 'agua'
      ? response(200).json({ items: [entry('Red del Agua', { kind: 'partnership', country: null })], nextCursor: null })
      : response(200).json({ items: [], nextCursor: null })));
    renderAt(<DirectoryScreen />, { url: '/directory/coalitions?topic=agua', path: '/directory/:which' });

    expect(await screen.findByRole('link', { name: 'Red del Agua' })).toBeTruthy();
    expect(screen.getByText('Partnership')).toBeTruthy();
    expect((screen.getByLabelText('Topic') as HTMLInputElement).value).toBe('agua');
    expect(screen.queryByLabelText('Kind')).toBeNull();
  });

  it('keeps the entries it has when the next page fails, and says why', async () => {
    server.use(api.get('/api/v1/organisations', ({ query, response }) => query.get('cursor')
      ? response(400).json(problem(400, 'directory.invalid-cursor'))
      : response(200).json({ items: [entry('Alfa')], nextCursor: 'stale' })));
    renderAt(<DirectoryScreen />, { url: '/directory/organisations', path: '/directory/:which' });

    await userEvent.click(await screen.findByRole('button', { name: 'Show more' }));

    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Alfa' })).toBeTruthy();
  });
});
