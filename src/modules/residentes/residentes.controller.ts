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
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Autenticado, UsuarioAutenticado } from 'src/core/auth/auth.decorators';
import { UsuarioActual } from 'src/core/auth/roles';
import { ApiImportacionCsv } from 'src/core/docs/importacion-csv';
import { ApiError } from 'src/core/docs/respuestas-error';
import { MAX_FILAS_IMPORTACION } from 'src/shared/csv/celdas';
import { ImportarCsvQuery } from 'src/shared/csv/importar.query';
import { ResultadoImportacionDto } from 'src/shared/csv/resultado-importacion.dto';
import { textoCsv } from 'src/shared/csv/texto-csv';
import { Pagina, PaginaDto } from 'src/shared/pagination/pagina';
import { ParseObjectIdPipe } from 'src/shared/validation/parse-object-id.pipe';
import { ActualizarMiPerfilDto, ActualizarResidenteDto } from './dto/actualizar-residente.dto';
import { CrearResidenteDto } from './dto/crear-residente.dto';
import { ListarResidentesQuery } from './dto/listar-residentes.query';
import { ActivacionDto } from 'src/modules/auth/dto/activacion.dto';
import { aActivacionDto } from 'src/modules/auth/usuario.mapper';
import { ResidenteCreadoDto, ResidenteDto } from './dto/residente-response.dto';
import { aResidenteDto } from './residente.mapper';
import { FORMATO_CSV_RESIDENTES } from './filas-csv';
import { ImportacionResidentesService } from './importacion-residentes.service';
import { ResidentesService } from './residentes.service';

const NoEncontrado = (): MethodDecorator =>
  ApiError(404, ['NO_ENCONTRADO'], 'no existe (también si es otro residente).');
const EN_CURSO = 'SORTEO_EN_CURSO: hay un sorteo o una anulación en curso; intente cuando termine.';
const EJEMPLO_CSV =
  'nombre;documento_tipo;documento_numero;email;telefono;torre;apartamento;tipo;fechaIngreso;discapacidad;alDia\n' +
  'Ana María Pérez;CC;1020304050;ana@example.com;3001234567;A;501;propietario;2019-03-01;no;sí\n' +
  'Luis Gómez;CE;E778899;;;B;302;arrendatario;;;\n';
const MODIFICADO =
  'RESIDENTE_MODIFICADO: otra operación cambió el mismo campo al mismo tiempo (consulte y reintente).';

@ApiTags('residentes')
@ApiError(400, ['VALIDACION'])
@Controller('residentes')
export class ResidentesController {
  constructor(
    private readonly residentes: ResidentesService,
    private readonly importacion: ImportacionResidentesService,
  ) {}

