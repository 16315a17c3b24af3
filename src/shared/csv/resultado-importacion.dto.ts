import { ApiProperty } from '@nestjs/swagger';

/** One problem of one row (`ErrorFila`), as every CSV import answers it. */
export class ErrorFilaDto {
  @ApiProperty({ description: 'Línea del archivo (la cabecera es la 1)', example: 3 })
  fila!: number;
  @ApiProperty({ example: 'tipo' }) campo!: string;
  @ApiProperty({ example: 'VALIDACION' }) code!: string;
  @ApiProperty({ example: 'tipo debe ser carro o moto.' }) message!: string;
}

/**
 * What an import did (or, with modo=validar, would do); with any row error nothing is written and
 * the three counts are 0.
 */
export class ResultadoImportacionDto {
  @ApiProperty() creados!: number;
  @ApiProperty() actualizados!: number;
  @ApiProperty() sinCambios!: number;
  @ApiProperty({ type: [ErrorFilaDto] }) errores!: ErrorFilaDto[];
}
