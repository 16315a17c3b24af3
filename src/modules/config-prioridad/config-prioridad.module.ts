import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ConfigPrioridadRepository } from './config-prioridad.repository';
import { ConfigPrioridadService } from './config-prioridad.service';
import { ConfigPrioridadDoc, ConfigPrioridadSchema } from './schemas/config-prioridad.schema';

/**
 * The complex's priority config (API.md `GET/PUT /sorteo/config`): the draw weighs by it and
 * approvals read `requiereAlDia`. Its routes live in the draw's controller, its data here, below
 * every feature that reads it.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: ConfigPrioridadDoc.name, schema: ConfigPrioridadSchema }]),
  ],
  providers: [ConfigPrioridadRepository, ConfigPrioridadService],
  exports: [ConfigPrioridadService],
})
export class ConfigPrioridadModule {}
