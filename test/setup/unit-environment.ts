import net from 'node:net';

import NodeEnvironment from 'jest-environment-node';

/**
 * The unit tier's test environment: no database, no Redis, no network, and it proves it. The
 * service URLs a spec sees point at a closed port, and any TCP connection opened while a unit spec
 * runs fails at once with a message saying where the spec belongs, so a spec that secretly needs
 * PostgreSQL or Redis fails here whether or not the machine's services are running.
 *
 * The guard lives in the environment, not a setup file, because Jest shares its worker processes
 * between tiers: `teardown()` takes it away again before an integration spec runs in the same worker.
 */
export const CLOSED_PORT_HOST = '127.0.0.1:9';
export const UNIT_NETWORK_ERROR = 'the unit tier opens no network connection: move this spec to test/integration or test/e2e';

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;

/** A Unix socket or named pipe is local IPC (e.g. a child process's stdio), not a service. */
function isIpc(first: unknown): boolean {
  const options = Array.isArray(first) ? (first as unknown[])[0] : first;
  if (typeof options === 'string') return Number.isNaN(Number(options));
  return typeof options === 'object' && options !== null && typeof (options as { path?: unknown }).path === 'string';
}

export default class UnitEnvironment extends NodeEnvironment {
  private original?: Connect;

  async setup(): Promise<void> {
    await super.setup();
    // The spec's process.env is a copy (jest-environment-node), so this never leaks into other tiers.
    const env = this.global.process.env;
    env.DATABASE_URL = `postgresql://postgres@${CLOSED_PORT_HOST}/vitrack_unit_tier_has_no_database`;
    env.TEST_PG_URL = `postgresql://postgres@${CLOSED_PORT_HOST}`;
    env.REDIS_URL = `redis://${CLOSED_PORT_HOST}`;
    delete env.VITRACK_TEMPLATE_DB;

    const proto = net.Socket.prototype as unknown as { connect: Connect };
    const original = proto.connect;
    this.original = original;
    proto.connect = function (this: net.Socket, ...args: unknown[]): net.Socket {
      if (!isIpc(args[0])) throw new Error(`${UNIT_NETWORK_ERROR} (connect ${JSON.stringify(args[0])})`);
      return original.apply(this, args);
    };
  }

  async teardown(): Promise<void> {
    if (this.original) (net.Socket.prototype as unknown as { connect: Connect }).connect = this.original;
    await super.teardown();
  }
}
