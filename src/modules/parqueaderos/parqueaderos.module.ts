import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ArbitroCambiosParqueadero } from './arbitro-cambios.service';
import { CambiosParqueaderoRepository } from './cambios-parqueadero.repository';
import { ImportacionParqueaderosService } from './importacion-parqueaderos.service';
import { ParqueaderosController } from './parqueaderos.controller';
import { ParqueaderosRepository } from './parqueaderos.repository';
import { ParqueaderosService } from './parqueaderos.service';
import { CambioParqueadero, CambioParqueaderoSchema } from './schemas/cambio-parqueadero.schema';
import { Parqueadero, ParqueaderoSchema } from './schemas/parqueadero.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Parqueadero.name, schema: ParqueaderoSchema },
      { name: CambioParqueadero.name, schema: CambioParqueaderoSchema },
    ]),
  ],
  controllers: [ParqueaderosController],
  providers: [
    ParqueaderosService,
    ImportacionParqueaderosService,
    ParqueaderosRepository,
    CambiosParqueaderoRepository,
    ArbitroCambiosParqueadero,
  ],
  exports: [ParqueaderosService],
})
export class ParqueaderosModule {}
