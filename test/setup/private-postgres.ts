import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/pg-admin';
import { ROOT } from '../../scripts/processes';

const idOf = (flag: '-u' | '-g') => Number(execFileSync('id', [flag, 'postgres']).toString());

/**
 * A throw-away PostgreSQL cluster on a spare port (initdb + pg_ctl), migrated, so a test can stop
 * the database under a running API without touching the machine's shared server. initdb refuses
 * to run as root, so as root the cluster belongs to the postgres system user.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/vitrack`;
  }

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'vitrack-pg-'));
    if (userInfo().uid === 0) chownSync(dir, idOf('-u'), idOf('-g'));
    const pg = new PrivatePostgres(await freePort(), dir);
    pg.run('initdb', ['-D', pg.dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    pg.startAgain();
    execFileSync('psql', ['-h', '127.0.0.1', '-p', String(pg.port), '-U', 'postgres', '-qc', 'CREATE DATABASE vitrack']);
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: pg.url }, stdio: 'pipe' });
    return pg;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private run(tool: string, args: string[]): void {
    const [cmd, all] = userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', tool, ...args]] : [tool, args];
    execFileSync(cmd, all, { stdio: 'pipe' });
  }

  startAgain(): void {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off`;
    this.run('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.dir, 'log'), '-w', 'start']);
  }

  /** Stops at once, as a crash or a lost network would: open connections break mid-session. */
  stop(): void {
    try {
      this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already down
    }
  }

  remove(): void {
    this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
