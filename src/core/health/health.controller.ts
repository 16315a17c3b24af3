import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Connection } from 'mongoose';
import { Publica } from 'src/core/auth/auth.decorators';

class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) db!: 'up' | 'down';
}

const PING_TIMEOUT_MS = 2000;

@ApiTags('operaciones')
@Controller('health')
export class HealthController {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  @Get()
  @Publica()
  @ApiOperation({ summary: 'Estado del servicio y de su base de datos (para monitoreo)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'La base de datos no responde.' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const up = await this.ping();
    if (!up) void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return up ? { status: 'ok', db: 'up' } : { status: 'error', db: 'down' };
  }

  /** A real round trip, bounded in time: readyState alone stays "connected" for a while after an outage. */
  private async ping(): Promise<boolean> {
    const db = this.connection.db;
    if (!db) return false;
    let timer: NodeJS.Timeout | undefined;
    const limite = new Promise<boolean>((res) => {
      timer = setTimeout(() => res(false), PING_TIMEOUT_MS);
    });
    try {
      return await Promise.race([
        db.command({ ping: 1 }).then(
          () => true,
          () => false,
        ),
        limite,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
