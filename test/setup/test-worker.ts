import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The real worker as its own OS process (node + SWC register on apps/worker/main.ts), as in production. */
export class WorkerProcess {
  private output = '';
  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (c: Buffer) => (this.output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (this.output += c.toString()));
  }

  /**
   * `entry`: the worker's main module, relative to the repository (a test's own, e.g. with another
   * technique registry). `timeoutMs` bounds a hang, not the start's speed: on a 2-core machine kept
   * busy by other work, compiling and booting a process took over 60 s.
   */
  static async start(env: Record<string, string>, timeoutMs = 90_000, entry = 'apps/worker/main.ts'): Promise<WorkerProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, entry)], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    const deadline = Date.now() + timeoutMs;
    while (!worker.output.includes('worker connected to Redis')) {
      if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}:\n${worker.output.slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`worker did not start in ${timeoutMs} ms:\n${worker.output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return worker;
  }

  get log(): string {
    return this.output;
  }

  /** SIGTERM for a clean stop; SIGKILL to simulate a crash mid-job. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
      setTimeout(() => this.child.kill('SIGKILL'), 10_000).unref();
    });
  }
}
