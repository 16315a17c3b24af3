import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ResidentesModule } from 'src/modules/residentes/residentes.module';
import { TurnosModule } from 'src/core/turnos/turnos.module';
import { ConfigPrioridadModule } from 'src/modules/config-prioridad/config-prioridad.module';
import { Solicitud, SolicitudSchema } from './schemas/solicitud.schema';
import { LoteAprobacion, LoteAprobacionSchema } from './schemas/lote-aprobacion.schema';
import { ManifiestoTrabajo, ManifiestoTrabajoSchema } from './schemas/manifiesto-trabajo.schema';
import { Transicion, TransicionSchema } from './schemas/transicion.schema';
import { PunteroResidente, PunteroResidenteSchema } from './schemas/puntero-residente.schema';
import { PunterosResidenteRepository } from './punteros-residente.repository';
import { SolicitudesDeResidente } from './solicitudes-de-residente.service';
import { SolicitudesController } from './solicitudes.controller';
import { AprobacionesMasivasRepository } from './aprobaciones-masivas.repository';
import { AprobacionesService } from './aprobaciones.service';
import { ArbitroTransiciones } from './arbitro-transiciones.service';
import { RecuperacionAprobaciones } from './recuperacion-aprobaciones.service';
import { ReglasTransicion } from './reglas-transicion.service';
import { ReescrituraMasivaRepository } from './reescritura-masiva.repository';
import { RenunciasDeSolicitudesService } from './renuncias-de-solicitudes.service';
import { SolicitudesDelSorteoService } from './solicitudes-del-sorteo.service';
import { SolicitudesRepository } from './solicitudes.repository';
import { SolicitudesService } from './solicitudes.service';
import { TransicionesRepository } from './transiciones.repository';

@Module({
  imports: [
    ResidentesModule,
    ConfigPrioridadModule,
    TurnosModule,
    MongooseModule.forFeature([
      { name: Solicitud.name, schema: SolicitudSchema },
      { name: Transicion.name, schema: TransicionSchema },
      { name: ManifiestoTrabajo.name, schema: ManifiestoTrabajoSchema },
      { name: LoteAprobacion.name, schema: LoteAprobacionSchema },
      { name: PunteroResidente.name, schema: PunteroResidenteSchema },
    ]),
  ],
  controllers: [SolicitudesController],
  providers: [
    SolicitudesService,
    SolicitudesRepository,
    ReescrituraMasivaRepository,
    ArbitroTransiciones,
    SolicitudesDelSorteoService,
    TransicionesRepository,
    ReglasTransicion,
    AprobacionesService,
    AprobacionesMasivasRepository,
    RecuperacionAprobaciones,
    RenunciasDeSolicitudesService,
    PunterosResidenteRepository,
    SolicitudesDeResidente,
  ],
  exports: [SolicitudesDelSorteoService, RenunciasDeSolicitudesService],
})
export class SolicitudesModule {}
