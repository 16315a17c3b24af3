import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** `?page=&limit=` for every list; query strings arrive as text, so the numbers are converted here. */
export class PaginacionQueryDto {
  // Typed here: a property initialised without a type annotation reaches Swagger as `Object`.
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000, default: 1 })
  @Type(() => Number)
  @IsInt({ message: 'page debe ser un entero mayor o igual a 1.' })
  @Min(1, { message: 'page debe ser un entero mayor o igual a 1.' })
  @Max(100_000, { message: 'page no puede pasar de 100000.' })
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @Type(() => Number)
  @IsInt({ message: 'limit debe ser un entero entre 1 y 100.' })
  @Min(1, { message: 'limit debe ser un entero entre 1 y 100.' })
  @Max(100, { message: 'limit debe ser un entero entre 1 y 100.' })
  limit = 20;
}
