// The file name of an upload, from its Content-Disposition header (RFC 6266), never from the URL: a
// query string lands in gateway and proxy logs, a header does not. The widget sends
//   Content-Disposition: attachment; filename*=UTF-8''<percent-encoded UTF-8 name>      (RFC 8187)
// and plain `filename="…"` (ASCII, a quoted string or a token) is accepted from simpler clients.
// When both are present, filename* wins, as RFC 6266 §4.3 asks.

export type DispositionName = { ok: true; name: string | null } | { ok: false; message: string };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Splits the header into its type and parameters, honouring quoted strings (which may hold ';'). */
function parameters(header: string): { type: string; params: Array<[string, string]> } | null {
  const params: Array<[string, string]> = [];
  let rest = header.trim();
  const typeEnd = rest.indexOf(';');
  const type = (typeEnd < 0 ? rest : rest.slice(0, typeEnd)).trim().toLowerCase();
  rest = typeEnd < 0 ? '' : rest.slice(typeEnd + 1);
  while (rest.trim() !== '') {
    const match = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*/.exec(rest);
    if (!match) return null;
    rest = rest.slice(match[0].length);
    let value: string;
    if (rest.startsWith('"')) {
      let i = 1;
      value = '';
      for (; i < rest.length && rest[i] !== '"'; i++) {
        if (rest[i] === '\\' && i + 1 < rest.length) i++;
        value += rest[i];
      }
      if (i >= rest.length) return null; // no closing quote
      rest = rest.slice(i + 1);
    } else {
      const end = rest.indexOf(';');
      value = (end < 0 ? rest : rest.slice(0, end)).trim();
      rest = end < 0 ? '' : rest.slice(end);
      if (!TOKEN.test(value) && !match[1]!.endsWith('*')) return null;
    }
    params.push([match[1]!.toLowerCase(), value]);
    const next = /^\s*(;|$)/.exec(rest);
    if (!next) return null;
    rest = rest.slice(next[0].length);
  }
  return { type, params };
}

/** RFC 8187 ext-value: charset'language'percent-encoded; only UTF-8 is accepted. */
function extValue(value: string): string | null {
  const match = /^([A-Za-z0-9!#$%&+^_`{}~-]+)'[A-Za-z0-9-]*'((?:[A-Za-z0-9!#$&+.^_`|~-]|%[0-9A-Fa-f]{2})*)$/.exec(
    value,
  );
  if (!match || match[1]!.toLowerCase() !== 'utf-8') return null;
  const bytes: number[] = [];
  const text = match[2]!;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%') {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/** The file name in a Content-Disposition header; `name: null` when there is no header or no name in it. */
export function fileNameFromDisposition(header: string | undefined): DispositionName {
  if (header === undefined || header.trim() === '') return { ok: true, name: null };
  const parsed = parameters(header);
  if (!parsed || parsed.type !== 'attachment') {
    return {
      ok: false,
      message: "Content-Disposition is attachment; filename*=UTF-8''<percent-encoded name> (RFC 6266, RFC 8187).",
    };
  }
  const seen = new Set<string>();
  for (const [key] of parsed.params) {
    if (seen.has(key)) return { ok: false, message: `Content-Disposition names ${key} twice.` };
    seen.add(key);
  }
  const extended = parsed.params.find(([key]) => key === 'filename*');
  if (extended) {
    const name = extValue(extended[1]);
    return name === null
      ? { ok: false, message: "filename* is UTF-8''<percent-encoded UTF-8 bytes>." }
      : { ok: true, name };
  }
  const plain = parsed.params.find(([key]) => key === 'filename');
  if (!plain) return { ok: true, name: null };
  // Without filename* the name is ASCII; other bytes have no agreed meaning (RFC 6266 appendix D).
  if (!/^[\x20-\x7e]*$/.test(plain[1]))
    return { ok: false, message: 'A filename="…" is ASCII; send other names as filename*=UTF-8\'\'…' };
  return { ok: true, name: plain[1] };
}
