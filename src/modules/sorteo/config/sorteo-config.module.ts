import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { ConfigPrioridadRepository } from './config-prioridad.repository';
import { ConfigPrioridadDoc, ConfigPrioridadSchema } from './schemas/config-prioridad.schema';
import {
  DecisionDoc,
  DecisionSchema,
  LatidoDoc,
  LatidoSchema,
  TurnoDoc,
  TurnoSchema,
} from './schemas/turno.schema';
import { sorteoAjustes } from './sorteo-ajustes.config';
import { SorteoConfigService } from './sorteo-config.service';
import { SorteoEstadoService } from './sorteo-estado.service';
import { TurnosRepository } from './turnos.repository';
import { TurnosService } from './turnos.service';

/**
 * What other modules need of the draw without depending on it: the priority config and whether
 * a draw is running. Imports only core and shared, so solicitudes can import it and the draw
 * module can import solicitudes without a cycle.
 */
@Module({
  imports: [
    ConfigModule.forFeature(sorteoAjustes),
    MongooseModule.forFeature([
      { name: ConfigPrioridadDoc.name, schema: ConfigPrioridadSchema },
      { name: TurnoDoc.name, schema: TurnoSchema },
      { name: DecisionDoc.name, schema: DecisionSchema },
      { name: LatidoDoc.name, schema: LatidoSchema },
    ]),
  ],
  providers: [
    ConfigPrioridadRepository,
    SorteoConfigService,
    TurnosRepository,
    TurnosService,
    SorteoEstadoService,
  ],
  exports: [SorteoConfigService, SorteoEstadoService, TurnosService],
})
export class SorteoConfigModule {}
