import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UserMarkdown } from './UserMarkdown';

describe('UserMarkdown', () => {
  it('renders emphasis, lists and links, the links marked as external', () => {
    const { container } = render(<UserMarkdown text={'The forum meets in **Dakar**.\n\n- first\n- second\n\nSee https://example.org/agenda'} />);

    expect(container.querySelector('strong')?.textContent).toBe('Dakar');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    const link = container.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.org/agenda');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('keeps raw HTML, script links and images inert', () => {
    const { container } = render(<UserMarkdown text={'<script>alert(1)</script><img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) ![pixel](https://tracker.example/p.gif)'} />);

    expect(container.querySelector('script, img, [onerror]')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).not.toContain('javascript:alert(3)');
    // An image is only a link: nothing is fetched unless the reader follows it.
    expect(container.querySelector('a[href="https://tracker.example/p.gif"]')?.textContent).toBe('pixel');
  });
});
