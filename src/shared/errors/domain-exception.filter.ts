import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { aRespuestaDeError } from './error-body';

/** One filter for every route: the HTTP shape of errors is decided in error-body.ts only. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { body, headers } = aRespuestaDeError(exception);
    void reply.status(body.statusCode).headers(headers).send(body);
  }
}
