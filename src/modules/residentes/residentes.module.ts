import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from 'src/modules/auth/auth.module';
import { TurnosModule } from 'src/core/turnos/turnos.module';
import { ArbitroCambiosResidente } from './arbitro-cambios.service';
import { CambiosResidenteRepository } from './cambios-residente.repository';
import { ImportacionResidentesService } from './importacion-residentes.service';
import { ResidentesController } from './residentes.controller';
import { ResidentesRepository } from './residentes.repository';
import { ReclamosResidente } from './reclamos-residente.service';
import { ResidentesService } from './residentes.service';
import { DecisionesRegistroService } from './registro/decisiones-registro.service';
import { RegistroController } from './registro/registro.controller';
import { RegistroService } from './registro/registro.service';
import { CambioResidente, CambioResidenteSchema } from './schemas/cambio-residente.schema';
import { Residente, ResidenteSchema } from './schemas/residente.schema';

@Module({
  imports: [
    AuthModule,
    TurnosModule,
    MongooseModule.forFeature([
      { name: Residente.name, schema: ResidenteSchema },
      { name: CambioResidente.name, schema: CambioResidenteSchema },
    ]),
  ],
  controllers: [ResidentesController, RegistroController],
  providers: [
    ResidentesService,
    ResidentesRepository,
    CambiosResidenteRepository,
    ArbitroCambiosResidente,
    ImportacionResidentesService,
    RegistroService,
    DecisionesRegistroService,
    ReclamosResidente,
  ],
  exports: [ResidentesService],
})
export class ResidentesModule {}
