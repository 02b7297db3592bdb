import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentView } from '../generated/openapi';
import { en } from '../i18n/en';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { DocumentPage } from './DocumentPage';
import { expectAccessible } from './axe';
import { document, documentId, fill, people, sections, version } from './testData';

vi.mock('../sessions/liveSessionClient', async (original) => ({ ...await original<object>(), LiveSessionClient: (await import('./fakeHub')).FakeHub }));

function answers(first: DocumentView) {
  let current = first;
  server.use(
    api.get('/api/v1/documents/{id}', ({ response }) => response(200).json(current)),
    api.get('/api/v1/documents/{id}/versions', ({ response }) => response(200).json([version()])),
    api.get('/api/v1/documents/{id}/versions/{number}', ({ response }) => response(200).json({ version: version(), sections })),
    api.get('/api/v1/documents/{id}/comments', ({ response }) => response(200).json({ threads: [], next: null })),
    api.get('/api/v1/documents/{id}/feedback-rounds', ({ response }) => response(200).json([])),
    api.get('/api/v1/me/spaces', ({ response }) => response(200).json([])),
  );
  return { set: (next: DocumentView) => { current = next; } };
}

function renderPage() {
  return renderAt(
    <Routes>
      <Route path="/documents/:id" element={<DocumentPage />} />
      <Route path="/working-groups/:id/documents" element={<p>The space's documents</p>} />
    </Routes>,
    { url: `/documents/${documentId}` },
  );
}

const managed = (patch: Partial<DocumentView> = {}) => document({ canManage: true, latest: version(), ...patch });

describe('editing a document\'s details', () => {
  it('is not offered to those who do not manage the document', async () => {
    signedIn(people.commenter);
    answers(document({ latest: version() }));
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'National action plan' })).toBeTruthy();
    expect(screen.queryByText('Edit the details')).toBeNull();
    expect(screen.queryByText('Delete this document…')).toBeNull();
  });

  it('saves title, description, tags, language and status with the version read, and shows the document as saved', async () => {
    signedIn(people.drafter);
    const served = answers(managed());
    const sent = recordRequests();
    server.use(api.patch('/api/v1/documents/{id}', async ({ request, response }) => {
      const body = await request.json();
      const saved = managed({ title: body.title!, description: body.description || null, tags: body.tags!, language: body.language || null, status: body.status!, version: 5 });
      served.set(saved);
      return response(200).json(saved);
    }));
    const { container } = renderPage();

    await userEvent.click(await screen.findByText('Edit the details'));
    const form = screen.getByRole('button', { name: 'Save the details' }).closest('form')!;
    expect((within(form).getByLabelText('Tags (optional)') as HTMLInputElement).value).toBe('water, plan');
    await expectAccessible(container);
    await fill(within(form).getByLabelText('Title'), 'Plan nacional de acción');
    await fill(within(form).getByLabelText('Description (optional)'), '');
    await fill(within(form).getByLabelText('Tags (optional)'), 'agua, Plan');
    await fill(within(form).getByLabelText('Language (optional)'), 'es');
    await userEvent.selectOptions(within(form).getByLabelText('Status'), 'final');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the details' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Plan nacional de acción' })).toBeTruthy();
    expect(within(form).getByText('Details saved.')).toBeTruthy();
    const patch = sent.find((r) => r.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"v4"');
    expect(patch.body).toEqual({ title: 'Plan nacional de acción', description: '', tags: ['agua', 'Plan'], language: 'es', status: 'final' });
    expect(screen.getByRole('heading', { level: 1 }).parentElement!.nextElementSibling!.textContent).toMatch(/^Final · es/);
  });

  it('says a change made meanwhile was refused, and reloads the details to edit them again with the new version', async () => {
    signedIn(people.drafter);
    const served = answers(managed());
    const sent = recordRequests();
    server.use(api.patch('/api/v1/documents/{id}', ({ request, response }) => (request.headers.get('If-Match') === '"v4"'
      ? response(412).json(problem(412, 'space.version-mismatch', 'The document changed since version 4; it is now at version 6.'))
      : response(200).json(managed({ title: 'Mine', version: 7 })))));
    renderPage();

    await userEvent.click(await screen.findByText('Edit the details'));
    const form = screen.getByRole('button', { name: 'Save the details' }).closest('form')!;
    served.set(managed({ title: 'Theirs', version: 6 }));
    await userEvent.type(within(form).getByLabelText('Title'), ' (draft)');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the details' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain(en['document.changedMeanwhile']);

    await userEvent.click(within(alert).getByRole('button', { name: 'Reload the details' }));
    await waitFor(() => expect((within(form).getByLabelText('Title') as HTMLInputElement).value).toBe('Theirs'));
    expect(within(form).queryByRole('alert')).toBeNull();
    await fill(within(form).getByLabelText('Title'), 'Mine');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the details' }));
    await waitFor(() => expect(sent.filter((r) => r.method === 'PATCH').map((r) => r.headers.get('If-Match'))).toEqual(['"v4"', '"v6"']));
  });

  it('shows a refused field under it', async () => {
    signedIn(people.drafter);
    answers(managed());
    server.use(api.patch('/api/v1/documents/{id}', ({ response }) =>
      response(400).json({ ...problem(400, 'request.validation', 'Invalid.'), errors: { language: ['The field Language must be a string with a maximum length of 35.'] } })));
    renderPage();

    await userEvent.click(await screen.findByText('Edit the details'));
    const form = screen.getByRole('button', { name: 'Save the details' }).closest('form')!;
    await userEvent.click(within(form).getByRole('button', { name: 'Save the details' }));
    await waitFor(() => expect(within(form).getByLabelText('Language (optional)').getAttribute('aria-invalid')).toBe('true'));
  });
});

describe('deleting a document', () => {
  it('asks first, then deletes with the version on screen and goes to the space\'s documents', async () => {
    signedIn(people.drafter);
    answers(managed());
    server.use(api.delete('/api/v1/documents/{id}', () => new Response(null, { status: 204 })));
    const sent = recordRequests();
    renderPage();

    await userEvent.click(await screen.findByText('Edit the details'));
    await userEvent.click(screen.getByRole('button', { name: 'Delete this document…' }));
    const confirm = screen.getByRole('group', { name: 'Delete “National action plan” with all its versions and comments? This cannot be undone.' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Delete this document…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    expect(await screen.findByText('The space\'s documents')).toBeTruthy();
    const deleted = sent.find((r) => r.method === 'DELETE')!;
    expect(deleted.path).toBe(`/api/v1/documents/${documentId}`);
    expect(deleted.headers.get('If-Match')).toBe('"v4"');
  });

  it('says when the document changed meanwhile or the caller may no longer delete it', async () => {
    signedIn(people.drafter);
    answers(managed());
    let answer = 0;
    server.use(api.delete('/api/v1/documents/{id}', ({ response }) => (++answer === 1
      ? response(412).json(problem(412, 'space.version-mismatch', 'Changed.'))
      : response(403).json(problem(403, 'space.not-coordinator', 'Only coordinators.')))));
    renderPage();

    await userEvent.click(await screen.findByText('Edit the details'));
    await userEvent.click(screen.getByRole('button', { name: 'Delete this document…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    const zone = screen.getByRole('region', { name: 'Delete the document' });
    expect((await within(zone).findByRole('alert')).textContent).toBe(en['document.changedMeanwhile']);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    await waitFor(() => expect(within(zone).getByRole('alert').textContent).toBe(en['error.space.not-coordinator']));
  });
});
