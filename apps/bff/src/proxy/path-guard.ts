/**
 * Checks the path the browser asks the BFF to forward, relative to the service endpoint. The
 * endpoint already carries the session's project, so the path may only name resources below it:
 * no dot segments (plain or percent-encoded), no encoded slashes or backslashes, no empty
 * segments that could turn into `//host`, and no leading project id.
 * Returns the reason for refusing, or undefined when the path is acceptable.
 */
export function refusePath(path: string): string | undefined {
  if (!path.startsWith('/')) return 'The path must be relative to the service endpoint.';
  if (path.length > 2048) return 'The path is too long.';
  if (!wellEscaped(path)) return 'The path has a malformed percent-escape.';
  if (/%(?:2e|2f|5c|00)/i.test(path)) return 'Encoded dots, slashes and NUL are not allowed in the path.';
  if (!/^[A-Za-z0-9/._~:@!$&'()*+,;=%-]*$/.test(path)) return 'The path contains characters that are not allowed.';
  const segments = path.slice(1).split('/');
  if (segments.slice(0, -1).some((s) => s === '')) return 'Empty path segments are not allowed.';
  if (segments.some((s) => s === '.' || s === '..')) return 'Dot segments are not allowed in the path.';
  // Cinder reads a leading hex segment as a project id; the session's project is already in the endpoint.
  if (/^[0-9a-f-]+$/.test(segments[0] ?? ''))
    return 'The project is fixed by your session and cannot be named in the path.';
  return undefined;
}

/**
 * Whether every `%` starts an escape of two hex digits and the escapes decode to UTF-8. Cinder
 * answers a 500 to anything else; the guard answers 400 instead, before anything goes upstream.
 */
export function wellEscaped(text: string): boolean {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return false;
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}
