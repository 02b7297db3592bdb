import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { kindSegment } from '../api/endpoints';
import type { SpaceKind, SpaceRole, Visibility, WorkingGroupDetails } from '../generated/openapi';
import { en } from '../i18n/en';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { SpacePage } from '../spaces/SpacePage';
import { expectAccessible } from './axe';
import { documentId, fill, groupId, people, summary } from './testData';

const group = (yourRole: SpaceRole | null, visibility: Visibility = 'members-only'): WorkingGroupDetails => ({
  id: groupId, parent: { kind: 'coalition', id: '00000000-0000-7000-8000-0000000000c1' }, name: 'Water subgroup', purpose: null, visibility,
  version: 3, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', yourRole, openToMemberOrganisations: false, requireTwoFactor: false,
});

function groupApi(yourRole: SpaceRole | null, visibility: Visibility = 'members-only') {
  server.use(api.get('/api/v1/working-groups/{id}', ({ response }) => response(200).json(group(yourRole, visibility))));
}

/** The space page at one of its tabs, and the document page a create goes on to. */
function renderTab(tab: string, kind: SpaceKind = 'working-group', id = groupId) {
  return renderAt(
    <Routes>
      <Route path={`/${kindSegment[kind]}/:id/*`} element={<SpacePage kind={kind} />} />
      <Route path="/documents/:id" element={<p>Document page opened</p>} />
    </Routes>,
    { url: `/${kindSegment[kind]}/${id}/${tab}` },
  );
}

const tabs = () => within(screen.getByRole('navigation', { name: 'Sections' })).getAllByRole('link').map((a) => a.textContent);

