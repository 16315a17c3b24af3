import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Autenticado, UsuarioAutenticado } from 'src/core/auth/auth.decorators';
import { UsuarioActual } from 'src/core/auth/roles';
import { ApiImportacionCsv } from 'src/core/docs/importacion-csv';
import { ApiError } from 'src/core/docs/respuestas-error';
import { MAX_FILAS_IMPORTACION } from 'src/shared/csv/celdas';
import { ImportarCsvQuery } from 'src/shared/csv/importar.query';
import { ResultadoImportacionDto } from 'src/shared/csv/resultado-importacion.dto';
import { MetaPaginaDto, Pagina } from 'src/shared/pagination/pagina';
import { ParseObjectIdPipe } from 'src/shared/validation/parse-object-id.pipe';
import { ActualizarParqueaderoDto } from './dto/actualizar-parqueadero.dto';
import { CrearParqueaderoDto } from './dto/crear-parqueadero.dto';
import { ListarParqueaderosQuery } from './dto/listar-parqueaderos.query';
import {
  ParqueaderoInventarioDto,
  ParqueaderoVistaResidenteDto,
} from './dto/parqueadero-response.dto';
import { ImportacionParqueaderosService } from './importacion-parqueaderos.service';
import { aParqueaderoInventarioDto, vistaPara } from './parqueadero.mapper';
import { ParqueaderosService } from './parqueaderos.service';
import { textoCsv } from 'src/shared/csv/texto-csv';

type Vista = ParqueaderoInventarioDto | ParqueaderoVistaResidenteDto;

/**
 * Staff get the whole spot, residents codigo, tipo and zona: one of the two, never a mix. `anyOf`
 * because the resident's fields are a subset of the staff's (a `oneOf` would need a discriminator).
 */
const UNA_VISTA = {
  anyOf: [
    { $ref: getSchemaPath(ParqueaderoInventarioDto) },
    { $ref: getSchemaPath(ParqueaderoVistaResidenteDto) },
  ],
};

const NoEncontrado = (): MethodDecorator => ApiError(404, ['NO_ENCONTRADO'], 'no existe.');
const MODIFICADO =
  'PARQUEADERO_MODIFICADO: el parqueadero cambió muchas veces mientras se escribía (consulte y reintente).';

const EJEMPLO_CSV =
  'codigo;tipo;discapacidad;zona;activo\nS1-001;carro;true;Sótano 1;true\nM-01;moto;;Sótano 1;\n';

@ApiTags('parqueaderos')
@ApiExtraModels(ParqueaderoInventarioDto, ParqueaderoVistaResidenteDto, MetaPaginaDto)
@ApiError(400, ['VALIDACION'])
@Controller('parqueaderos')
export class ParqueaderosController {
  constructor(
    private readonly parqueaderos: ParqueaderosService,
    private readonly importacion: ImportacionParqueaderosService,
  ) {}

  @Post()
  @Autenticado('admin')
  @ApiOperation({ summary: 'Agregar un parqueadero al inventario' })
  @ApiCreatedResponse({ type: ParqueaderoInventarioDto })
  @ApiError(409, ['PARQUEADERO_DUPLICADO'], 'ya existe un parqueadero con ese código.')
  async crear(
    @Body() dto: CrearParqueaderoDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ParqueaderoInventarioDto> {
    return aParqueaderoInventarioDto(await this.parqueaderos.crear(dto, u));
  }

  @Post('importar')
  @Autenticado('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Importar el inventario desde un CSV (por código: crea y actualiza)',
    description:
      `CSV UTF-8 (con o sin BOM), separado por "," o ";" según la cabecera, que nombra los campos ` +
      `codigo, tipo (obligatorios), discapacidad, zona, activo; hasta ${MAX_FILAS_IMPORTACION} filas. ` +
      'Todas las filas se validan antes de escribir: si alguna tiene errores no se escribe nada, ' +
      'la respuesta es 200 con los errores y los contadores en 0. modo=validar solo valida. ' +
      'Importar dos veces el mismo archivo no cambia nada; si una importación se interrumpe, ' +
      'enviar de nuevo el archivo la completa. Ver docs/parqueaderos.md.',
  })
  @ApiImportacionCsv('parqueaderos', EJEMPLO_CSV)
  @ApiError(409, ['PARQUEADERO_MODIFICADO'], MODIFICADO)
  importar(
    @Body() cuerpo: unknown,
    @Query() q: ImportarCsvQuery,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ResultadoImportacionDto> {
    return this.importacion.importar(textoCsv(cuerpo), q.modo === 'validar', u);
  }

  @Get()
  @Autenticado()
  @ApiOperation({
    summary: 'Listar el inventario, por código',
    description:
      'Un residente ve solo los parqueaderos activos, y de cada uno codigo, tipo y zona; no puede ' +
      'filtrar por discapacidad ni activo (400 VALIDACION).',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['data', 'meta'],
      properties: {
        data: { type: 'array', items: UNA_VISTA },
        meta: { $ref: getSchemaPath(MetaPaginaDto) },
      },
    },
  })
  async listar(
    @Query() q: ListarParqueaderosQuery,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<Pagina<Vista>> {
    const { page, limit, ...filtro } = q;
    const pagina = await this.parqueaderos.listar(filtro, page, limit, u);
    return { data: pagina.data.map(vistaPara(u.rol)), meta: pagina.meta };
  }

  @Get(':id')
  @Autenticado()
  @ApiOperation({
    summary: 'Un parqueadero',
    description: 'Un residente ve solo codigo, tipo y zona.',
  })
  @ApiOkResponse({ schema: UNA_VISTA })
  @NoEncontrado()
  async obtener(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<Vista> {
    return vistaPara(u.rol)(await this.parqueaderos.obtener(id));
  }

  @Patch(':id')
  @Autenticado('admin')
  @ApiOperation({ summary: 'Cambiar un parqueadero (cualquier campo menos el código)' })
  @ApiOkResponse({ type: ParqueaderoInventarioDto })
  @NoEncontrado()
  @ApiError(409, ['PARQUEADERO_MODIFICADO'], MODIFICADO)
  async actualizar(
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: ActualizarParqueaderoDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ParqueaderoInventarioDto> {
    return aParqueaderoInventarioDto(await this.parqueaderos.actualizar(id, dto, u));
  }

  @Delete(':id')
  @Autenticado('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Retirar un parqueadero del inventario activo (activo=false; los sorteos que lo usaron lo conservan)',
  })
  @ApiNoContentResponse()
  @NoEncontrado()
  @ApiError(409, ['PARQUEADERO_MODIFICADO'], MODIFICADO)
  async eliminar(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<void> {
    await this.parqueaderos.desactivar(id, u);
  }
}
