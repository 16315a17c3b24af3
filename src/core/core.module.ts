import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { RolesGuard } from './auth/roles.guard';
import { CONFIGURACIONES } from './config/configuracion';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { ReclamosModule } from './database/reclamos/reclamos.module';
import { RelojModule } from './reloj/reloj.module';

@Module({
  imports: [
    // main.ts loads .env into process.env before anything reads it; one source of truth.
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      cache: true,
      load: CONFIGURACIONES,
    }),
    DatabaseModule,
    RelojModule,
    ReclamosModule,
    EventEmitterModule.forRoot(),
  ],
  controllers: [HealthController],
  providers: [
    // Order matters: authentication first, then the role check reads the user it set.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class CoreModule {}
