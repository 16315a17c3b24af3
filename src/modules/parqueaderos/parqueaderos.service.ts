import { Injectable } from '@nestjs/common';
import { veComoAdmin, type UsuarioActual } from 'src/core/auth/roles';
import { NoEncontradoError, ValidacionError } from 'src/shared/errors/domain-error';
import { Pagina } from 'src/shared/pagination/pagina';
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
  ) {}

  /** The unique codigo index decides between concurrent creations: one 201, the rest 409. */
  async crear(dto: CrearParqueaderoDto): Promise<ParqueaderoEntidad> {
    const creado = await this.repo.crear({
      codigo: dto.codigo,
      tipo: dto.tipo,
      discapacidad: dto.discapacidad ?? false,
      zona: dto.zona ?? null,
      activo: dto.activo ?? true,
    });
    if (!creado) throw parqueaderoDuplicado(dto.codigo);
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
  actualizar(id: string, dto: ActualizarParqueaderoDto): Promise<ParqueaderoEntidad> {
    const cambios: CambiosParqueadero = {};
    if (dto.tipo !== undefined) cambios.tipo = dto.tipo;
    if (dto.discapacidad !== undefined) cambios.discapacidad = dto.discapacidad;
    if (dto.zona !== undefined) cambios.zona = dto.zona;
    if (dto.activo !== undefined) cambios.activo = dto.activo;
    return this.arbitro.cambiar(id, fijar(cambios));
  }

  /** Soft: the spot leaves the active inventory; draws that used it keep their own copy. */
  async desactivar(id: string): Promise<void> {
    await this.arbitro.cambiar(id, fijar({ activo: false }));
  }

  /** What a draw without `parqueaderos` uses: every active spot, by codigo. */
  async activosParaSorteo(): Promise<ParqueaderoParaSorteo[]> {
    const activos = await this.repo.activosParaSorteo();
    return activos.sort((a, b) => (a.codigo < b.codigo ? -1 : a.codigo > b.codigo ? 1 : 0));
  }
}
