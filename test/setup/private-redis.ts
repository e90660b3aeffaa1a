import { execFileSync } from 'node:child_process';
import { freePort } from '../../scripts/pg-admin';

/** A throw-away Redis on a spare port, so fault tests never touch the machine's shared one. */
export class PrivateRedis {
  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<PrivateRedis> {
    const r = new PrivateRedis(await freePort());
    r.startAgain();
    return r;
  }

  startAgain(): void {
    execFileSync('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes']);
    for (let i = 0; i < 50; i++) {
      try {
        execFileSync('redis-cli', ['-p', String(this.port), 'ping'], { stdio: 'pipe' });
        return;
      } catch {
        execFileSync('sleep', ['0.1']);
      }
    }
    throw new Error(`private redis on ${this.port} did not start`);
  }

  stop(): void {
    try {
      execFileSync('redis-cli', ['-p', String(this.port), 'shutdown', 'nosave'], { stdio: 'pipe' });
    } catch {
      // already down
    }
  }
}
