import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A child process whose output is kept (last 8 KB) for error messages, and that can be stopped. */
export interface Child {
  pid: number;
  proc: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function startChild(cmd: string, args: string[], opts: SpawnOptions): Child {
  const proc = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer): void => {
    out = (out + b.toString()).slice(-8192);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
      setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
    });
  return { pid: proc.pid ?? -1, proc, output: () => out, stop };
}

/** A memory figure of a live process, from /proc (Linux); null elsewhere or once it exited. */
function memoriaMb(pid: number, campo: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`${campo}:\\s+(\\d+) kB`).exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Peak resident set size of a live process since it started. */
export const peakRssMb = (pid: number): number | null => memoriaMb(pid, 'VmHWM');

/** Resident set size of a live process now. */
export const rssMb = (pid: number): number | null => memoriaMb(pid, 'VmRSS');

/** Node with TypeScript sources: ts-node (transpile only) and the `src/...` path alias. */
export const TS_NODE_ARGS = [
  '-r',
  'ts-node/register/transpile-only',
  '-r',
  'tsconfig-paths/register',
];
