import type { DbKind } from '../lib/databases';
import type { DrawRun } from './parknet-draw';

// The results run.ts fills and report.ts prints, kept here so that neither file imports the other.

export interface FloorRun {
  mode: 'updates' | 'replace';
  participants: number;
  ms: { read: number; compute: number; results: number; solicitudes: number; total: number };
  maxRssMb: number;
}

export interface SizeResult {
  n: number;
  spots: number;
  seedMs: number;
  parknet: DrawRun;
  floors: FloorRun[];
}

export interface DbSorteoResult {
  db: DbKind;
  version: string;
  sizes: SizeResult[];
}
