import type { Actor } from '../../shared/contract/envelope';

/**
 * Whether a request comes from the engine's own machine: the desktop app (IPC), an in-process CLI,
 * or a socket from a loopback address. Requests that name paths on the engine's machine (files to
 * import or open, folders to write reports into) are taken only from these.
 */
export function isLocalActor(actor: Actor): boolean {
  if (actor.origin !== 'socket') return true;
  const address = actor.address ?? '';
  return /^(?:::ffff:)?127\.\d+\.\d+\.\d+$/.test(address) || address === '::1';
}
