import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Reclamo, ReclamoSchema } from './reclamo.schema';
import { ReclamosRepository } from './reclamos.repository';

/** Unique claims for every "only one may win" decision in the feature modules. */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: Reclamo.name, schema: ReclamoSchema }])],
  providers: [ReclamosRepository],
  exports: [ReclamosRepository],
})
export class ReclamosModule {}
