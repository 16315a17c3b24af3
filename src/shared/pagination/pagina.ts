import { Type as Clase } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

export interface Pagina<T> {
  data: T[];
  meta: { total: number; page: number; limit: number };
}

export class MetaPaginaDto {
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}

/** OpenAPI class for `{ data: T[], meta }`, one per item type. */
export function PaginaDto<T>(item: Clase<T>) {
  class PaginaDeItems {
    @ApiProperty({ type: [item] }) data!: T[];
    @ApiProperty({ type: MetaPaginaDto }) meta!: MetaPaginaDto;
  }
  Object.defineProperty(PaginaDeItems, 'name', { value: `Pagina${item.name.replace(/Dto$/, '')}` });
  return PaginaDeItems;
}
