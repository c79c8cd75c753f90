/** Calls POST /api/users/two-factor/<action> with the session cookie; the error message as the server gave it. */
export async function postTwoFactor<T = Record<string, unknown>>(
  apiRoute: string,
  action: 'setup' | 'enable' | 'verify' | 'recovery-codes' | 'disable' | 'cancel',
  body: Record<string, string> = {},
): Promise<{ ok: true; body: T } | { ok: false; message: string }> {
  try {
    const response = await fetch(`${apiRoute}/users/two-factor/${action}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json = (await response.json().catch(() => ({}))) as T & { errors?: { message?: string }[] }
    if (response.ok) return { ok: true, body: json }
    return { ok: false, message: json.errors?.[0]?.message ?? `The server answered ${response.status}.` }
  } catch {
    return { ok: false, message: 'The server could not be reached. Try again.' }
  }
}
