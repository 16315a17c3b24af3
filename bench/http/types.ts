import type { DbKind } from '../lib/databases';
import type { LoadResult } from '../lib/load';
import type { DrawResult } from './draw-result';

// The results run.ts fills and report.ts prints, kept here so that neither file imports the other.

export interface ScenarioResult {
  scenario: string;
  connections: number;
  parknet: LoadResult[];
  floor: LoadResult[];
  median: {
    parknet: Pick<LoadResult, 'rps' | 'p50Ms' | 'p99Ms'>;
    floor: Pick<LoadResult, 'rps' | 'p50Ms' | 'p99Ms'>;
  };
  /** ParkNet / floor: throughput (higher is better, target >= 0.7) and p99 (lower is better, target <= 1.5). */
  ratio: { rps: number | null; p99: number | null };
}

export interface DbResult {
  db: DbKind;
  version: string;
  seeded: {
    solicitudes: number;
    usuarios: number;
    postIdentities: number;
    resultado: DrawResult;
  };
  scenarios: ScenarioResult[];
  /** ParkNet's before the draw too: the draw, not the scenarios, sets its peak after it. */
  peakRssMb: { parknet: number | null; parknetBeforeDraw: number | null; floor: number | null };
}
