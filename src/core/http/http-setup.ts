import helmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { aRespuestaDeError } from 'src/shared/errors/error-body';
import { crearValidationPipe } from 'src/shared/validation/validation.pipe';
import { DomainExceptionFilter } from 'src/shared/errors/domain-exception.filter';

export interface OpcionesHttp {
  corsOrigins: string[];
}

/**
 * Everything every route shares: security headers, CORS, validation and the error shape. Errors
 * raised by Fastify itself (malformed JSON, oversize body) never reach Nest's filters, so they get
 * the same translation through Fastify's error handler.
 */
export async function configurarHttp(
  app: NestFastifyApplication,
  opciones: OpcionesHttp,
): Promise<void> {
  await app.register(helmet, {
    // Swagger UI at /docs needs inline styles and scripts from its own bundle.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
        scriptSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  app.enableCors({
    origin: opciones.corsOrigins.includes('*') ? true : opciones.corsOrigins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['Retry-After'],
  });
  app.useGlobalPipes(crearValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
  app
    .getHttpAdapter()
    .getInstance()
    .setErrorHandler((err, _req, reply) => {
      const { body, headers } = aRespuestaDeError(err);
      void reply.status(body.statusCode).headers(headers).send(body);
    });
  app.enableShutdownHooks();
}
