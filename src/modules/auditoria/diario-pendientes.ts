import { appendFile, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Json } from './canonico';
import type { ActorAuditoria, RecursoAuditoria } from './entrada-auditoria';

/** An entry whose change is made but which is not in the chain yet: everything but its place. */
export interface Pendiente {
  fecha: string;
  actor: ActorAuditoria;
  accion: string;
  recurso: RecursoAuditoria;
  cambios: Json;
}

const PREFIJO = 'pendientes-';

/** Whether a process of this host is alive (signal 0 only asks). */
function vivo(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Entries that could not be chained (the database went away after the change was made) are
 * written here first, one JSON line each, synced to disk, so neither the outage nor a crash loses
 * them (docs/auditoria.md#recuperación). One file per process; a process that finds the file of a
 * dead process of its host takes it over by renaming it (a rename happens once).
 */
export class DiarioPendientes {
  private readonly archivo: string;

  constructor(private readonly carpeta: string) {
    this.archivo = join(carpeta, `${PREFIJO}${hostname()}-${process.pid}.jsonl`);
  }

  async guardar(pendientes: Pendiente[]): Promise<void> {
    if (pendientes.length === 0) return;
    await mkdir(this.carpeta, { recursive: true });
    await appendFile(this.archivo, pendientes.map((p) => `${JSON.stringify(p)}\n`).join(''));
    const fd = await open(this.archivo, 'r');
    try {
      await fd.sync();
    } finally {
      await fd.close();
    }
  }

  /** What is still to chain, after some were chained (a crash in between repeats, never loses). */
  async reescribir(restantes: Pendiente[]): Promise<void> {
    await rm(this.archivo, { force: true });
    await this.guardar(restantes);
  }

  /** The entries of dead processes' files (and of this process's own earlier life: none). */
  async adoptarHuerfanos(): Promise<Pendiente[]> {
    const nombres = await readdir(this.carpeta).catch(() => [] as string[]);
    const propios = `${PREFIJO}${hostname()}-`;
    const out: Pendiente[] = [];
    for (const nombre of nombres) {
      const m = nombre.startsWith(propios) ? /-(\d+)\.jsonl$/.exec(nombre) : null;
      if (!m || Number(m[1]) === process.pid || vivo(Number(m[1]))) continue;
      const tomado = join(this.carpeta, `adoptado-${process.pid}-${nombre}`);
      try {
        await rename(join(this.carpeta, nombre), tomado);
      } catch {
        continue; // another process took it first
      }
      const suyos = leerLineas(await readFile(tomado, 'utf8'));
      // Kept in this process's own file before the taken one goes, so a crash loses neither.
      await this.guardar(suyos);
      out.push(...suyos);
      await rm(tomado, { force: true });
    }
    return out;
  }

  async leerPropios(): Promise<Pendiente[]> {
    return leerLineas(await readFile(this.archivo, 'utf8').catch(() => ''));
  }
}

/** A line cut by a crash mid-write is skipped: it was never acknowledged to anyone. */
function leerLineas(texto: string): Pendiente[] {
  const out: Pendiente[] = [];
  for (const linea of texto.split('\n')) {
    if (!linea.trim()) continue;
    try {
      out.push(JSON.parse(linea) as Pendiente);
    } catch {
      /* truncated line */
    }
  }
  return out;
}
