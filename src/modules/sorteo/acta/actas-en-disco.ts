import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { databaseConfig } from 'src/core/config/database.config';

/** Actas kept on disk (a few per draw: each renuncia makes a new version). */
const MAX_ARCHIVOS = 24;

/**
 * Rendered actas on disk, by ETag. An acta's bytes depend only on its ETag (acta.md), and the
 * minutes after a draw every resident may download it at once: rendering it once per request made
 * 50 requests 50 renders of the whole result side by side (p99 12 s at 2,000 participants on this
 * machine, bench/README.md). Here the first request renders into a temporary file, requests that
 * come meanwhile wait for that one render, and every request streams the finished file: memory
 * stays one table chunk, whatever the draw's size. The file appears by a rename, so a reader never
 * sees half an acta; two instances sharing DATA_DIR at worst both render it. Without a writable
 * DATA_DIR the acta is rendered per request, as before.
 */
@Injectable()
export class ActasEnDisco {
  private readonly logger = new Logger('ActasEnDisco');
  private readonly carpeta: string;
  private readonly enCurso = new Map<string, Promise<string | null>>();

  constructor(@Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>) {
    this.carpeta = join(db.dataDir, 'actas');
  }

  async obtener(etag: string, generar: () => Promise<Readable>): Promise<Readable> {
    const archivo = join(this.carpeta, `${createHash('sha256').update(etag).digest('hex')}.pdf`);
    if (await existe(archivo)) return createReadStream(archivo);
    let escritura = this.enCurso.get(archivo);
    if (!escritura) {
      escritura = this.escribir(archivo, generar).finally(() => this.enCurso.delete(archivo));
      this.enCurso.set(archivo, escritura);
    }
    const listo = await escritura;
    return listo ? createReadStream(listo) : generar();
  }

  /** The path once written, or null when the disk refused it (the caller renders per request). */
  private async escribir(
    archivo: string,
    generar: () => Promise<Readable>,
  ): Promise<string | null> {
    const temporal = `${archivo}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const pdf = await generar();
    try {
      await mkdir(this.carpeta, { recursive: true });
      await pipeline(pdf, createWriteStream(temporal));
      await rename(temporal, archivo);
    } catch (err) {
      pdf.destroy();
      await rm(temporal, { force: true });
      // The file system's errors carry a code (ENOSPC, EACCES, EROFS…); a failed render does not.
      if ((err as NodeJS.ErrnoException).code === undefined) throw err;
      this.logger.warn(`Acta no guardada en ${this.carpeta}: ${String(err)}`);
      return null;
    }
    await this.podar().catch(() => undefined);
    return archivo;
  }

  /** Keeps the newest MAX_ARCHIVOS actas (an old version is rendered again if ever asked). */
  private async podar(): Promise<void> {
    const nombres = (await readdir(this.carpeta)).filter((n) => n.endsWith('.pdf'));
    if (nombres.length <= MAX_ARCHIVOS) return;
    const conFecha = await Promise.all(
      nombres.map(async (n) => ({
        n,
        t: (await stat(join(this.carpeta, n)).catch(() => null))?.mtimeMs ?? 0,
      })),
    );
    conFecha.sort((a, b) => b.t - a.t);
    for (const { n } of conFecha.slice(MAX_ARCHIVOS))
      await rm(join(this.carpeta, n), { force: true });
  }
}

async function existe(archivo: string): Promise<boolean> {
  return (await stat(archivo).catch(() => null))?.isFile() ?? false;
}
