import { describe, expect, it } from 'vitest';
import { envelopeFromUpstream } from './error-envelope.js';

describe('envelopeFromUpstream', () => {
  it('keeps a Cinder fault key as the code and its message as written', () => {
    const envelope = envelopeFromUpstream({
      status: 404,
      body: '{"itemNotFound": {"code": 404, "message": "Volume abc could not be found."}}',
      requestId: 'req-1',
      upstream: 'cinder',
    });
    expect(envelope.error).toEqual({
      status: 404,
      code: 'itemNotFound',
      message: 'Volume abc could not be found.',
      requestId: 'req-1',
      upstream: 'cinder',
    });
  });

  it('keeps the over-quota message with its exception prefix', () => {
    const body = JSON.stringify({
      overLimit: {
        code: 413,
        message: "VolumeLimitExceeded: Maximum number of volumes allowed (1) exceeded for quota 'volumes'.",
        retryAfter: '0',
      },
    });
    const envelope = envelopeFromUpstream({ status: 413, body, upstream: 'cinder' });
    expect(envelope.error.code).toBe('overLimit');
    expect(envelope.error.message).toMatch(/^VolumeLimitExceeded: /);
  });

  it('turns a Keystone error title into a camel-case code', () => {
    const envelope = envelopeFromUpstream({
      status: 401,
      body: '{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}',
      upstream: 'keystone',
    });
    expect(envelope.error.code).toBe('unauthorized');
    expect(envelope.error.message).toBe('The request you have made requires authentication.');
    expect(envelope.error.requestId).toBeUndefined();
  });

  it('gives a readable message for a webob page that is not a fault', () => {
    const body =
      '{"message": "The resource could not be found.<br /><br />\\n\\n\\n", "code": "404 Not Found", "title": "Not Found"}';
    const envelope = envelopeFromUpstream({ status: 404, body, upstream: 'cinder' });
    expect(envelope.error.message).toBe('The resource could not be found.');
    expect(envelope.error.code).toBe('upstreamError');
  });

  it('survives an HTML error page or an empty body from a proxy in front of the cloud', () => {
    expect(
      envelopeFromUpstream({ status: 502, body: '<html>Bad Gateway</html>', upstream: 'cinder' }).error.message,
    ).toBe('Cinder (block storage) could not complete the request (HTTP 502).');
    expect(envelopeFromUpstream({ status: 503, body: '<html>down</html>', upstream: 'keystone' }).error.message).toBe(
      'Keystone (identity) is unavailable (HTTP 503). Try again in a moment.',
    );
    expect(envelopeFromUpstream({ status: 400, body: '', upstream: 'glance' }).error.message).toContain('HTTP 400');
  });
});
