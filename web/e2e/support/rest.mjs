// The public REST API as the browser tests seed it: JSON in and out, a failure thrown with its status and body.
export const password = 'correct horse battery staple';

/** `baseUrl` may be a function, for a test that starts its platform after it made the client. */
export function restClient(baseUrl) {
  const base = typeof baseUrl === 'function' ? baseUrl : () => baseUrl;
  const call = async (method, path, body, token, headers = {}) => {
    const response = await fetch(`${base()}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };

  /** Signs up a person (with an invitation token, optionally) and signs them in: their name, e-mail and token. */
  const person = async (displayName, invitation) => {
    const email = `${displayName.split(' ')[0].toLowerCase()}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
    await call('POST', '/api/v1/accounts', { email, password, displayName, invitation });
    return { displayName, email, ...(await call('POST', '/api/v1/auth/token', { email, password })) };
  };

  return { call, person };
}
