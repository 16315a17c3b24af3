import type { Response } from 'supertest';
import { Types } from 'mongoose';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';
import { sembrarPendientes } from './aprobaciones-datos';
import { estados, sembrarAprobadas, sembrarResidentes } from './sorteo-datos';

interface Resultado {
  id: string;
  estado: string | null;
  code?: string;
  message?: string;
}

describe('POST /solicitudes/aprobaciones (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  const aprobar = (ids: unknown, s: SesionPrueba = admin): Promise<Response> =>
    t.http
      .post('/solicitudes/aprobaciones')
      .set(...bearer(s))
      .send({ ids });
  const patch = (id: string, body: object): Promise<Response> =>
    t.http
      .patch(`/solicitudes/${id}/estado`)
      .set(...bearer(admin))
      .send(body);
  const leer = async (id: string) => {
    const res = await t.http.get(`/solicitudes/${id}`).set(...bearer(admin));
    expect(res.status).toBe(200);
    return res.body as { estado: string; historial: Array<{ estado: string; usuarioId: string }> };
  };

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('gives mixed ids their per-item outcome, in order, under the rules of one PATCH', async () => {
    const [valida, yaAprobada, rechazada] = await sembrarPendientes(t, 3, 'M1');
    const [enMora] = await sembrarPendientes(t, 1, 'M2', () => false);
    // Another resident's solicitud, created by that resident: an admin may approve anyone's.
    const otro = await crearResidenteActivo(t, admin, { torre: 'M3', apartamento: '1' });
    const ajena = await t.http
      .post('/solicitudes')
      .set(...bearer(otro.sesion))
      .send({ vehiculo: { placa: 'AJE123', tipo: 'carro' } });
    expect(ajena.status).toBe(201);
    expect((await patch(yaAprobada, { estado: 'aprobada' })).status).toBe(200);
    expect((await patch(rechazada, { estado: 'rechazada', motivo: 'Sin cupo' })).status).toBe(200);
    const desconocida = new Types.ObjectId().toHexString();

    const ids = [
      valida,
      yaAprobada,
      enMora,
      desconocida,
      'no-es-un-id',
      ajena.body.id,
      rechazada,
      valida,
    ];
    const res = await aprobar(ids);
    expect(res.status).toBe(200);
    const r = res.body.resultados as Resultado[];
    expect(r).toHaveLength(ids.length);
    expect(r.map((x) => x.id)).toEqual(ids);
    expect(r[0]).toEqual({ id: valida, estado: 'aprobada' });
    expect([r[1].estado, r[1].code]).toEqual(['aprobada', 'TRANSICION_INVALIDA']);
    expect(r[1].message).toMatch(/"aprobada" a "aprobada"/);
    expect([r[2].estado, r[2].code]).toEqual(['pendiente', 'RESIDENTE_EN_MORA']);
    expect([r[3].estado, r[3].code]).toEqual([null, 'NO_ENCONTRADO']);
    expect([r[4].estado, r[4].code]).toEqual([null, 'NO_ENCONTRADO']);
    expect(r[5]).toEqual({ id: ajena.body.id, estado: 'aprobada' });
    expect([r[6].estado, r[6].code]).toEqual(['rechazada', 'TRANSICION_INVALIDA']);
    // A repeated id: its first occurrence's outcome, and the change made once.
    expect(r[7]).toEqual(r[0]);
    for (const x of r.filter((y) => y.code)) expect(x.message).toEqual(expect.any(String));

    for (const id of [valida, ajena.body.id]) {
      const s = await leer(id);
      expect(s.estado).toBe('aprobada');
      expect(s.historial.map((h) => h.estado)).toEqual(['pendiente', 'aprobada']);
      expect(s.historial[1].usuarioId).toBe(admin.usuario.id);
    }
    expect((await leer(enMora)).estado).toBe('pendiente');
    expect((await leer(yaAprobada)).historial).toHaveLength(2);
    expect(await t.connection.collection('solicitudes_aprobaciones').countDocuments()).toBe(0);
  });

  it('is for admins only, and takes 1 to 1,000 ids', async () => {
    const [id] = await sembrarPendientes(t, 1, 'V1');
    const residente = await crearResidenteActivo(t, admin, { torre: 'V2', apartamento: '1' });
    const prohibido = await aprobar([id], residente.sesion);
    expect([prohibido.status, prohibido.body.code]).toEqual([403, 'PROHIBIDO']);
    const anonimo = await t.http.post('/solicitudes/aprobaciones').send({ ids: [id] });
    expect([anonimo.status, anonimo.body.code]).toEqual([401, 'NO_AUTENTICADO']);
    const demasiados = Array.from({ length: 1001 }, () => new Types.ObjectId().toHexString());
    for (const malo of [[], demasiados, 'abc', [1, 2], [id, null], undefined]) {
      const res = await aprobar(malo);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDACION']);
    }
    const extra = await t.http
      .post('/solicitudes/aprobaciones')
      .set(...bearer(admin))
      .send({ ids: [id], estado: 'rechazada' });
    expect([extra.status, extra.body.code]).toEqual([400, 'VALIDACION']);
    expect((await leer(id)).estado).toBe('pendiente');
  });

  it('racing single PATCHes of the same solicitudes: one winner per version, historial consistent', async () => {
    const ids = await sembrarPendientes(t, 12, 'R1');
    const pedidos = ids.map((id, i) =>
      i % 3 === 0
        ? ({ estado: 'aprobada' } as const)
        : i % 3 === 1
          ? ({ estado: 'rechazada', motivo: 'Cupo lleno' } as const)
          : ({ estado: 'cancelada' } as const),
    );
    const [masiva, ...simples] = await Promise.all([
      aprobar(ids),
      ...ids.map((id, i) => patch(id, pedidos[i])),
    ]);
    expect(masiva.status).toBe(200);
    const r = masiva.body.resultados as Resultado[];
    expect(r).toHaveLength(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const exitos: string[] = [];
      if (!r[i].code) exitos.push('aprobada');
      else expect(r[i].code).toBe('TRANSICION_INVALIDA');
      if (simples[i].status === 200) exitos.push(pedidos[i].estado);
      else expect([simples[i].status, simples[i].body.code]).toEqual([409, 'TRANSICION_INVALIDA']);
      const cadena = (await leer(ids[i])).historial.map((h) => h.estado);
      // Every success is one recorded change, each from the version the one before left.
      expect(cadena[0]).toBe('pendiente');
      expect(exitos.length).toBe(cadena.length - 1);
      expect([...exitos].sort()).toEqual(cadena.slice(1).sort());
      expect(exitos.length).toBeGreaterThanOrEqual(1);
      // Two approvals never both apply: aprobada → aprobada is no transition.
      expect(cadena.filter((e) => e === 'aprobada').length).toBeLessThanOrEqual(1);
    }
  });

  it('racing the start of a draw: each solicitud ends a participant or approved after, never lost', async () => {
    const ids = await sembrarPendientes(t, 40, 'D1');
    // Someone approved already, so the draw has participants whenever it reads.
    const [residente] = await sembrarResidentes(t, [{ torre: 'D2', apartamento: '1' }]);
    await sembrarAprobadas(t, [
      { residenteId: residente, torre: 'D2', apartamento: '1', tipo: 'carro' },
    ]);
    const [masiva, sorteo] = await Promise.all([
      aprobar(ids),
      t.http
        .post('/sorteo/ejecutar')
        .set(...bearer(admin))
        .send({ nombre: 'Sorteo concurrente', parqueaderos: [{ codigo: 'C-1', tipo: 'carro' }] }),
    ]);
    expect(masiva.status).toBe(200);
    expect(sorteo.status).toBe(201);
    const r = masiva.body.resultados as Resultado[];
    expect(r).toEqual(ids.map((id) => ({ id, estado: 'aprobada' })));
    const participantes = new Set(
      (sorteo.body.participantes as Array<{ solicitudId: string }>).map((p) => p.solicitudId),
    );
    const finales = await estados(t, ids);
    expect(finales.size).toBe(ids.length);
    for (const id of ids) {
      const s = finales.get(id);
      if (participantes.has(id)) {
        expect(['asignada', 'no_asignada']).toContain(s?.estado);
        expect(s?.sorteoId).toBe(sorteo.body.id);
        expect(s?.version).toBe(2);
      } else {
        expect([s?.estado, s?.sorteoId, s?.version]).toEqual(['aprobada', null, 1]);
      }
    }
  });

  it('two bulk calls over the same ids at once: each id approved once, the other call told why', async () => {
    const ids = await sembrarPendientes(t, 30, 'B1');
    const [a, b] = await Promise.all([aprobar(ids), aprobar([...ids].reverse())]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const deA = new Map((a.body.resultados as Resultado[]).map((x) => [x.id, x]));
    const deB = new Map((b.body.resultados as Resultado[]).map((x) => [x.id, x]));
    expect([deA.size, deB.size]).toEqual([30, 30]);
    for (const id of ids) {
      const x = deA.get(id) as Resultado;
      const y = deB.get(id) as Resultado;
      expect([x.estado, y.estado]).toEqual(['aprobada', 'aprobada']);
      // Exactly one of the two approved it; the other lost the version to it.
      expect([x.code, y.code].filter((c) => c === undefined)).toHaveLength(1);
      expect([x.code ?? y.code]).toEqual(['TRANSICION_INVALIDA']);
      expect((await leer(id)).historial.map((h) => h.estado)).toEqual(['pendiente', 'aprobada']);
    }
  });

  it('approves 1,000 solicitudes in one call', async () => {
    const ids = await sembrarPendientes(t, 1000, 'K1');
    const res = await aprobar(ids);
    expect(res.status).toBe(200);
    const r = res.body.resultados as Resultado[];
    expect(r).toHaveLength(1000);
    expect(r.filter((x) => x.estado === 'aprobada' && x.code === undefined)).toHaveLength(1000);
    const finales = await estados(t, ids);
    expect(finales.size).toBe(1000);
    expect(
      [...finales.values()].filter((s) => s.estado === 'aprobada' && s.version === 1),
    ).toHaveLength(1000);
    expect(await t.connection.collection('solicitudes_aprobaciones').countDocuments()).toBe(0);
  });
});
