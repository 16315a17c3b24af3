import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { ParqueaderosModule } from 'src/modules/parqueaderos/parqueaderos.module';
import { ResidentesModule } from 'src/modules/residentes/residentes.module';
import { SolicitudesModule } from 'src/modules/solicitudes/solicitudes.module';
import { SolicitudesDelSorteoService } from 'src/modules/solicitudes/solicitudes-del-sorteo.service';
import { AnulacionService } from './anulacion.service';
import { AplicacionSorteoService } from './aplicacion-sorteo.service';
import { sorteoAjustes } from './sorteo-ajustes.config';
import { TurnosModule } from 'src/core/turnos/turnos.module';
import { ConfigPrioridadModule } from 'src/modules/config-prioridad/config-prioridad.module';
import { RecuperacionService } from './recuperacion.service';
import { FuenteSemilla, RelojSorteo } from './reloj-sorteo';
import { ResultadosService } from './resultados.service';
import {
  BloqueSorteoDoc,
  BloqueSorteoSchema,
  SorteoDoc,
  SorteoSchema,
} from './schemas/sorteo.schema';
import { SOLICITUDES_DEL_SORTEO } from 'src/modules/solicitudes/solicitudes-del-sorteo.port';
import { SorteoController } from './sorteo.controller';
import { ActaController } from './acta/acta.controller';
import { ActaService } from './acta/acta.service';
import { ActasEnDisco } from './acta/actas-en-disco';
import { PrecargaResultados } from './precarga-resultados';
import { InsumosDelSorteoService } from './insumos-del-sorteo.service';
import { AplicacionConvocatoriaService } from './convocatorias/aplicacion-convocatoria.service';
import { CancelacionConvocatoriaService } from './convocatorias/cancelacion-convocatoria.service';
import { CierreConvocatoriaService } from './convocatorias/cierre-convocatoria.service';
import { ConvocatoriasController } from './convocatorias/convocatorias.controller';
import { CierresParaAviso } from './convocatorias/cierres-para-aviso.service';
import { ConvocatoriasRepository } from './convocatorias/convocatorias.repository';
import { ConvocatoriasService } from './convocatorias/convocatorias.service';
import { EjecucionConvocatoriaService } from './convocatorias/ejecucion-convocatoria.service';
import { FuenteSecreto } from './convocatorias/fuente-secreto';
import {
  BloqueConvocatoriaDoc,
  BloqueConvocatoriaSchema,
  CierrePendienteDoc,
  CierrePendienteSchema,
  ConvocatoriaDoc,
  ConvocatoriaSchema,
  SecretoConvocatoriaDoc,
  SecretoConvocatoriaSchema,
} from './convocatorias/schemas/convocatoria.schema';
import { SorteoService } from './sorteo.service';
import { SorteosRepository } from './sorteos.repository';
import { AplicacionRenunciaService } from './renuncias/aplicacion-renuncia.service';
import { BajasService } from './renuncias/bajas.service';
import { ListaDeEspera } from './renuncias/lista-de-espera';
import { MovimientosRepository } from './renuncias/movimientos.repository';
import { ResultadosEnMemoria } from './resultados-en-memoria';
import { UltimoVigente } from './ultimo-vigente';
import { MovimientosService } from './renuncias/movimientos.service';
import { RenunciasController } from './renuncias/renuncias.controller';
import { RenunciasService } from './renuncias/renuncias.service';
import { MovimientoDoc, MovimientoSchema } from './renuncias/schemas/movimiento.schema';

@Module({
  imports: [
    ConfigModule.forFeature(sorteoAjustes),
    ConfigPrioridadModule,
    ParqueaderosModule,
    TurnosModule,
    SolicitudesModule,
    ResidentesModule,
    MongooseModule.forFeature([
      { name: SorteoDoc.name, schema: SorteoSchema },
      { name: BloqueSorteoDoc.name, schema: BloqueSorteoSchema },
      { name: ConvocatoriaDoc.name, schema: ConvocatoriaSchema },
      { name: SecretoConvocatoriaDoc.name, schema: SecretoConvocatoriaSchema },
      { name: CierrePendienteDoc.name, schema: CierrePendienteSchema },
      { name: BloqueConvocatoriaDoc.name, schema: BloqueConvocatoriaSchema },
      { name: MovimientoDoc.name, schema: MovimientoSchema },
    ]),
  ],
  controllers: [SorteoController, ConvocatoriasController, RenunciasController, ActaController],
  providers: [
    { provide: SOLICITUDES_DEL_SORTEO, useExisting: SolicitudesDelSorteoService },
    SorteosRepository,
    AplicacionSorteoService,
    RecuperacionService,
    SorteoService,
    AnulacionService,
    ResultadosService,
    ResultadosEnMemoria,
    UltimoVigente,
    RelojSorteo,
    FuenteSemilla,
    InsumosDelSorteoService,
    ConvocatoriasRepository,
    AplicacionConvocatoriaService,
    ConvocatoriasService,
    CierreConvocatoriaService,
    CancelacionConvocatoriaService,
    EjecucionConvocatoriaService,
    FuenteSecreto,
    MovimientosRepository,
    MovimientosService,
    ListaDeEspera,
    AplicacionRenunciaService,
    RenunciasService,
    BajasService,
    CierresParaAviso,
    ActaService,
    ActasEnDisco,
    PrecargaResultados,
  ],
  exports: [CierresParaAviso],
})
export class SorteoModule {}
