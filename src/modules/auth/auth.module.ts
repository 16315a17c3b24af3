import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import type { KeyObject } from 'node:crypto';
import { AdminInicialService } from './admin-inicial.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CredencialesRepository } from './credenciales.repository';
import { CredencialesService } from './credenciales.service';
import { CuentasService } from './cuentas.service';
import { IntentosLoginRepository } from './intentos-login.repository';
import { JWT_KEY, jwtKeyProvider } from './jwt-key.provider';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottleService } from './login-throttle.service';
import { MantenimientoAuthService } from './mantenimiento-auth.service';
import { PasswordHasher } from './password-hasher';
import { CuentasRegistroService } from './registro/cuentas-registro.service';
import { Credencial, CredencialSchema } from './schemas/credencial.schema';
import { IntentoLogin, IntentoLoginSchema } from './schemas/intento-login.schema';
import { RefreshToken, RefreshTokenSchema } from './schemas/refresh-token.schema';
import { Sesion, SesionSchema } from './schemas/sesion.schema';
import { Usuario, UsuarioSchema } from './schemas/usuario.schema';
import { SesionesRepository } from './sesiones.repository';
import { SesionesService } from './sesiones.service';
import { UsuariosRepository } from './usuarios.repository';
import { BajasAdminRepository } from './usuarios/bajas-admin.repository';
import { PersonalService } from './usuarios/personal.service';
import { BajaAdmin, BajaAdminSchema } from './usuarios/schemas/baja-admin.schema';
import { UsuariosController } from './usuarios/usuarios.controller';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      extraProviders: [jwtKeyProvider],
      inject: [JWT_KEY],
      useFactory: (key: KeyObject) => ({
        // jsonwebtoken accepts a KeyObject; @nestjs/jwt's types only list string | Buffer.
        secret: key as unknown as Buffer,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    MongooseModule.forFeature([
      { name: Usuario.name, schema: UsuarioSchema },
      { name: Sesion.name, schema: SesionSchema },
      { name: IntentoLogin.name, schema: IntentoLoginSchema },
      { name: RefreshToken.name, schema: RefreshTokenSchema },
      { name: Credencial.name, schema: CredencialSchema },
      { name: BajaAdmin.name, schema: BajaAdminSchema },
    ]),
  ],
  controllers: [AuthController, UsuariosController],
  providers: [
    jwtKeyProvider,
    JwtStrategy,
    AuthService,
    CuentasService,
    SesionesService,
    LoginThrottleService,
    PasswordHasher,
    UsuariosRepository,
    SesionesRepository,
    IntentosLoginRepository,
    CredencialesRepository,
    CredencialesService,
    AdminInicialService,
    MantenimientoAuthService,
    PersonalService,
    BajasAdminRepository,
    CuentasRegistroService,
  ],
  exports: [CuentasService, CuentasRegistroService],
})
export class AuthModule {}
