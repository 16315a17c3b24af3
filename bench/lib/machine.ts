import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

function pkgVersion(name: string): string {
  try {
    return (
      JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return '?';
  }
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    return '?';
  }
}

/** Where and with what a run happened: printed at the top of every result. */
export function machineInfo() {
  const c = cpus();
  return {
    date: new Date().toISOString(),
    cpu: `${c.length} × ${c[0]?.model ?? '?'}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAvg1m: Math.round(loadavg()[0] * 100) / 100,
    node: process.version,
    commit: commit(),
    packages: Object.fromEntries(
      ['@nestjs/core', 'fastify', 'mongoose', 'mongodb', 'bcrypt', 'autocannon'].map((p) => [
        p,
        pkgVersion(p),
      ]),
    ),
  };
}

export function machineMarkdown(m: ReturnType<typeof machineInfo>): string {
  const pk = Object.entries(m.packages)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    `- Date: ${m.date}; commit ${m.commit}`,
    `- Machine: ${m.cpu}, ${m.memoryGb} GB RAM, load average at start ${m.loadAvg1m}`,
    `- Node ${m.node}; ${pk}`,
  ].join('\n');
}
