import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidacionError } from 'src/shared/errors/domain-error';
import { crearValidationPipe } from 'src/shared/validation/validation.pipe';
import { EjecutarConvocatoriaDto } from './ejecutar-convocatoria.dto';
import { ParametrosSorteoDto } from './parametros-sorteo.dto';

export type CuerpoEjecutar = ParametrosSorteoDto | EjecutarConvocatoriaDto;

const DE_CONVOCATORIA = ['convocatoriaId', 'valoresPublicos'];
const DE_INMEDIATO = ['nombre', 'parqueaderos', 'semilla'];

/**
 * POST /sorteo/ejecutar takes one of two bodies (documented as `oneOf`): the fields present choose
 * which DTO validates it, and a body with fields of both is refused rather than half-read.
 */
@Injectable()
export class CuerpoEjecutarPipe implements PipeTransform<unknown, Promise<CuerpoEjecutar>> {
  private readonly validacion = crearValidationPipe();

  async transform(valor: unknown): Promise<CuerpoEjecutar> {
    const campos =
      typeof valor === 'object' && valor !== null && !Array.isArray(valor)
        ? Object.keys(valor)
        : [];
    const anunciado = campos.some((c) => DE_CONVOCATORIA.includes(c));
    if (anunciado && campos.some((c) => DE_INMEDIATO.includes(c))) {
      throw new ValidacionError(
        'Envíe los datos de un sorteo inmediato (nombre, parqueaderos) o los de una convocatoria (convocatoriaId, valoresPublicos), no ambos.',
      );
    }
    return (await this.validacion.transform(valor, {
      type: 'body',
      metatype: anunciado ? EjecutarConvocatoriaDto : ParametrosSorteoDto,
    })) as CuerpoEjecutar;
  }
}

export function esDeConvocatoria(c: CuerpoEjecutar): c is EjecutarConvocatoriaDto {
  return c instanceof EjecutarConvocatoriaDto;
}
