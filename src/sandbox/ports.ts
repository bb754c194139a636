// Stable ports: each server tries the port it had last time (kept in ports.json) so a kubeconfig
// or a terminal's environment from the previous run keeps working; if it is taken, any free port.
import type { Server } from 'node:http';
import { readJson, writeJsonAtomic } from './json-file.js';

export type PortName = 'apiserver' | 'registry' | 'arm' | 'charts';
export type Ports = Partial<Record<PortName, number>>;

export function loadPorts(file: string): Ports {
  const raw = readJson(file);
  if (!raw || typeof raw !== 'object') return {};
  const ports: Ports = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 65536) ports[name as PortName] = value;
  }
  return ports;
}

export function savePorts(file: string, ports: Ports): void {
  writeJsonAtomic(file, ports);
}

/** Listens on 127.0.0.1:preferred, or on any free port when that one is taken; returns the port. */
export async function listenStable(server: Server, preferred = 0): Promise<number> {
  try {
    return await listenOnce(server, preferred);
  } catch (err) {
    if (preferred !== 0 && (err as NodeJS.ErrnoException).code === 'EADDRINUSE') return listenOnce(server, 0);
    throw err;
  }
}

function listenOnce(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Closes a server, dropping idle keep-alive connections so close() does not hang. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
