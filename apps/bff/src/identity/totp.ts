import express from 'express';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { TotpRegistration } from '@cinder-console/cinder';
import { currentCloud } from '../cloud/directory.js';
import { currentSession, requireSession } from '../session/middleware.js';

const credentialsSchema = z.object({ credentials: z.array(z.looseObject({ id: z.string(), type: z.string() })) });

/**
 * `/api/identity/totp`: whether the user has a TOTP secret with Keystone, and registering one
 * (`/v3/credentials` type `totp`, which Keystone's default policy lets a user do for themselves).
 * The secret goes to its owner this once, as text and as a QR code for an authenticator app.
 */
export function totpRouter(issuer: string): express.Router {
  const router = express.Router();

  router.get('/', requireSession, async (_req, res) => {
    const { record } = currentSession(res)!;
    const query = new URLSearchParams({ user_id: record.user.id, type: 'totp' });
    const { credentials } = credentialsSchema.parse(
      await currentCloud(res).keystone.call(record.token, `/credentials?${query}`),
    );
    res.json({ registered: credentials.length > 0 });
  });

  router.post('/', requireSession, async (_req, res) => {
    const { record } = currentSession(res)!;
    const secret = new Secret({ size: 20 });
    await currentCloud(res).keystone.call(record.token, '/credentials', {
      method: 'POST',
      body: { credential: { user_id: record.user.id, type: 'totp', blob: secret.base32 } },
    });
    // Keystone's totp method: six digits, 30 seconds, SHA-1, which is what authenticator apps assume.
    const uri = new TOTP({
      issuer,
      label: record.user.name,
      secret,
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    }).toString();
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const answer: TotpRegistration = { secret: secret.base32, uri, qrSvg };
    res.status(201).json(answer);
  });

  return router;
}
