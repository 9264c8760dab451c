import express from 'express';

/**
 * oslo's sizelimit middleware refuses bodies over 114688 bytes. Bodies are read for every JSON
 * content type; other content types are left unread so the handler can answer 415 as Cinder does.
 */
export const jsonBody = express.json({ limit: 114_688, type: ['application/json', '+json'] });
