import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Reclamo, ReclamoSchema } from './reclamo.schema';
import { ReclamosRepository } from './reclamos.repository';
import { SaneadorReclamos } from './saneador-reclamos.service';

/** Unique claims for every "only one may win" decision in the feature modules. */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: Reclamo.name, schema: ReclamoSchema }])],
  providers: [ReclamosRepository, SaneadorReclamos],
  exports: [ReclamosRepository, SaneadorReclamos],
})
export class ReclamosModule {}
