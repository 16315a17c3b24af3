import type { ConfigType } from '@nestjs/config';
import { mongo } from 'mongoose';
import type { databaseConfig } from '../config/database.config';

/** Driver options for one bulk command of a draw or an annulment: its own, larger time limit. */
export interface OpcionesMasivas {
  timeoutMS: number;
}

/** The same for a cursor such a job walks while it writes: the limit applies to each batch. */
export interface CursorMasivo extends OpcionesMasivas {
  timeoutMode: mongo.CursorTimeoutMode;
}

/**
 * Every other operation keeps the client-wide `timeoutMS` (MONGODB_OPERACION_TIMEOUT_MS), so
 * request paths answer 503 quickly when the database stalls; a job cut by its own limit fails like
 * a crash and is finished or undone by the recovery (recuperacion.service.ts).
 */
export function opcionesMasivas(db: ConfigType<typeof databaseConfig>): OpcionesMasivas {
  return { timeoutMS: db.masivoTimeoutMs };
}

/**
 * A cursor's default limit covers its whole life, including the caller's work between batches; a
 * job that writes between batches would run out of it however healthy the database is.
 */
export function cursorMasivo(db: ConfigType<typeof databaseConfig>): CursorMasivo {
  return { timeoutMS: db.masivoTimeoutMs, timeoutMode: mongo.CursorTimeoutMode.ITERATION };
}
