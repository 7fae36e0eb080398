/** The two tus requests the page makes outside tus-js-client: asking how far an upload got, and deleting one. */

const TUS_VERSION = '1.0.0';

export type ProbeResult = { state: 'alive'; offset: number; total: number } | { state: 'gone' } | { state: 'unknown' };

function headers(token: string | null): Record<string, string> {
  return token ? { 'Tus-Resumable': TUS_VERSION, Authorization: `Bearer ${token}` } : { 'Tus-Resumable': TUS_VERSION };
}

/** HEAD: the bytes the server holds. "gone" (expired, refused, someone else's) means never offer it again. */
export async function probeUpload(url: string, token: string | null, fetchImpl: typeof fetch = fetch): Promise<ProbeResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, { method: 'HEAD', headers: headers(token), credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { state: 'unknown' };
  }
  if (response.status === 404 || response.status === 410 || response.status === 403) return { state: 'gone' };
  if (!response.ok) return { state: 'unknown' };
  const offset = Number(response.headers.get('Upload-Offset'));
  const total = Number(response.headers.get('Upload-Length'));
  if (!Number.isFinite(offset) || !Number.isFinite(total) || total <= 0) return { state: 'unknown' };
  return { state: 'alive', offset, total };
}

/** DELETE (tus termination): the server drops the bytes and frees the quota at once. */
export async function terminateUpload(url: string, token: string | null, fetchImpl: typeof fetch = fetch): Promise<void> {
  try {
    await fetchImpl(url, { method: 'DELETE', headers: headers(token), credentials: 'same-origin' });
  } catch {
    // Unfinished uploads expire on the server by themselves.
  }
}
