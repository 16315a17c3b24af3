import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Autenticado,
  CuentaPropia,
  Publica,
  UsuarioAutenticado,
} from 'src/core/auth/auth.decorators';
import { UsuarioActual } from 'src/core/auth/roles';
import { ApiError } from 'src/core/docs/respuestas-error';
import { AuthService } from './auth.service';
import { ActivarDto, CambiarPasswordDto, LoginDto, RefreshDto } from './dto/auth-request.dto';
import { SesionDto, UsuarioDto } from './dto/sesion-response.dto';

@ApiTags('auth')
@ApiError(400, ['VALIDACION'])
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Publica()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Iniciar sesión' })
  @ApiOkResponse({ type: SesionDto })
  @ApiError(
    401,
    ['CREDENCIALES_INVALIDAS'],
    'correo desconocido, contraseña errada o cuenta deshabilitada: la misma respuesta.',
  )
  @ApiError(
    403,
    ['REGISTRO_PENDIENTE'],
    'contraseña correcta de un autorregistro aún sin verificar o sin aprobar (docs/registro.md).',
  )
  @ApiError(429, ['DEMASIADOS_INTENTOS'], 'demasiados fallos; vea la cabecera Retry-After.')
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<SesionDto> {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @Post('refresh')
  @Publica()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Renovar la sesión (el refreshToken usado deja de servir; reusarlo cierra la sesión)',
  })
  @ApiOkResponse({ type: SesionDto })
  @ApiError(401, ['NO_AUTENTICADO'], 'refreshToken desconocido, vencido o ya usado.')
  refresh(@Body() dto: RefreshDto): Promise<SesionDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Autenticado()
  @CuentaPropia()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Cerrar esta sesión (sus tokens dejan de servir de inmediato)' })
  @ApiNoContentResponse()
  logout(@UsuarioAutenticado() u: UsuarioActual): Promise<void> {
    return this.auth.logout(u);
  }

  @Get('me')
  @Autenticado()
  @ApiOperation({ summary: 'El usuario de la sesión' })
  @ApiOkResponse({ type: UsuarioDto })
  me(@UsuarioAutenticado() u: UsuarioActual): Promise<UsuarioDto> {
    return this.auth.me(u);
  }

  @Post('activar')
  @Publica()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Activar la cuenta de un residente con su token y elegir contraseña' })
  @ApiOkResponse({ type: SesionDto })
  @ApiError(400, ['TOKEN_INVALIDO', 'PASSWORD_DEBIL', 'VALIDACION'])
  activar(@Body() dto: ActivarDto): Promise<SesionDto> {
    return this.auth.activar(dto.token, dto.password);
  }

  @Post('cambiar-password')
  @Autenticado()
  @CuentaPropia()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Cambiar la contraseña; cierra las demás sesiones del usuario' })
  @ApiNoContentResponse()
  @ApiError(400, ['PASSWORD_ACTUAL_INCORRECTA', 'PASSWORD_DEBIL', 'VALIDACION'])
  @ApiError(
    429,
    ['DEMASIADOS_INTENTOS'],
    'con cabecera Retry-After: demasiadas contraseñas actuales erradas (como en login) o demasiadas solicitudes del usuario.',
  )
  cambiarPassword(
    @UsuarioAutenticado() u: UsuarioActual,
    @Body() dto: CambiarPasswordDto,
    @Ip() ip: string,
  ): Promise<void> {
    return this.auth.cambiarPassword(u, dto.passwordActual, dto.passwordNueva, ip);
  }
}
