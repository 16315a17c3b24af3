import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** `?modo=validar` of every CSV import. */
export class ImportarCsvQuery {
  @ApiPropertyOptional({
    enum: ['validar'],
    description: 'validar: revisa el archivo sin escribir',
  })
  @IsOptional()
  @IsIn(['validar'], { message: 'modo solo admite el valor validar.' })
  modo?: 'validar';
}
