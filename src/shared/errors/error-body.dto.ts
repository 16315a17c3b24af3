import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI description of every error body (the shape is produced in error-body.ts). */
export class ErrorBodyDto {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'Conflict' }) error!: string;
  @ApiProperty({ example: 'PLACA_DUPLICADA', description: 'Identificador estable del error.' })
  code!: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'La placa ya tiene una solicitud abierta.',
  })
  message!: string | string[];
}
