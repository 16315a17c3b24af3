import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { auditoriaConfig } from './auditoria.config';
import { AuditoriaController } from './auditoria.controller';
import { AuditoriaRepository } from './auditoria.repository';
import { AuditoriaService } from './auditoria.service';
import { CadenaAuditoria } from './cadena-auditoria.service';
import { EntradaAuditoriaDoc, EntradaAuditoriaSchema } from './schemas/entrada-auditoria.schema';

/**
 * The hash-chained audit log (docs/auditoria.md). Global: every feature records its changes
 * through `AuditoriaService`, and it needs none of them (the bottom of the feature layers).
 */
@Global()
@Module({
  imports: [
    ConfigModule.forFeature(auditoriaConfig),
    MongooseModule.forFeature([{ name: EntradaAuditoriaDoc.name, schema: EntradaAuditoriaSchema }]),
  ],
  controllers: [AuditoriaController],
  providers: [AuditoriaRepository, CadenaAuditoria, AuditoriaService],
  exports: [AuditoriaService],
})
export class AuditoriaModule {}
