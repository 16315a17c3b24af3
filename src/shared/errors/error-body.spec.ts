import { aRespuestaDeError, esErrorDeConexion } from './error-body';

function errorLlamado(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  const e = new Error(message);
  e.name = name;
  return Object.assign(e, extra);
}

describe('esErrorDeConexion', () => {
  it('counts a spent client-side time limit (timeoutMS) as an unreachable database', () => {
    const err = errorLlamado('MongoOperationTimeoutError', 'Timed out during socket read (3999ms)');
    expect(esErrorDeConexion(err)).toBe(true);
    const r = aRespuestaDeError(err);
    expect(r.body.statusCode).toBe(503);
    expect(r.body.code).toBe('BD_NO_DISPONIBLE');
    expect(r.headers['Retry-After']).toBeDefined();
  });

  it("counts FerretDB-on-SQLite's interrupted query (SQLITE_INTERRUPT, 9) as the time limit", () => {
    const err = errorLlamado('MongoServerError', 'sqlite: interrupted (9)', { code: 1 });
    expect(esErrorDeConexion(err)).toBe(true);
    expect(
      esErrorDeConexion(errorLlamado('MongoServerError', 'interrupted (19)', { code: 1 })),
    ).toBe(false);
  });

  it("counts the server's MaxTimeMSExpired (code 50) too, and nothing else of its codes", () => {
    expect(esErrorDeConexion(errorLlamado('MongoServerError', 'time limit', { code: 50 }))).toBe(
      true,
    );
    expect(esErrorDeConexion(errorLlamado('MongoServerError', 'dup key', { code: 11000 }))).toBe(
      false,
    );
  });

  it('finds a timeout wrapped by a bulk write', () => {
    const causa = errorLlamado(
      'MongoOperationTimeoutError',
      'Timed out during connection checkout',
    );
    expect(esErrorDeConexion(errorLlamado('MongoBulkWriteError', 'x', { cause: causa }))).toBe(
      true,
    );
  });
});
