import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from 'src/modules/auth/auth.module';
import { TurnosModule } from 'src/core/turnos/turnos.module';
import { ResidentesController } from './residentes.controller';
import { ResidentesRepository } from './residentes.repository';
import { ResidentesService } from './residentes.service';
import { Residente, ResidenteSchema } from './schemas/residente.schema';

@Module({
  imports: [
    AuthModule,
    TurnosModule,
    MongooseModule.forFeature([{ name: Residente.name, schema: ResidenteSchema }]),
  ],
  controllers: [ResidentesController],
  providers: [ResidentesService, ResidentesRepository],
  exports: [ResidentesService],
})
export class ResidentesModule {}
