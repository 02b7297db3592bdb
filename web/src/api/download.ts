import { loadSession } from '../auth/session';
import { ApiError } from './client';

/** Exports need the bearer token, so they are fetched and handed to the browser as a file rather than linked. */
export async function download(path: string, filename: string) {
  const token = loadSession()?.token;
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, `http.${response.status}`, null);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
