import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import {
  DecisionDoc,
  DecisionSchema,
  LatidoDoc,
  LatidoSchema,
  TurnoDoc,
  TurnoSchema,
} from './schemas/turno.schema';
import { SorteoEstadoService } from './sorteo-estado.service';
import { turnosConfig } from './turnos.config';
import { TurnosRepository } from './turnos.repository';
import { TurnosService } from './turnos.service';

/**
 * The draw lock: one turn sequence for draws, annulments and recoveries, and the question every
 * writer asks of it ("is a draw running?"). Below the features, so any of them can ask.
 */
@Module({
  imports: [
    ConfigModule.forFeature(turnosConfig),
    MongooseModule.forFeature([
      { name: TurnoDoc.name, schema: TurnoSchema },
      { name: DecisionDoc.name, schema: DecisionSchema },
      { name: LatidoDoc.name, schema: LatidoSchema },
    ]),
  ],
  providers: [TurnosRepository, TurnosService, SorteoEstadoService],
  exports: [TurnosService, SorteoEstadoService],
})
export class TurnosModule {}
