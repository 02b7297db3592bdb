import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { api, problem, server } from '../testing/network';
import { renderAt, signedIn } from '../testing/render';
import { en } from '../i18n/en';
import { MyFeedbackRounds } from './MyFeedbackRounds';
import { myRound, people, roundId } from './testData';

describe('MyFeedbackRounds', () => {
  it('lists what each open round asks, for which group and by when, linking to the round', async () => {
    signedIn(people.commenter);
    server.use(api.get('/api/v1/me/feedback-rounds', ({ response }) => response(200).json([
      myRound(), myRound({ roundId: '00000000-0000-7000-8000-00000000f0f1', title: 'Budget annex', sectionIds: [], groupName: 'Signatories' }),
    ])));
    renderAt(<MyFeedbackRounds />);

    expect(await screen.findByRole('heading', { level: 1, name: 'My feedback rounds' })).toBeTruthy();
    const first = await screen.findByRole('link', { name: 'Consultation on the draft' });
    expect(first.getAttribute('href')).toBe(`/feedback-rounds/${roundId}`);
    const row = first.closest('li')!;
    expect(within(row).getByText(/For Water subgroup/).textContent).toContain('1 section');
    expect(within(row).getByText(/Deadline/).textContent).toContain('2026');
    expect(within(screen.getByRole('link', { name: 'Budget annex' }).closest('li')!).getByText(/All sections/)).toBeTruthy();
  });

  it('says when nothing is asked, and counts sections in Arabic', async () => {
    signedIn(people.commenter);
    server.use(api.get('/api/v1/me/feedback-rounds', ({ response }) => response(200).json([])));
    const { unmount } = renderAt(<MyFeedbackRounds />);
    expect(await screen.findByText('No open feedback round asks anything of you.')).toBeTruthy();
    unmount();

    server.use(api.get('/api/v1/me/feedback-rounds', ({ response }) => response(200).json([myRound({ sectionIds: ['a', 'b'] })])));
    renderAt(<MyFeedbackRounds />, { locale: 'ar' });
    expect(await screen.findByText(/قسمان/)).toBeTruthy();
  });

  it('shows why the list is refused', async () => {
    signedIn(people.commenter);
    server.use(api.get('/api/v1/me/feedback-rounds', ({ response }) => response(401).json(problem(401, 'auth.sign-in-required'))));
    renderAt(<MyFeedbackRounds />);

    expect((await screen.findByRole('alert')).textContent).toBe(en['error.auth.sign-in-required']);
  });
});
