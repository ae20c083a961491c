import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { isSecureOrigin, type AuthConfig } from './authConfig';

// Response headers for every answer. The Content-Security-Policy allows only our own
// scripts (the Vite build emits no inline script), our own websocket, and nothing
// framing us. Inline styles stay allowed: the editor injects its base stylesheet and
// sets style attributes for collaborators' carets, and styles cannot run code.
// Referrer-Policy no-referrer keeps invitation links out of other sites' logs.

export function securityHeaders(config: Pick<AuthConfig, 'publicOrigin'>): MiddlewareHandler {
  // Read per response: a server started on port 0 learns its origin only once listening.
  const socketOrigin = () => config.publicOrigin.replace(/^http/, 'ws');
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", socketOrigin],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      workerSrc: ["'self'", 'blob:'],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    // HSTS only when we are actually served over https, or localhost would be pinned.
    strictTransportSecurity: isSecureOrigin(config.publicOrigin) ? 'max-age=31536000' : false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });
}
