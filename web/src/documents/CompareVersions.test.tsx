import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { VersionDiff } from '../generated/openapi';
import { en } from '../i18n/en';
import { api, problem, recordRequests, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { expectAccessible } from './axe';
import { CompareVersions } from './CompareVersions';
import { DocumentPage } from './DocumentPage';
import { document, documentId, people, sections, version } from './testData';

vi.mock('../sessions/liveSessionClient', async (original) => ({ ...await original<object>(), LiveSessionClient: (await import('./fakeHub')).FakeHub }));

const versions = [version(), version({ number: 2 }), version({ number: 3, changeNote: 'Budget chapter.' })];

const diff = (from: number, to: number): VersionDiff => ({
  documentId, fromVersion: from, toVersion: to, added: 1, removed: 1, changed: 1, unchanged: 1,
  sections: [
    { sectionId: 'introduction', change: 'unchanged', level: 1, heading: 'Introduction', text: 'The plan covers five years.', previousLevel: null, runs: null },
    {
      sectionId: 'water', change: 'changed', level: 2, heading: 'Water', text: 'Every village gets two wells.', previousLevel: 1,
      runs: [{ kind: 'unchanged', text: 'Every village gets ' }, { kind: 'deleted', text: 'a well' }, { kind: 'inserted', text: 'two wells' }, { kind: 'unchanged', text: '.' }],
    },
    { sectionId: 'roads', change: 'removed', level: 2, heading: 'Roads', text: 'Roads are out of scope.', previousLevel: null, runs: null },
    { sectionId: 'budget', change: 'added', level: 2, heading: 'Budget', text: 'Costs by year.', previousLevel: null, runs: null },
  ],
});

function serve() {
  server.use(
    api.get('/api/v1/documents/{id}', ({ response }) => response(200).json(document({ latest: versions[2]! }))),
    api.get('/api/v1/documents/{id}/versions', ({ response }) => response(200).json(versions)),
    api.get('/api/v1/documents/{id}/compare', ({ query, response }) => response(200).json(diff(Number(query.get('from')), Number(query.get('to'))))),
  );
}

const renderCompare = (search = '') => renderAt(<CompareVersions />, { url: `/documents/${documentId}/compare${search}`, path: '/documents/:id/compare' });

describe('comparing versions', () => {
  it('shows each section\'s change, the changed one word by word, and the counts', async () => {
    signedIn(people.commenter);
    serve();
    const sent = recordRequests();
    const { container } = renderCompare('?from=1&to=3');

    expect(await screen.findByRole('heading', { level: 2, name: 'From version 1 to version 3' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Compare versions: National action plan');
    expect(sent.find((r) => r.path.includes('/compare'))!.path).toBe(`/api/v1/documents/${documentId}/compare?from=1&to=3`);
    expect(screen.getByText('1 section added, 1 removed, 1 changed, 1 unchanged.').getAttribute('role')).toBe('status');
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Introduction Unchanged', 'Water Changed', 'Roads Removed', 'Budget Added']);

    const water = screen.getByRole('region', { name: 'Water Changed' });
    expect(within(water).getByText('The heading moved from level 1 to level 2.')).toBeTruthy();
    expect(water.querySelector('del')!.textContent).toBe('[deleted: a well]');
    expect(water.querySelector('ins')!.textContent).toBe('[inserted: two wells]');
    expect(water.querySelector('.diff-runs')!.textContent).toBe('Every village gets [deleted: a well][inserted: two wells].');
    expect(within(screen.getByRole('region', { name: 'Roads Removed' })).getByText('Roads are out of scope.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Introduction Unchanged' })).getByText('Show the text')).toBeTruthy();
    await expectAccessible(container);
  });

  it('compares the latest version with the one before when the address names none, and lets the reader choose others', async () => {
    signedIn(people.commenter);
    serve();
    const sent = recordRequests();
    renderCompare();

    expect(await screen.findByRole('heading', { level: 2, name: 'From version 2 to version 3' })).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Versions to compare' });
    await userEvent.selectOptions(within(form).getByLabelText('From version'), '1');
    await userEvent.selectOptions(within(form).getByLabelText('To version'), '2');
    await userEvent.click(within(form).getByRole('button', { name: 'Compare' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'From version 1 to version 2' })).toBeTruthy();
    expect(sent.filter((r) => r.path.includes('/compare')).map((r) => r.path.split('?')[1])).toEqual(['from=2&to=3', 'from=1&to=2']);
  });

  it('says when there is nothing to compare yet', async () => {
    signedIn(people.commenter);
    server.use(
      api.get('/api/v1/documents/{id}', ({ response }) => response(200).json(document({ latest: version() }))),
      api.get('/api/v1/documents/{id}/versions', ({ response }) => response(200).json([version()])),
    );
    renderCompare();
    expect(await screen.findByText(en['document.compareNeedsTwo'])).toBeTruthy();
  });

  it('says so when the same version is asked twice, and when a version does not exist', async () => {
    signedIn(people.commenter);
    serve();
    server.use(api.get('/api/v1/documents/{id}/compare', ({ response }) =>
      response(404).json(problem(404, 'document.version-not-found', 'This document has no version 9.'))));
    const { unmount } = renderCompare('?from=2&to=2');
    expect(await screen.findByText(en['document.compareSame'])).toBeTruthy();
    unmount();

    renderCompare('?from=1&to=9');
    await waitFor(async () => expect((await screen.findByRole('alert')).textContent).toBe(en['error.document.version-not-found']));
  });

  it('is linked from each version after the first on the document page', async () => {
    signedIn(people.commenter);
    server.use(
      api.get('/api/v1/documents/{id}', ({ response }) => response(200).json(document({ latest: versions[2]! }))),
      api.get('/api/v1/documents/{id}/versions', ({ response }) => response(200).json(versions)),
      api.get('/api/v1/documents/{id}/versions/{number}', ({ response }) => response(200).json({ version: versions[2]!, sections })),
      api.get('/api/v1/documents/{id}/comments', ({ response }) => response(200).json({ threads: [], next: null })),
      api.get('/api/v1/documents/{id}/feedback-rounds', ({ response }) => response(200).json([])),
      api.get('/api/v1/documents/{id}/compare', ({ response }) => response(200).json(diff(2, 3))),
    );
    renderAt(
      <Routes>
        <Route path="/documents/:id" element={<DocumentPage />} />
        <Route path="/documents/:id/compare" element={<CompareVersions />} />
      </Routes>,
      { url: `/documents/${documentId}` },
    );

    const links = await screen.findAllByRole('link', { name: /^Compare with version/ });
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `/documents/${documentId}/compare?from=2&to=3`, `/documents/${documentId}/compare?from=1&to=2`,
    ]);
    await userEvent.click(links[0]!);
    expect(await screen.findByRole('heading', { level: 2, name: 'From version 2 to version 3' })).toBeTruthy();
  });
});
