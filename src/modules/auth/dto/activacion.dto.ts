import { ApiProperty } from '@nestjs/swagger';

/** The one-time activation token of a new account (a resident's or a staff member's). */
export class ActivacionDto {
  @ApiProperty({ description: 'Se muestra una sola vez; entréguelo al titular de la cuenta.' })
  token!: string;
  @ApiProperty({ format: 'date-time' }) expiraEn!: string;
}
