/**
 * Which link and image addresses content may use: https:, http:, mailto:,
 * addresses on this site (/roles/…/) and #fragments. The address is judged
 * the way a browser reads it: after the MDX parser has decoded entities and
 * escapes, with the tabs, line breaks and control characters a browser ignores
 * removed, and the scheme compared without regard to case.
 */

export type UrlVerdict =
  | { ok: true; kind: 'external' }
  | { ok: true; kind: 'fragment'; fragment: string }
  | { ok: true; kind: 'internal'; path: string; fragment: string | undefined }
  | { ok: false; message: string };

const ALLOWED_SCHEMES = new Set(['https', 'http', 'mailto']);

// Browsers drop ASCII tab and newline anywhere in an address, and leading or trailing spaces and control characters.
const IGNORED = /[\u0000-\u0020\u007f-\u009f]/g;

export function checkUrl(raw: string): UrlVerdict {
  const url = raw.replace(IGNORED, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (ALLOWED_SCHEMES.has(scheme)) return { ok: true, kind: 'external' };
    return {
      ok: false,
      message: `${scheme}: addresses are not allowed in content; link to a page of the handbook (/roles/…/) or an https:// address`,
    };
  }
  if (url === '') return { ok: false, message: 'this link has no address; add one, or remove the link' };
  if (url.startsWith('#')) return { ok: true, kind: 'fragment', fragment: url.slice(1) };
  if (/^[/\\][/\\]/.test(url)) {
    return { ok: false, message: 'an address starting with // leaves the site without saying how; write the full https:// address' };
  }
  if (url.startsWith('/')) {
    const hash = url.indexOf('#');
    const beforeHash = hash === -1 ? url : url.slice(0, hash);
    const query = beforeHash.indexOf('?');
    return {
      ok: true,
      kind: 'internal',
      path: query === -1 ? beforeHash : beforeHash.slice(0, query),
      fragment: hash === -1 ? undefined : url.slice(hash + 1),
    };
  }
  return {
    ok: false,
    message: `"${raw.trim().slice(0, 60)}" is a relative address, which points somewhere different from every page; start it with / (for example /roles/sound-engineer/) or write the full https:// address`,
  };
}
