import type { Response } from 'supertest';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';
import { estados, parqueaderos, sembrarAprobadas, sembrarParticipantes } from './sorteo-datos';
import { vaciarSorteos } from './support/limpieza';
import { TransicionesRepository } from 'src/modules/solicitudes/transiciones.repository';
import { SolicitudesDelSorteoService } from 'src/modules/solicitudes/solicitudes-del-sorteo.service';

/** A promise resolved from outside, to force one order of two concurrent requests. */
function promesa<T>(): { promesa: Promise<T>; resolver: (v: T) => void } {
  let resolver!: (v: T) => void;
  const p = new Promise<T>((r) => (resolver = r));
  return { promesa: p, resolver };
}

/** API.md's Sorteo rules that touch a resident's view and the solicitudes around a draw. */
describe('Sorteo: the contract around a draw (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  const ejecutar = async (nombre: string, carros: number): Promise<Response> => {
    const res = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({ nombre, parqueaderos: parqueaderos(carros, 0) });
    expect(res.status).toBe(201);
    return res;
  };
  const anular = async (id: string): Promise<void> => {
    const res = await t.http
      .post(`/sorteo/resultados/${id}/anular`)
      .set(...bearer(admin))
      .send({ motivo: 'Prueba de anulación' });
    expect(res.status).toBe(200);
  };
  const miAsignacion = async (s: SesionPrueba): Promise<unknown[]> => {
    const res = await t.http.get('/sorteo/mi-asignacion').set(...bearer(s));
    expect(res.status).toBe(200);
    return res.body as unknown[];
  };

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    await vaciarSorteos(t.connection);
    await t.connection.collection('residentes').deleteMany({ cuenta: 'sin_cuenta' });
  });

  it('mi-asignacion: empty before any draw, the latest non-annulled draw, empty when not in it', async () => {
    const { residente, sesion } = await crearResidenteActivo(t, admin, {
      torre: 'MA',
      apartamento: '101',
    });
    expect(await miAsignacion(sesion)).toEqual([]);
    const [propia] = await sembrarAprobadas(t, [
      { residenteId: residente.id, torre: 'MA', apartamento: '101', tipo: 'carro' },
    ]);
    await sembrarParticipantes(t, 4, { torre: 'MB', tipo: () => 'carro' });
    const d1 = await ejecutar('Primero', 2);
    const mia = (d1.body.participantes as Array<Record<string, unknown>>).find(
      (p) => p.solicitudId === propia,
    )!;
    const enD1 = [
      {
        sorteoId: d1.body.id,
        nombre: 'Primero',
        tipoVehiculo: 'carro',
        placa: mia.placa,
        resultado: mia.resultado,
        parqueadero: mia.parqueadero,
        posicionEspera: mia.posicionEspera,
      },
    ];
    expect(await miAsignacion(sesion)).toEqual(enD1);

    // A later draw without the resident: the latest non-annulled draw has nothing of theirs.
    await sembrarParticipantes(t, 3, { torre: 'MC', tipo: () => 'carro' });
    const d2 = await ejecutar('Segundo', 1);
    expect(d2.body.resumen.participantes).toBe(3);
    expect(await miAsignacion(sesion)).toEqual([]);

    // Annulling the later one makes the first the latest non-annulled draw again.
    await anular(d2.body.id as string);
    expect(await miAsignacion(sesion)).toEqual(enD1);
    await anular(d1.body.id as string);
    expect(await miAsignacion(sesion)).toEqual([]);
    expect((await estados(t, [propia])).get(propia)).toMatchObject({
      estado: 'aprobada',
      sorteoId: null,
    });
  });

  it('an excluded resident in arrears: the solicitud becomes no_asignada with motivo RESIDENTE_EN_MORA', async () => {
    const { residente, sesion } = await crearResidenteActivo(t, admin, {
      torre: 'EM',
      apartamento: '201',
      alDia: false,
    });
    const [excluida] = await sembrarAprobadas(t, [
      { residenteId: residente.id, torre: 'EM', apartamento: '201', tipo: 'carro' },
    ]);
    await sembrarParticipantes(t, 3, { torre: 'EN', tipo: () => 'carro' });
    const d = await ejecutar('Con mora', 2);
    expect(d.body.excluidas).toEqual([
      {
        solicitudId: excluida,
        unidad: { torre: 'EM', apartamento: '201' },
        motivo: 'RESIDENTE_EN_MORA',
      },
    ]);
    for (const quien of [admin, sesion]) {
      const res = await t.http.get(`/solicitudes/${excluida}`).set(...bearer(quien));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        estado: 'no_asignada',
        motivo: 'RESIDENTE_EN_MORA',
        sorteoId: d.body.id,
        parqueadero: null,
      });
      expect(res.body.historial.at(-1)).toMatchObject({
        estado: 'no_asignada',
        motivo: 'RESIDENTE_EN_MORA',
      });
    }
  });

  it('GET /solicitudes filters by sorteoId (owner scope kept) and lists newest first', async () => {
    const r = await crearResidenteActivo(t, admin, { torre: 'SF', apartamento: '301' });
    const [propia] = await sembrarAprobadas(t, [
      { residenteId: r.residente.id, torre: 'SF', apartamento: '301', tipo: 'carro' },
    ]);
    const { solicitudes } = await sembrarParticipantes(t, 5, { torre: 'SG', tipo: () => 'carro' });
    const d = await ejecutar('Filtro', 2);
    // Created after the draw: not part of it, and the newest of all.
    const fuera = await t.http
      .post('/solicitudes')
      .set(...bearer(admin))
      .send({ residenteId: r.residente.id, vehiculo: { placa: 'SFM01', tipo: 'moto' } });
    expect(fuera.status).toBe(201);

    const delSorteo = await t.http
      .get(`/solicitudes?sorteoId=${d.body.id}&limit=100`)
      .set(...bearer(admin));
    expect(delSorteo.status).toBe(200);
    const ids = (delSorteo.body.data as Array<{ id: string; sorteoId: string }>).map((s) => s.id);
    expect([...ids].sort()).toEqual([propia, ...solicitudes].sort());
    expect(delSorteo.body.meta.total).toBe(6);
    // Newest first: the seeded ids grow with insertion order.
    expect(ids).toEqual([...solicitudes].reverse().concat(propia));

    const suyas = await t.http.get(`/solicitudes?sorteoId=${d.body.id}`).set(...bearer(r.sesion));
    expect(suyas.body.data.map((s: { id: string }) => s.id)).toEqual([propia]);
    const todas = await t.http.get('/solicitudes').set(...bearer(r.sesion));
    expect(todas.body.data.map((s: { id: string }) => s.id)).toEqual([fuera.body.id, propia]);
    const mala = await t.http.get('/solicitudes?sorteoId=zzz').set(...bearer(admin));
    expect([mala.status, mala.body.code]).toEqual([400, 'VALIDACION']);
  });

  it('cancellations and rejections racing a draw start: each ends before it or is refused', async () => {
    const { solicitudes } = await sembrarParticipantes(t, 200, { tipo: () => 'carro' });
    const objetivo = solicitudes.filter((_, i) => i % 10 === 0);
    expect(objetivo).toHaveLength(20);
    const cambio = (id: string, i: number) =>
      t.http
        .patch(`/solicitudes/${id}/estado`)
        .set(...bearer(admin))
        .send(i % 2 === 0 ? { estado: 'cancelada' } : { estado: 'rechazada', motivo: 'Carrera' });
    // Some sent just before the draw, most just after: the order they are sent in, not a timer.
    const antes = objetivo.slice(0, 5).map((id, i) => cambio(id, i));
    const sorteo = t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({ nombre: 'Carrera', parqueaderos: parqueaderos(50, 0) });
    const despues = objetivo.slice(5).map((id, i) => cambio(id, i + 5));
    const [d, ...cambios] = await Promise.all([sorteo, ...antes, ...despues]);
    expect(d.status).toBe(201);

    const resultado = new Map(
      (d.body.participantes as Array<{ solicitudId: string; resultado: string }>).map((p) => [
        p.solicitudId,
        p.resultado,
      ]),
    );
    const finales = await estados(t, solicitudes);
    expect(finales.size).toBe(200);
    const desenlaces = { antes: 0, rechazado: 0, despues: 0 };
    objetivo.forEach((id, i) => {
      const res = cambios[i];
      const pedido = i % 2 === 0 ? 'cancelada' : 'rechazada';
      const visto = { id, status: res.status, code: res.body.code, resultado: resultado.get(id) };
      const final = finales.get(id);
      if (res.status === 200 && !resultado.has(id)) {
        // Won before the draw reserved it: not a participant, and untouched by the draw.
        desenlaces.antes += 1;
        expect({ ...visto, ...final }).toMatchObject({ estado: pedido, sorteoId: null });
      } else if (res.body.code === 'SORTEO_EN_CURSO') {
        desenlaces.rechazado += 1;
        expect({ ...visto, ...final }).toMatchObject({ status: 409, sorteoId: d.body.id });
        expect(final?.estado).toBe(resultado.get(id));
      } else {
        // Served after the draw had finished: the machine's rules for a drawn solicitud apply.
        desenlaces.despues += 1;
        expect(resultado.has(id)).toBe(true);
        const permitido = pedido === 'cancelada' && resultado.get(id) === 'no_asignada';
        expect({ ...visto, estado: final?.estado }).toEqual(
          permitido
            ? { ...visto, status: 200, code: undefined, estado: 'cancelada' }
            : { ...visto, status: 409, code: 'TRANSICION_INVALIDA', estado: resultado.get(id) },
        );
      }
    });
    // The participants are exactly the solicitudes that did not leave before the draw.
    expect(resultado.size + desenlaces.antes).toBe(200);
    for (const id of solicitudes.filter((x) => !objetivo.includes(x)))
      expect({ id, participa: resultado.has(id) }).toEqual({ id, participa: true });
    expect(desenlaces.antes + desenlaces.rechazado + desenlaces.despues).toBe(20);
    console.log(`Carrera con el inicio del sorteo: ${JSON.stringify(desenlaces)}`);
  });
  it('a cancellation that claims between the draw reading and reserving wins; one after the reservation gets 409', async () => {
    const { solicitudes } = await sembrarParticipantes(t, 10, { tipo: () => 'carro' });
    const [gana, tarde] = solicitudes;
    const transiciones = t.app.get(TransicionesRepository);
    const servicio = t.app.get(SolicitudesDelSorteoService);
    const reclamar = transiciones.reclamar.bind(transiciones);
    const reservar = servicio.reservarParaSorteo.bind(servicio);
    // Forces the interleaving: the cancellation has passed its checks (no draw yet) and waits to
    // claim; the draw reads the solicitud as aprobada; the claim lands; then the draw reserves.
    const cancelacionLista = promesa<void>();
    const drawLeyo = promesa<void>();
    const cancelacionReclamo = promesa<void>();
    let tardia: Response | undefined;
    jest.spyOn(transiciones, 'reclamar').mockImplementation(async (tr) => {
      if (tr.solicitudId !== gana) return reclamar(tr);
      cancelacionLista.resolver();
      await drawLeyo.promesa;
      try {
        return await reclamar(tr);
      } finally {
        cancelacionReclamo.resolver();
      }
    });
    jest.spyOn(servicio, 'reservarParaSorteo').mockImplementation(async (sorteoId, lote) => {
      expect(lote.map((x) => x.id)).toContain(gana);
      drawLeyo.resolver();
      await cancelacionReclamo.promesa;
      const ganadas = await reservar(sorteoId, lote);
      tardia ??= await t.http
        .patch(`/solicitudes/${tarde}/estado`)
        .set(...bearer(admin))
        .send({ estado: 'cancelada' });
      return ganadas;
    });
    const cancelacion = t.http
      .patch(`/solicitudes/${gana}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'cancelada' })
      .then((r) => r);
    await cancelacionLista.promesa;
    const d = await ejecutar('Intercalado', 3);
    expect((await cancelacion).status).toBe(200);
    expect([tardia?.status, tardia?.body.code]).toEqual([409, 'SORTEO_EN_CURSO']);
    const ids = (d.body.participantes as Array<{ solicitudId: string }>).map((p) => p.solicitudId);
    expect(ids).toHaveLength(9);
    expect(ids).not.toContain(gana);
    expect(ids).toContain(tarde);
    const finales = await estados(t, [gana, tarde]);
    expect(finales.get(gana)).toMatchObject({ estado: 'cancelada', sorteoId: null });
    expect(finales.get(tarde)).toMatchObject({ sorteoId: d.body.id });
  });
});
