import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { renderAt } from '../testing/render';
import { Contributions } from './Contributions';

const sentIds = (call: ReturnType<typeof vi.fn>) => call.mock.calls.map(([, command]) => (command as { id: string }).id);

describe('Contributions', () => {
  it('retries a failed post under the same id, so the server posts it once; the next contribution gets a new id', async () => {
    const call = vi.fn()
      .mockRejectedValueOnce(new ApiError(0, 'network.offline', null))
      .mockResolvedValue(7);
    renderAt(<Contributions contributions={[]} canPost call={call} heading="Contributions" />);
    const text = screen.getByLabelText<HTMLTextAreaElement>('Your contribution');
    const post = screen.getByRole<HTMLButtonElement>('button', { name: 'Post' });

    fireEvent.change(text, { target: { value: 'Hola a todas' } });
    fireEvent.click(post);
    await waitFor(() => expect(call).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(post.disabled).toBe(false));
    expect(text.value).toBe('Hola a todas');

    fireEvent.click(post);
    await waitFor(() => expect(text.value).toBe(''));
    expect(call).toHaveBeenCalledTimes(2);
    expect(call.mock.calls[1]).toEqual(['Contribute', { id: sentIds(call)[0], text: 'Hola a todas', replyTo: null }]);

    fireEvent.change(text, { target: { value: 'Hola a todas' } });
    fireEvent.click(post);
    await waitFor(() => expect(call).toHaveBeenCalledTimes(3));
    const [first, retry, next] = sentIds(call);
    expect(retry).toBe(first);
    expect(next).not.toBe(first);
  });

  it('gives an edited text a new id after a failure', async () => {
    const call = vi.fn().mockRejectedValueOnce(new ApiError(0, 'network.offline', null)).mockResolvedValue(7);
    renderAt(<Contributions contributions={[]} canPost call={call} heading="Contributions" />);
    const text = screen.getByLabelText<HTMLTextAreaElement>('Your contribution');
    const post = screen.getByRole<HTMLButtonElement>('button', { name: 'Post' });

    fireEvent.change(text, { target: { value: 'Hola' } });
    fireEvent.click(post);
    await waitFor(() => expect(post.disabled).toBe(false));
    await waitFor(() => expect(call).toHaveBeenCalledTimes(1));
    fireEvent.change(text, { target: { value: 'Hola a todas' } });
    fireEvent.click(post);
    await waitFor(() => expect(call).toHaveBeenCalledTimes(2));
    const [first, edited] = sentIds(call);
    expect(edited).not.toBe(first);
  });
});