  @Post()
  @Autenticado('admin')
  @ApiOperation({
    summary:
      'Registrar un residente (con email: cuenta pendiente y token de activación, mostrado una vez)',
  })
  @ApiCreatedResponse({ type: ResidenteCreadoDto })
  @ApiError(409, ['RESIDENTE_DUPLICADO'], 'documento o correo ya registrados.')
  async crear(
    @Body() dto: CrearResidenteDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ResidenteCreadoDto> {
    const { residente, activacion } = await this.residentes.crear(dto, u);
    return activacion
      ? { ...aResidenteDto(residente), activacion: aActivacionDto(activacion) }
      : aResidenteDto(residente);
  }

  @Post('importar')
  @Autenticado('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Importar residentes desde un CSV (por documento: crea y actualiza)',
    description:
      'CSV UTF-8 (con o sin BOM), separado por "," o ";" según la cabecera, que nombra los campos ' +
      `${FORMATO_CSV_RESIDENTES.campos.join(', ')} (obligatorios: ` +
      `${FORMATO_CSV_RESIDENTES.obligatorios.join(', ')}); hasta ${MAX_FILAS_IMPORTACION} filas. ` +
      'Cada fila se valida con las reglas de POST /residentes; una celda vacía de un campo opcional ' +
      'lo deja sin valor (el correo no se puede quitar). Todas las filas se validan antes de escribir: ' +
      'si alguna tiene errores no se escribe nada, la respuesta es 200 con los errores y los ' +
      'contadores en 0. modo=validar solo valida. Importar dos veces el mismo archivo no cambia ' +
      'nada; si una importación se interrumpe, enviar de nuevo el archivo la completa. Los tokens ' +
      'de activación de las cuentas creadas se envían por correo, nunca en la respuesta. ' +
      'Ver docs/importacion.md.',
  })
  @ApiImportacionCsv('residentes', EJEMPLO_CSV)
  @ApiError(
    409,
    ['RESIDENTE_DUPLICADO', 'RESIDENTE_MODIFICADO'],
    'otra operación tomó el mismo documento o correo, o cambió el mismo residente, mientras se ' +
      'escribía: lo anterior quedó escrito; revise y envíe de nuevo el archivo.',
  )
  importar(
    @Body() cuerpo: unknown,
    @Query() q: ImportarCsvQuery,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ResultadoImportacionDto> {
    return this.importacion.importar(textoCsv(cuerpo), q.modo === 'validar', u);
  }

  @Get()
  @Autenticado('admin')
  @ApiOperation({ summary: 'Listar residentes (más recientes primero)' })
  @ApiOkResponse({ type: PaginaDto(ResidenteDto) })
  async listar(@Query() q: ListarResidentesQuery): Promise<Pagina<ResidenteDto>> {
    const { page, limit, ...filtro } = q;
    const pagina = await this.residentes.listar(filtro, page, limit);
    return { data: pagina.data.map(aResidenteDto), meta: pagina.meta };
  }

  @Get('me')
  @Autenticado('residente')
  @ApiOperation({ summary: 'Mi registro de residente' })
  @ApiOkResponse({ type: ResidenteDto })
  @NoEncontrado()
  async me(@UsuarioAutenticado() u: UsuarioActual): Promise<ResidenteDto> {
    return aResidenteDto(await this.residentes.obtenerPropio(u));
  }

  @Patch('me')
  @Autenticado('residente')
  @ApiOperation({ summary: 'Actualizar mi teléfono (único campo editable por el residente)' })
  @ApiOkResponse({ type: ResidenteDto })
  @NoEncontrado()
  @ApiError(409, ['RESIDENTE_MODIFICADO'], MODIFICADO)
  async actualizarMe(
    @UsuarioAutenticado() u: UsuarioActual,
    @Body() dto: ActualizarMiPerfilDto,
  ): Promise<ResidenteDto> {
    return aResidenteDto(await this.residentes.actualizarTelefonoPropio(u, dto.telefono));
  }

  @Get(':id')
  @Autenticado()
  @ApiOperation({ summary: 'Un residente (admin, o el propio residente)' })
  @ApiOkResponse({ type: ResidenteDto })
  @NoEncontrado()
  async obtener(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ResidenteDto> {
    return aResidenteDto(await this.residentes.obtener(id, u));
  }

  @Patch(':id')
  @Autenticado('admin')
  @ApiOperation({
    summary: 'Actualizar un residente; activo:false lo da de baja, activo:true lo reactiva',
  })
  @ApiOkResponse({ type: ResidenteDto })
  @NoEncontrado()
  @ApiError(
    409,
    ['RESIDENTE_DUPLICADO', 'SORTEO_EN_CURSO', 'REGISTRO_NO_APROBADO', 'RESIDENTE_MODIFICADO'],
    `RESIDENTE_DUPLICADO: documento o correo ya registrados. ${EN_CURSO} REGISTRO_NO_APROBADO: activo:true sobre un autorregistro sin verificar o sin decidir. ${MODIFICADO}`,
  )
  async actualizar(
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: ActualizarResidenteDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ResidenteDto> {
    return aResidenteDto(await this.residentes.actualizar(id, dto, u));
  }

  @Delete(':id')
  @Autenticado('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Dar de baja (borrado lógico): cuenta deshabilitada, sesiones revocadas, solicitudes abiertas canceladas',
  })
  @ApiNoContentResponse()
  @NoEncontrado()
  @ApiError(409, ['SORTEO_EN_CURSO', 'RESIDENTE_MODIFICADO'], `${EN_CURSO} ${MODIFICADO}`)
  async eliminar(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<void> {
    await this.residentes.desactivar(id, u);
  }

  @Post(':id/activacion')
  @Autenticado('admin')
  @ApiOperation({ summary: 'Nuevo token de activación (los anteriores dejan de servir)' })
  @ApiCreatedResponse({ type: ActivacionDto })
  @NoEncontrado()
  @ApiError(
    409,
    ['RESIDENTE_INACTIVO', 'SIN_EMAIL', 'REGISTRO_NO_APROBADO', 'RESIDENTE_MODIFICADO'],
    `reactívelo, o agréguele un correo; REGISTRO_NO_APROBADO: un autorregistro sin decidir se aprueba o rechaza, no se activa. ${MODIFICADO}`,
  )
  async activacion(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ActivacionDto> {
    return aActivacionDto(await this.residentes.nuevaActivacion(id, u));
  }
}
