import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { DocumentSearchHit, WorkingGroupDetails } from '../generated/openapi';
import { en } from '../i18n/en';
import { Layout } from '../Layout';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { expectAccessible } from './axe';
import { DocumentSearch } from './DocumentSearch';
import { documentId, groupId, people } from './testData';

const hit = (patch: Partial<DocumentSearchHit> = {}): DocumentSearchHit => ({
  documentId, space: { kind: 'working-group', id: groupId }, title: 'National action plan', tags: ['water'], status: 'under-consultation',
  snippet: 'Every village gets a well; wells need upkeep.', rank: 2.5, ...patch,
});

const group: WorkingGroupDetails = {
  id: groupId, parent: { kind: 'coalition', id: '00000000-0000-7000-8000-0000000000c1' }, name: 'Water subgroup', purpose: null, visibility: 'public',
  version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', yourRole: null, openToMemberOrganisations: false,
};

function serve() {
  server.use(
    api.get('/api/v1/working-groups/{id}', ({ response }) => response(200).json(group)),
    api.get('/api/v1/documents/search', ({ query, response }) => response(200).json(query.get('after') === '50'
      ? { hits: [hit({ documentId: '00000000-0000-7000-8000-00000000d0c9', title: 'Well maintenance', snippet: '' })], nextAfter: null }
      : { hits: [hit()], nextAfter: '50' })),
  );
}

const renderSearch = (q = '') => renderAt(
  <Routes>
    <Route element={<Layout />}>
      <Route path="/documents/search" element={<DocumentSearch />} />
      <Route path="/directory" element={<p>Directory</p>} />
    </Route>
  </Routes>,
  { url: q ? `/documents/search?${new URLSearchParams({ q })}` : '/documents/search' },
);

describe('document search', () => {
  it('shows the hits for the words in the address: title, space, status, snippet with the words marked, tags; and pages on', async () => {
    serve();
    const sent = recordRequests();
    const { container } = renderSearch('village well');

    const link = await screen.findByRole('link', { name: 'National action plan' });
    expect(link.getAttribute('href')).toBe(`/documents/${documentId}`);
    const row = link.closest('li')!;
    expect(await within(row).findByRole('link', { name: 'Water subgroup' })).toBeTruthy();
    expect(row.textContent).toContain('Under consultation');
    expect([...row.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['village', 'well', 'well']);
    expect(within(row).getByRole('list', { name: 'Tags of National action plan' }).textContent).toBe('water');
    expect(screen.getByText('1 document found').getAttribute('role')).toBe('status');
    expect(sent[0]!.path).toBe('/api/v1/documents/search?q=village%20well&limit=25');
    await expectAccessible(container);

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByRole('link', { name: 'Well maintenance' })).toBeTruthy();
    expect(sent.some((r) => r.path === '/api/v1/documents/search?q=village%20well&after=50&limit=25')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('searches what is typed on the page, and says when nothing matches', async () => {
    signedIn(people.commenter);
    server.use(api.get('/api/v1/documents/search', ({ response }) => response(200).json({ hits: [], nextAfter: null })));
    const sent = recordRequests();
    renderSearch();

    expect(screen.getByText(en['document.searchHint'])).toBeTruthy();
    const form = screen.getByRole('search', { name: 'Search documents' });
    await userEvent.type(within(form).getByLabelText('Words to look for'), '  plan nacional ');
    await userEvent.click(within(form).getByRole('button', { name: 'Look up' }));
    expect(await screen.findByText('No document you may see matches “plan nacional”.')).toBeTruthy();
    expect(sent.at(-1)!.path).toBe('/api/v1/documents/search?q=plan%20nacional&limit=25');
    expect(sent.at(-1)!.headers.get('Authorization')).toBe('Bearer nht_test');
  });

  it('shows a refused search as the app words its code', async () => {
    server.use(api.get('/api/v1/documents/search', ({ response }) =>
      response(400).json({ ...problem(400, 'request.validation', 'Invalid.'), errors: { q: ['The field q must be a string with a maximum length of 200.'] } })));
    renderSearch('x'.repeat(10));
    await waitFor(async () => expect((await screen.findByRole('alert')).textContent).toBe(en['error.request.validation']));
  });

  it('is reached from the search box of every page', async () => {
    serve();
    renderAt(
      <Routes>
        <Route element={<Layout />}>
          <Route path="/directory" element={<p>Directory</p>} />
          <Route path="/documents/search" element={<DocumentSearch />} />
        </Route>
      </Routes>,
      { url: '/directory' },
    );

    const box = screen.getByRole('search', { name: 'Find documents' });
    await userEvent.type(within(box).getByRole('searchbox', { name: 'Find documents' }), 'wells');
    await userEvent.click(within(box).getByRole('button', { name: 'Find' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Search documents' })).toBeTruthy();
    expect((within(screen.getByRole('search', { name: 'Search documents' })).getByLabelText('Words to look for') as HTMLInputElement).value).toBe('wells');
    expect(await screen.findByRole('link', { name: 'National action plan' })).toBeTruthy();
  });
});
