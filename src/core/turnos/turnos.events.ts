/**
 * Emitted when a turn may have been left open with nobody to finish it: a caller noticed an
 * unfinished turn whose holder is dead, or a turn was claimed but the database failed before its
 * holder could start. The draw module recovers it (RecuperacionService).
 */
export const TURNO_ABANDONADO = 'sorteo.turno-abandonado';
