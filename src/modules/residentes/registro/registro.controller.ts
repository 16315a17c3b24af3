import { Body, Controller, HttpCode, HttpStatus, Ip, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Autenticado, Publica, UsuarioAutenticado } from 'src/core/auth/auth.decorators';
import { UsuarioActual } from 'src/core/auth/roles';
import { ApiError } from 'src/core/docs/respuestas-error';
import { ParseObjectIdPipe } from 'src/shared/validation/parse-object-id.pipe';
import { ResidenteDto } from '../dto/residente-response.dto';
import { aResidenteDto } from '../residente.mapper';
import { DecisionesRegistroService } from './decisiones-registro.service';
import {
  MensajeDto,
  RechazarRegistroDto,
  RegistroDto,
  VerificarCorreoDto,
} from './dto/registro.dto';
import { RegistroService } from './registro.service';

const NO_PENDIENTE =
  'REGISTRO_NO_PENDIENTE: el registro no espera una decisión (sin verificar, ya decidido, ' +
  'no es un autorregistro, o otra operación lo decidió al mismo tiempo). RESIDENTE_MODIFICADO: ' +
  'otra operación cambió el residente a la vez (consulte y reintente).';

/** Self-registration and the administration's decision on it (docs/registro.md). */
@ApiError(400, ['VALIDACION'])
@Controller()
export class RegistroController {
  constructor(
    private readonly registro: RegistroService,
    private readonly decisiones: DecisionesRegistroService,
  ) {}

  @Post('auth/registro')
  @Publica()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiTags('auth')
  @ApiOperation({
    summary: 'Autorregistro de un residente (queda por verificar el correo y por aprobar)',
    description:
      'Siempre 202 con el mismo cuerpo, también si el correo o el documento ya están registrados ' +
      '(no revela cuáles existen): al dueño de un correo ya registrado se le avisa por correo que ' +
      'alguien intentó registrarse con él; si solo el documento está tomado, al correo dado se le ' +
      'pide comunicarse con la administración. Un registro nuevo recibe un enlace de verificación ' +
      '(un solo uso, 72 h). discapacidad, fechaNacimiento, alDia y fechaIngreso no se declaran: ' +
      'enviarlos es 400 VALIDACION (los fija la administración). Limitado por dirección de origen ' +
      '(REGISTRO_MAX_POR_IP por REGISTRO_VENTANA_MIN, 20 por hora por defecto, entre todas las ' +
      'instancias). Ver docs/registro.md.',
  })
  @ApiAcceptedResponse({ type: MensajeDto })
  @ApiError(400, ['VALIDACION', 'PASSWORD_DEBIL'])
  @ApiError(429, ['DEMASIADOS_INTENTOS'], 'demasiados registros desde su red; vea Retry-After.')
  registrar(@Body() dto: RegistroDto, @Ip() ip: string): Promise<MensajeDto> {
    return this.registro.registrar(dto, ip);
  }

  @Post('auth/verificar-correo')
  @Publica()
  @HttpCode(HttpStatus.OK)
  @ApiTags('auth')
  @ApiOperation({
    summary: 'Confirmar el correo de un autorregistro: pasa a la cola de la administración',
  })
  @ApiOkResponse({ type: MensajeDto })
  @ApiError(400, ['TOKEN_INVALIDO', 'VALIDACION'], 'token desconocido, ya usado o vencido.')
  @ApiError(
    409,
    ['RESIDENTE_MODIFICADO'],
    'otra operación cambió el residente a la vez; reintente.',
  )
  verificar(@Body() dto: VerificarCorreoDto): Promise<MensajeDto> {
    return this.registro.verificar(dto.token);
  }

  @Post('residentes/:id/registro/aprobar')
  @Autenticado('admin')
  @HttpCode(HttpStatus.OK)
  @ApiTags('residentes')
  @ApiOperation({
    summary:
      'Aprobar un autorregistro verificado: la cuenta queda activa con la contraseña elegida y se avisa por correo',
  })
  @ApiOkResponse({ type: ResidenteDto })
  @ApiError(404, ['NO_ENCONTRADO'])
  @ApiError(
    409,
    ['REGISTRO_NO_PENDIENTE', 'RESIDENTE_INACTIVO', 'RESIDENTE_MODIFICADO'],
    `${NO_PENDIENTE} RESIDENTE_INACTIVO: fue dado de baja; solo se puede rechazar.`,
  )
  async aprobar(
    @Param('id', ParseObjectIdPipe) id: string,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ResidenteDto> {
    return aResidenteDto(await this.decisiones.aprobar(id, u));
  }

  @Post('residentes/:id/registro/rechazar')
  @Autenticado('admin')
  @HttpCode(HttpStatus.OK)
  @ApiTags('residentes')
  @ApiOperation({
    summary:
      'Rechazar un autorregistro verificado: el residente queda inactivo, la cuenta deshabilitada y se le envía el motivo',
  })
  @ApiOkResponse({ type: ResidenteDto })
  @ApiError(404, ['NO_ENCONTRADO'])
  @ApiError(409, ['REGISTRO_NO_PENDIENTE', 'RESIDENTE_MODIFICADO'], NO_PENDIENTE)
  async rechazar(
    @Param('id', ParseObjectIdPipe) id: string,
    @Body() dto: RechazarRegistroDto,
    @UsuarioAutenticado() u: UsuarioActual,
  ): Promise<ResidenteDto> {
    return aResidenteDto(await this.decisiones.rechazar(id, dto.motivo, u));
  }
}
