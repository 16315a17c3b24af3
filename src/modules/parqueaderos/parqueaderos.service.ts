import { Injectable } from '@nestjs/common';
import { veComoAdmin, type UsuarioActual } from 'src/core/auth/roles';
import { NoEncontradoError, ValidacionError } from 'src/shared/errors/domain-error';
import { Pagina } from 'src/shared/pagination/pagina';
import { actorDe, AuditoriaService } from 'src/modules/auditoria/auditoria.service';
import { creacion, diferencias, type Accion } from 'src/modules/auditoria/entrada-auditoria';
import { ArbitroCambiosParqueadero } from './arbitro-cambios.service';
import { ActualizarParqueaderoDto } from './dto/actualizar-parqueadero.dto';
import { CrearParqueaderoDto } from './dto/crear-parqueadero.dto';
import type {
  CambiosParqueadero,
  FiltroParqueaderos,
  ParqueaderoEntidad,
  ParqueaderoParaSorteo,
} from './parqueadero.entity';
import { ParqueaderosRepository } from './parqueaderos.repository';
import { fijar, parqueaderoDuplicado } from './reglas-parqueadero';

/** The complex's standing inventory of spots (API.md "Parqueaderos"). */
@Injectable()
export class ParqueaderosService {
  constructor(
    private readonly repo: ParqueaderosRepository,
    private readonly arbitro: ArbitroCambiosParqueadero,
    private readonly auditoria: AuditoriaService,
  ) {}

  /** The unique codigo index decides between concurrent creations: one 201, the rest 409. */
  async crear(dto: CrearParqueaderoDto, actor: UsuarioActual): Promise<ParqueaderoEntidad> {
    const creado = await this.repo.crear({
      codigo: dto.codigo,
      tipo: dto.tipo,
      discapacidad: dto.discapacidad ?? false,
      zona: dto.zona ?? null,
      activo: dto.activo ?? true,
    });
    if (!creado) throw parqueaderoDuplicado(dto.codigo);
    await this.auditoria.registrar({
      actor: actorDe(actor),
      accion: 'parqueadero.creado',
      recurso: { tipo: 'parqueadero', id: creado.id },
      cambios: creacion(camposParqueadero(creado)),
    });
    return creado;
  }

  /**
   * A resident's view leaves out discapacidad and activo (API.md); filtering by them would tell
   * the same thing a page at a time, so those two filters are staff only, and a resident's list
   * holds the active inventory only (a retired spot shown without its status would mislead).
   */
  async listar(
    filtro: FiltroParqueaderos,
    page: number,
    limit: number,
    actor: UsuarioActual,
  ): Promise<Pagina<ParqueaderoEntidad>> {
    if (veComoAdmin(actor.rol)) return this.repo.listar(filtro, page, limit);
    if (filtro.discapacidad !== undefined || filtro.activo !== undefined)
      throw new ValidacionError(
        'Los filtros discapacidad y activo son solo para la administración.',
      );
    return this.repo.listar({ ...filtro, activo: true }, page, limit);
  }

  async obtener(id: string): Promise<ParqueaderoEntidad> {
    const p = await this.repo.buscar(id);
    if (!p) throw new NoEncontradoError('El parqueadero');
    return p;
  }

  /** Any field but codigo (the DTO refuses it); the reserve rule is checked on the result. */
  async actualizar(
    id: string,
    dto: ActualizarParqueaderoDto,
    actor: UsuarioActual,
  ): Promise<ParqueaderoEntidad> {
    const cambios: CambiosParqueadero = {};
    if (dto.tipo !== undefined) cambios.tipo = dto.tipo;
    if (dto.discapacidad !== undefined) cambios.discapacidad = dto.discapacidad;
    if (dto.zona !== undefined) cambios.zona = dto.zona;
    if (dto.activo !== undefined) cambios.activo = dto.activo;
    return this.cambiar(id, fijar(cambios), actor, 'parqueadero.modificado');
  }

  /** Soft: the spot leaves the active inventory; draws that used it keep their own copy. */
  async desactivar(id: string, actor: UsuarioActual): Promise<void> {
    await this.cambiar(id, fijar({ activo: false }), actor, 'parqueadero.baja');
  }

  /** A write through the arbiter, recorded when it changed something. */
  private async cambiar(
    id: string,
    decidir: Parameters<ArbitroCambiosParqueadero['cambiar']>[1],
    actor: UsuarioActual,
    accion: Accion,
  ): Promise<ParqueaderoEntidad> {
    const antes = await this.obtener(id);
    const despues = await this.arbitro.cambiar(id, decidir, antes);
    if (despues.version !== antes.version) {
      await this.auditoria.registrar({
        actor: actorDe(actor),
        accion,
        recurso: { tipo: 'parqueadero', id },
        cambios: diferencias(camposParqueadero(antes), camposParqueadero(despues)),
      });
    }
    return despues;
  }

  /** What a draw without `parqueaderos` uses: every active spot, by codigo. */
  async activosParaSorteo(): Promise<ParqueaderoParaSorteo[]> {
    const activos = await this.repo.activosParaSorteo();
    return activos.sort((a, b) => (a.codigo < b.codigo ? -1 : a.codigo > b.codigo ? 1 : 0));
  }
}

/** What a spot's entries record: every field but id, version and timestamps. */
export function camposParqueadero(p: {
  codigo: string;
  tipo: string;
  discapacidad: boolean;
  zona: string | null;
  activo: boolean;
}): Record<string, unknown> {
  return {
    codigo: p.codigo,
    tipo: p.tipo,
    discapacidad: p.discapacidad,
    zona: p.zona,
    activo: p.activo,
  };
}