describe('a space\'s documents tab', () => {
  it('lists the documents with status, tags, update and latest version, filters by status and tag, and pages on', async () => {
    signedIn(people.commenter);
    groupApi('member');
    const second = '00000000-0000-7000-8000-00000000d0c1';
    server.use(api.get('/api/v1/spaces/{kind}/{id}/documents', ({ query, response }) => response(200).json(query.get('after') === 'page-2'
      ? { documents: [summary({ documentId: second, title: 'Budget notes', status: 'draft', tags: [], latestVersion: 0 })], nextAfter: null }
      : { documents: [summary()], nextAfter: 'page-2' })));
    const sent = recordRequests();
    const { container } = renderTab('documents');

    const link = await screen.findByRole('link', { name: 'National action plan' });
    expect(tabs()).toEqual(['Overview', 'Documents', 'Publications']);
    expect(link.getAttribute('href')).toBe(`/documents/${documentId}`);
    const row = link.closest('li')!;
    expect(row.textContent).toContain('Under consultation');
    expect(row.textContent).toContain('Latest: version 2');
    expect(within(row).getByRole('list', { name: 'Tags of National action plan' }).textContent).toBe('waterplan');
    expect(screen.getByText('1 document shown').getAttribute('role')).toBe('status');
    await expectAccessible(container);

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect((await screen.findByRole('link', { name: 'Budget notes' })).closest('li')!.textContent).toContain('No version yet.');
    expect(sent.at(-1)!.path).toBe(`/api/v1/spaces/working-group/${groupId}/documents?after=page-2&limit=25`);

    const filters = screen.getByRole('search', { name: 'Filter the documents' });
    await userEvent.selectOptions(within(filters).getByLabelText('Status'), 'draft');
    await userEvent.type(within(filters).getByLabelText('Tag'), ' Water ');
    await userEvent.click(within(filters).getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(sent.at(-1)!.path).toBe(`/api/v1/spaces/working-group/${groupId}/documents?status=draft&tag=water&limit=25`));
  });

  it('creates a document for a member, with one idempotency key, and opens it for its first version', async () => {
    signedIn(people.drafter);
    groupApi('member');
    server.use(
      api.get('/api/v1/spaces/{kind}/{id}/documents', ({ response }) => response(200).json({ documents: [], nextAfter: null })),
      api.post('/api/v1/spaces/{kind}/{id}/documents', ({ response }) => response(201).json({
        documentId, space: { kind: 'working-group', id: groupId }, title: 'Plan nacional', description: null, tags: ['agua', 'plan'], language: 'es',
        status: 'draft', version: 1, createdBy: people.drafter, createdAt: '2026-01-10T10:00:00Z', updatedAt: '2026-01-10T10:00:00Z', latest: null,
        canComment: true, canManage: true,
      })),
    );
    const sent = recordRequests();
    renderTab('documents');

    expect(await screen.findByText('No documents here.')).toBeTruthy();
    await userEvent.click(screen.getByText('New document'));
    const form = screen.getByRole('button', { name: 'Create the document' }).closest('form')!;
    await fill(within(form).getByLabelText('Title'), 'Plan nacional');
    await fill(within(form).getByLabelText('Tags (optional)'), 'agua، plan, agua');
    await userEvent.type(within(form).getByLabelText('Language (optional)'), 'es');
    await userEvent.selectOptions(within(form).getByLabelText('Status'), 'draft');
    await userEvent.click(within(form).getByRole('button', { name: 'Create the document' }));

    expect(await screen.findByText('Document page opened')).toBeTruthy();
    const posted = sent.find((r) => r.method === 'POST')!;
    expect(posted.path).toBe(`/api/v1/spaces/working-group/${groupId}/documents`);
    expect(posted.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(posted.body).toEqual({ title: 'Plan nacional', description: null, tags: ['agua', 'plan'], language: 'es', status: 'draft' });
  });

  it('shows the server\'s refusals: a field\'s message under it, and a refusal of the whole form, keeping the key for a retry', async () => {
    signedIn(people.drafter);
    groupApi('member');
    let answer = 0;
    server.use(
      api.get('/api/v1/spaces/{kind}/{id}/documents', ({ response }) => response(200).json({ documents: [], nextAfter: null })),
      api.post('/api/v1/spaces/{kind}/{id}/documents', ({ response }) => (++answer === 1
        ? response(400).json({ ...problem(400, 'request.validation', 'One or more fields are invalid.'), errors: { title: ['The title is required.'] } })
        : response(422).json(problem(422, 'document.invalid-input', 'The language must be a BCP 47 tag.')))),
    );
    const sent = recordRequests();
    renderTab('documents');

    await userEvent.click(await screen.findByText('New document'));
    const form = screen.getByRole('button', { name: 'Create the document' }).closest('form')!;
    await userEvent.click(within(form).getByRole('button', { name: 'Create the document' }));
    const title = within(form).getByLabelText('Title');
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByRole('alert').textContent).toContain('The title is required.');

    await userEvent.type(title, 'Plan');
    await fill(within(form).getByLabelText('Language (optional)'), 'not a language');
    await userEvent.click(within(form).getByRole('button', { name: 'Create the document' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe(en['error.document.invalid-input']));
    const keys = sent.filter((r) => r.method === 'POST').map((r) => r.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('gives observers the list without the create form', async () => {
    signedIn(people.commenter);
    groupApi('observer');
    server.use(api.get('/api/v1/spaces/{kind}/{id}/documents', ({ response }) => response(200).json({ documents: [summary()], nextAfter: null })));
    renderTab('documents');

    expect(await screen.findByRole('link', { name: 'National action plan' })).toBeTruthy();
    expect(screen.queryByText('New document')).toBeNull();
  });

  it('gives outsiders of a members-only space no documents tab (the API would refuse them)', async () => {
    signedIn(people.commenter);
    groupApi(null);
    const sent = recordRequests();
    renderTab('documents');

    expect(await screen.findByRole('heading', { level: 1, name: 'Water subgroup' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Sections' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Documents' })).toBeNull();
    expect(sent.map((r) => r.path)).toEqual([`/api/v1/working-groups/${groupId}`]);
  });

  it.each(['organisation', 'coalition', 'working-group', 'forum', 'committee'] as const)('asks the documents of a %s by its kind', async (kind) => {
    signedIn(people.commenter);
    const id = '00000000-0000-7000-8000-0000000000f1';
    // Only what the space page reads of any kind's details; the documents route is what is checked.
    const details = { ...group('member'), id } as never;
    server.use(
      api.get(`/api/v1/${kindSegment[kind]}/{id}`, ({ response }) => response(200).json(details)),
      api.get('/api/v1/spaces/{kind}/{id}/documents', ({ response }) => response(200).json({ documents: [summary()], nextAfter: null })),
    );
    const sent = recordRequests();
    renderTab('documents', kind, id);

    expect(await screen.findByRole('link', { name: 'National action plan' })).toBeTruthy();
    expect(sent.some((r) => r.path === `/api/v1/spaces/${kind}/${id}/documents?limit=25`)).toBe(true);
  });
});

describe('a space\'s publications', () => {
  it('lists a public space\'s published documents by tag to a visitor who is not signed in', async () => {
    groupApi(null, 'public');
    const report = summary({ documentId: '00000000-0000-7000-8000-00000000d0c2', title: 'Annual report', tags: ['report'], status: 'published' });
    server.use(api.get('/api/v1/spaces/{kind}/{id}/publications', ({ query, response }) => response(200).json({
      documents: query.get('tag') === 'report' ? [report] : [summary({ status: 'published' }), report], nextAfter: null,
    })));
    const sent = recordRequests();
    const { container } = renderTab('publications');

    expect(await screen.findByRole('link', { name: 'Annual report' })).toBeTruthy();
    expect(tabs()).toEqual(['Overview', 'Documents', 'Publications']);
    expect(screen.getByRole('link', { name: 'National action plan' })).toBeTruthy();
    const byTag = screen.getByRole('navigation', { name: 'Publications by tag' });
    expect(within(byTag).getAllByRole('link').map((a) => a.textContent)).toEqual(['All tags', 'plan', 'report', 'water']);
    await expectAccessible(container);

    await userEvent.click(within(byTag).getByRole('link', { name: 'report' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Tagged report' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'National action plan' })).toBeNull());
    expect(within(byTag).getByRole('link', { name: 'report' }).getAttribute('aria-current')).toBe('page');
    expect(sent.map((r) => r.path)).toContain(`/api/v1/spaces/working-group/${groupId}/publications?tag=report&limit=25`);
    expect(sent.every((r) => !r.headers.has('Authorization'))).toBe(true);
  });

  it('says when nothing is published', async () => {
    groupApi(null, 'public');
    server.use(api.get('/api/v1/spaces/{kind}/{id}/publications', ({ response }) => response(200).json({ documents: [], nextAfter: null })));
    renderTab('publications');
    expect(await screen.findByText('Nothing published here yet.')).toBeTruthy();
  });

  it('shows a refusal as the app words its code', async () => {
    signedIn(people.commenter);
    groupApi('member');
    server.use(api.get('/api/v1/spaces/{kind}/{id}/publications', ({ response }) =>
      response(403).json(problem(403, 'auth.two-factor-required', 'This working-group requires two-factor sign-in.'))));
    renderTab('publications');
    expect((await screen.findByRole('alert')).textContent).toBe(en['error.auth.two-factor-required']);
  });
});
