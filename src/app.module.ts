import { Module } from '@nestjs/common';
import { CoreModule } from './core/core.module';
import { AuditoriaModule } from './modules/auditoria/auditoria.module';
import { AuthModule } from './modules/auth/auth.module';
import { NotificacionesModule } from './modules/notificaciones/notificaciones.module';
import { ParqueaderosModule } from './modules/parqueaderos/parqueaderos.module';
import { ResidentesModule } from './modules/residentes/residentes.module';
import { SolicitudesModule } from './modules/solicitudes/solicitudes.module';
import { SorteoModule } from './modules/sorteo/sorteo.module';

@Module({
  imports: [
    CoreModule,
    AuditoriaModule,
    AuthModule,
    ParqueaderosModule,
    ResidentesModule,
    SolicitudesModule,
    SorteoModule,
    NotificacionesModule,
  ],
})
export class AppModule {}
