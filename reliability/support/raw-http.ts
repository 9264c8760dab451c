import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** Every Set-Cookie line, which `headers` would fold together. */
  setCookies: string[];
  body: string;
}

/** Decodes a chunked transfer-encoded body. */
function unchunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < raw.length) {
    const lineEnd = raw.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = parseInt(raw.subarray(offset, lineEnd).toString(), 16);
    if (!size) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * Sends bytes exactly as given over a fresh TCP connection and reads the answer until the server
 * closes it. `fetch` and `http.request` would normalise `..`, refuse CR/LF and fix the Host header:
 * an attacker's client does none of that, so the abuse tests do not either.
 */
export function rawRequest(origin: string, head: string, body: Buffer | string = ''): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error(`no answer to ${head.split('\r\n')[0]}`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const headText = raw.subarray(0, split < 0 ? raw.length : split).toString('latin1');
      const [statusLine = '', ...lines] = headText.split('\r\n');
      const headers: Record<string, string> = {};
      const setCookies: string[] = [];
      for (const line of lines) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (name === 'set-cookie') setCookies.push(value);
        headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
      }
      let payload: Buffer = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
      if (/chunked/i.test(headers['transfer-encoding'] ?? '')) payload = unchunk(payload);
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, setCookies, body: payload.toString('utf8') });
    });
    socket.on('connect', () => {
      socket.write(head.endsWith('\r\n\r\n') ? head : `${head}\r\n\r\n`);
      if (body.length) socket.write(body);
    });
  });
}

/** A request head with the usual headers, the connection closed after the answer. */
export function requestHead(
  method: string,
  target: string,
  host: string,
  headers: Record<string, string> = {},
  bodyLength = 0,
): string {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host}`, 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (bodyLength || method !== 'GET') lines.push(`Content-Length: ${bodyLength}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}
