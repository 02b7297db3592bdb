import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, on, renderAt, signedIn } from '../testing/render';
import { SpacePage } from './SpacePage';

const organisation = (yourRole: string | null) => ({
  id: 'o1', name: 'منظمة الأرض', kind: 'civil-society-organisation', country: 'SN', region: 'Dakar', topics: ['land'],
  description: 'Línea uno\nسطر ثان', website: 'https://land.example', visibility: 'public', version: 1,
  createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', yourRole,
});

function api(yourRole: string | null) {
  return fakeApi(
    on('GET', '/api/v1/organisations/o1', { body: organisation(yourRole) }),
    on('GET', '/api/v1/organisations/o1/working-groups', { body: [] }),
    on('GET', '/api/v1/organisations/o1/members', { body: [{ personId: 'p1', name: 'Ana', role: yourRole ?? 'member', since: '2026-11-01T10:00:00Z' }] }),
  );
}

describe('SpacePage', () => {
  it('gives coordinators the management tabs, API keys included for organisations', async () => {
    signedIn('p1');
    api('coordinator');
    renderAt(<SpacePage kind="organisation" />, { url: '/organisations/o1', path: '/organisations/:id/*' });

    const title = await screen.findByRole('heading', { level: 1, name: 'منظمة الأرض' });
    expect(title.getAttribute('dir')).toBe('auto');
    const tabs = screen.getByRole('navigation', { name: 'Sections' });
    expect([...tabs.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Overview', 'Invitations and requests', 'Audit log', 'API keys']);
    expect(await screen.findByText('Ana')).toBeTruthy();
    expect(screen.getByText('سطر ثان').getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('link', { name: 'https://land.example' }).getAttribute('rel')).toContain('noopener');
  });

  it('hides the management tabs from members and says the page is for coordinators', async () => {
    signedIn('p1');
    api('member');
    renderAt(<SpacePage kind="organisation" />, { url: '/organisations/o1/audit', path: '/organisations/:id/*' });

    expect(await screen.findByText('Only coordinators can see this.')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Sections' })).toBeNull();
  });
});
