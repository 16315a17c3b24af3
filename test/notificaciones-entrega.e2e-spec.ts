import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NotificacionesService } from 'src/modules/notificaciones/notificaciones.service';
import { AppDePrueba } from './support/app';
import { bearer, SesionPrueba } from './support/auth-helpers';
import { CorreoDePrueba, esperar } from './support/correo-prueba';

describe('Notificaciones (e2e, SMTP real, dos instancias): reintentos y entrega única', () => {
  const c = new CorreoDePrueba();
  const buzon = c.buzon;
  let t: AppDePrueba;
  let segunda: NestFastifyApplication;
  let admin: SesionPrueba;
  let revisor: SesionPrueba;
  const outbox = () => c.outbox();
  const estadoDe = (clave: string) => c.estadoDe(clave);
  const mensaje = (n: number) => c.mensaje(n);

  beforeAll(async () => {
    await c.iniciar();
    ({ t, segunda, admin, revisor } = c);
  });
  afterAll(() => c.cerrar());
  it('keeps retrying while the server refuses with 451, then sends once', async () => {
    buzon.rechazar = true;
    const antes = buzon.rechazos;
    const servicio = t.app.get(NotificacionesService);
    expect(
      await servicio.encolar({
        clave: 'prueba:451',
        tipo: 'prueba',
        destinatario: 'rechazo@parknet.test',
        mensaje: mensaje(451),
      }),
    ).toBe(true);
    // The same key again is the same message.
    expect(
      await servicio.encolar({
        clave: 'prueba:451',
        tipo: 'prueba',
        destinatario: 'rechazo@parknet.test',
        mensaje: mensaje(451),
      }),
    ).toBe(false);
    // Counted on the message itself: the sink's counter also sees other messages' refusals.
    await esperar(
      async () => ((await outbox().findOne({ _id: 'prueba:451' }))?.intentos ?? 0) >= 3,
      'tres intentos rechazados',
    );
    expect(buzon.rechazos - antes).toBeGreaterThanOrEqual(3);
    buzon.rechazar = false;
    await esperar(async () => (await estadoDe('prueba:451')) === 'enviada', 'el envío');
    expect(buzon.para('rechazo@parknet.test')).toHaveLength(1);
    const doc = await outbox().findOne({ _id: 'prueba:451' });
    expect(doc?.intentos).toBeGreaterThanOrEqual(4);
  });

  it('loses nothing while the server is down, and sends each message once when it is back', async () => {
    await buzon.detener();
    const servicio = t.app.get(NotificacionesService);
    const claves = Array.from({ length: 5 }, (_, i) => `prueba:caida:${i}`);
    await servicio.encolarVarias(
      claves.map((clave, i) => ({
        clave,
        tipo: 'prueba',
        destinatario: `caida${i}@parknet.test`,
        mensaje: mensaje(i),
      })),
    );
    await esperar(
      async () =>
        (await outbox().countDocuments({ _id: { $in: claves }, intentos: { $gte: 2 } })) === 5,
      'dos intentos fallidos de cada uno',
    );
    const error = (await outbox().findOne({ _id: claves[0] }))?.ultimoError;
    expect(error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    await buzon.iniciar();
    await esperar(
      async () =>
        (await outbox().countDocuments({ _id: { $in: claves }, estado: 'enviada' })) === 5,
      'los cinco enviados',
    );
    for (let i = 0; i < 5; i++) expect(buzon.para(`caida${i}@parknet.test`)).toHaveLength(1);
  });

  it('two instances sending from one outbox send each of 60 messages exactly once', async () => {
    const servicio = segunda.get(NotificacionesService);
    const claves = Array.from({ length: 60 }, (_, i) => `prueba:dos:${i}`);
    expect(
      await servicio.encolarVarias(
        claves.map((clave, i) => ({
          clave,
          tipo: 'prueba',
          destinatario: `dos${i}@parknet.test`,
          mensaje: mensaje(i),
        })),
      ),
    ).toBe(60);
    await esperar(
      async () =>
        (await outbox().countDocuments({ _id: { $in: claves }, estado: 'enviada' })) === 60,
      'los sesenta enviados',
    );
    const recibidos = buzon.recibidos.filter((c) => c.para[0].startsWith('dos'));
    expect(recibidos).toHaveLength(60);
    expect(new Set(recibidos.map((c) => c.messageId)).size).toBe(60);
    // Both senders took part (each claim names its instance).
    const reclamos = await t.connection
      .collection<{ _id: string; instancia: string }>('notificaciones_reclamos')
      .find({ _id: { $in: claves.map((c) => `${c}:1`) } })
      .toArray();
    expect(reclamos).toHaveLength(60);
    expect(new Set(reclamos.map((r) => r.instancia)).size).toBe(2);
    // And across the whole file nothing arrived twice.
    expect([...buzon.repeticiones()].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('gives up after the window (fallida), and reintentar brings it back; 409 otherwise', async () => {
    buzon.rechazar = true;
    const servicio = t.app.get(NotificacionesService);
    await servicio.encolar({
      clave: 'prueba:vencida',
      tipo: 'prueba',
      destinatario: 'vencida@parknet.test',
      mensaje: mensaje(0),
    });
    // The 24-hour window, already over.
    // The senders read their queue; the record keeps the same dates.
    for (const c of ['notificaciones', 'notificaciones_cola']) {
      const r = await t.connection
        .collection<{ _id: string }>(c)
        .updateOne({ _id: 'prueba:vencida' }, { $set: { venceEn: new Date(0) } });
      expect(r.matchedCount).toBe(1);
    }
    await esperar(async () => (await estadoDe('prueba:vencida')) === 'fallida', 'fallida');
    const fallidas = await t.http
      .get('/notificaciones')
      .query({ estado: 'fallida' })
      .set(...bearer(revisor));
    expect(fallidas.status).toBe(200);
    expect(fallidas.body.data.map((n: { id: string }) => n.id)).toEqual(['prueba:vencida']);
    expect(fallidas.body.data[0].ultimoError).toMatch(/^SMTP 451/);

    buzon.rechazar = false;
    const ruta = `/notificaciones/${encodeURIComponent('prueba:vencida')}/reintentar`;
    const r = await t.http.post(ruta).set(...bearer(admin));
    expect(r.status).toBe(200);
    expect(r.body.estado).toBe('pendiente');
    await esperar(async () => (await estadoDe('prueba:vencida')) === 'enviada', 'enviada');
    expect(buzon.para('vencida@parknet.test')).toHaveLength(1);
    const otra = await t.http.post(ruta).set(...bearer(admin));
    expect({ status: otra.status, code: otra.body.code }).toEqual({
      status: 409,
      code: 'NOTIFICACION_NO_FALLIDA',
    });
    const nada = await t.http.post('/notificaciones/no-existe/reintentar').set(...bearer(admin));
    expect({ status: nada.status, code: nada.body.code }).toEqual({
      status: 404,
      code: 'NO_ENCONTRADO',
    });
  });

  it("a record a crash left out of the senders' queue is queued by the next start, and sent once", async () => {
    const ahora = new Date();
    const m = mensaje(99);
    // What NotificacionesService.encolarVarias leaves when the process dies between its two inserts.
    await outbox().insertOne({
      _id: 'prueba:sin-cola',
      tipo: 'prueba',
      destinatario: 'sincola@parknet.test',
      asunto: m.asunto,
      texto: m.texto,
      html: m.html,
      confidencial: false,
      estado: 'pendiente',
      intentos: 0,
      proximoIntento: ahora,
      venceEn: new Date(ahora.getTime() + 86_400_000),
      creadaEn: ahora,
      enviadaEn: null,
      ultimoError: null,
    } as never);
    // Two running senders poll every 50 ms: neither looks at records, only at the queue.
    await new Promise((r) => setTimeout(r, 500));
    expect(await estadoDe('prueba:sin-cola')).toBe('pendiente');
    const { crearApp } = await import('src/app.factory');
    const tercera = await crearApp({ logger: false });
    try {
      await esperar(async () => (await estadoDe('prueba:sin-cola')) === 'enviada', 'enviada');
    } finally {
      await tercera.close();
    }
    expect(buzon.para('sincola@parknet.test')).toHaveLength(1);
    const cola = t.connection.collection<{ _id: string }>('notificaciones_cola');
    expect(await cola.countDocuments({ _id: 'prueba:sin-cola' })).toBe(0);
  });
});
