import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Publica } from 'src/core/auth/auth.decorators';
import { SondaBd } from 'src/core/database/sonda-bd.service';

class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) db!: 'up' | 'down';
}

@ApiTags('operaciones')
@Controller('health')
export class HealthController {
  constructor(private readonly sonda: SondaBd) {}

  @Get()
  @Publica()
  @ApiOperation({ summary: 'Estado del servicio y de su base de datos (para monitoreo)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'La base de datos no responde.' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const up = await this.sonda.responde();
    if (!up) void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return up ? { status: 'ok', db: 'up' } : { status: 'error', db: 'down' };
  }
}
