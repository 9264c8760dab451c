import type { RequestHandler } from 'express';
import type { FaultRegistry } from '../sim/faults.js';

/**
 * Applies HTTP faults armed through the control API: extra latency, an error status with a Cinder
 * fault body, or a connection dropped without an answer. The control API itself is never affected.
 */
export function injectedFaults(faults: FaultRegistry): RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith('/emulator/')) return next();
    const fault = faults.takeHttpFault(req.method, req.path);
    if (!fault) return next();
    const act = () => {
      // The client gave up during the delay (a proxy's time-out): there is nobody left to answer,
      // and the request's body was never read.
      if (req.socket.destroyed) return;
      if (fault.drop) {
        req.socket.destroy();
      } else if (fault.status) {
        res.status(fault.status).json({
          [fault.status === 503 ? 'serviceUnavailable' : 'computeFault']: {
            code: fault.status,
            message: 'The server has either erred or is incapable of performing the requested operation.',
          },
        });
      } else {
        next();
      }
    };
    if (fault.delayMs) setTimeout(act, fault.delayMs).unref();
    else act();
  };
}
