import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SorteoModule } from 'src/modules/sorteo/sorteo.module';
import { AvisosRegistroService } from './avisos-registro.service';
import { AvisosService } from './avisos.service';
import { CierresPorCorreoService } from './cierres-por-correo.service';
import { ColaEnvioRepository } from './cola-envio.repository';
import { EnvioNotificacionesService } from './envio-notificaciones.service';
import { FuentesRepository } from './fuentes.repository';
import { NotificacionesController } from './notificaciones.controller';
import { NotificacionesRepository } from './notificaciones.repository';
import { NotificacionesService } from './notificaciones.service';
import { ResultadosPorCorreoService } from './resultados-por-correo.service';
import {
  ColaEnvioDoc,
  ColaEnvioSchema,
  NotificacionDoc,
  NotificacionSchema,
  ReclamoEnvioDoc,
  ReclamoEnvioSchema,
  SorteoNotificadoDoc,
  SorteoNotificadoSchema,
} from './schemas/notificacion.schema';
import { TransporteCorreo } from './transporte-correo';

/**
 * E-mail through an outbox (docs/notificaciones.md): messages are written under a unique key
 * before anything is sent, and every instance runs a sender that claims attempts by insert.
 */
@Module({
  imports: [
    SorteoModule,
    MongooseModule.forFeature([
      { name: NotificacionDoc.name, schema: NotificacionSchema },
      { name: ReclamoEnvioDoc.name, schema: ReclamoEnvioSchema },
      { name: SorteoNotificadoDoc.name, schema: SorteoNotificadoSchema },
      { name: ColaEnvioDoc.name, schema: ColaEnvioSchema },
    ]),
  ],
  controllers: [NotificacionesController],
  providers: [
    NotificacionesRepository,
    ColaEnvioRepository,
    NotificacionesService,
    FuentesRepository,
    TransporteCorreo,
    EnvioNotificacionesService,
    AvisosService,
    AvisosRegistroService,
    CierresPorCorreoService,
    ResultadosPorCorreoService,
  ],
  exports: [NotificacionesService],
})
export class NotificacionesModule {}
