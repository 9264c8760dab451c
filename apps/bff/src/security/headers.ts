import helmet from 'helmet';

/**
 * Security headers for the SPA and the API. The CSP allows scripts only from this origin (no
 * inline script); styles may be inline because Mantine sets CSS variables and inline styles.
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      // Set only when served over TLS; on plain http it would break local use.
      'upgrade-insecure-requests': null,
    },
  },
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
});
