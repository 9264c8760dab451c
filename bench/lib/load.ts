// autocannon at a fixed concurrency for a fixed time: requests per second and latency percentiles.
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  /** Requests completed. */
  total: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A fresh body per request (creates need distinct names). */
  body?: () => string;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body
      ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: options.body!() }) }] }
      : {}),
  });
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
