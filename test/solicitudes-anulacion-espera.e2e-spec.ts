import { Types } from 'mongoose';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';

interface Solicitud {
  id: string;
  estado: string;
  historial: Array<{ estado: string }>;
}

const ESPERANDO = 4;

/**
 * Leaving the waiting list (no_asignada → cancelada) against an annulment of the draw, which
 * rewrites the draw's solicitudes: the annulment reserves each version with a claim, so of the two
 * the one whose claim is first wins, and the other is refused (docs/solicitudes.md).
 */
describe('Solicitudes: leaving the waiting list while the draw is annulled (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  const ids: string[] = [];

  const leer = async (id: string): Promise<Solicitud> =>
    (await t.http.get(`/solicitudes/${id}`).set(...bearer(admin))).body as Solicitud;
  /** The internal version, which the API does not show. */
  const version = async (id: string): Promise<number> =>
    Number(
      (await t.connection.collection('solicitudes').findOne({ _id: new Types.ObjectId(id) }))
        ?.version,
    );
  const cancelar = (id: string) =>
    t.http
      .patch(`/solicitudes/${id}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'cancelada' });
  const anular = (sorteoId: string) =>
    t.http
      .post(`/sorteo/resultados/${sorteoId}/anular`)
      .set(...bearer(admin))
      .send({ motivo: 'Error en el inventario' });

  /** A draw of one spot among every solicitud still aprobada: its id and those left waiting. */
  async function sortear(nombre: string): Promise<{ sorteoId: string; enEspera: Solicitud[] }> {
    const r = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({ nombre, parqueaderos: [{ codigo: 'A-1', tipo: 'carro' }] });
    expect(r.status).toBe(201);
    const todas = await Promise.all(ids.map(leer));
    return {
      sorteoId: r.body.id as string,
      enEspera: todas.filter((s) => s.estado === 'no_asignada'),
    };
  }

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
    for (let i = 0; i <= ESPERANDO; i++) {
      const r = await crearResidenteActivo(t, admin, { torre: 'N', apartamento: String(20 + i) });
      const s = await t.http
        .post('/solicitudes')
        .set(...bearer(r.sesion))
        .send({ vehiculo: { placa: `ANU00${i}`, tipo: 'carro' } });
      expect(s.status).toBe(201);
      const ok = await t.http
        .patch(`/solicitudes/${s.body.id}/estado`)
        .set(...bearer(admin))
        .send({ estado: 'aprobada' });
      expect(ok.status).toBe(200);
      ids.push(s.body.id as string);
    }
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('whichever claims the version first wins: the other leaves the solicitud alone or gets 409', async () => {
    const { sorteoId, enEspera } = await sortear('Sorteo a anular');
    expect(enEspera).toHaveLength(ESPERANDO);
    const [saliendo, reservada] = enEspera;
    const [vSaliendo, vReservada] = [await version(saliendo.id), await version(reservada.id)];
    const transiciones = t.connection.collection('solicitudes_transiciones');
    // A PATCH leaving the list that won its claim and has not written yet.
    await transiciones.insertOne({
      _id: `${saliendo.id}:${vSaliendo + 1}` as never,
      estado: 'cancelada',
      motivo: null,
      usuarioId: admin.usuario.id,
      sorteoId: null,
      fecha: new Date(),
    });
    // The annulment's own reservation, as an attempt that died after claiming left it.
    await transiciones.insertOne({
      _id: `${reservada.id}:${vReservada + 1}` as never,
      estado: null,
      motivo: null,
      usuarioId: null,
      sorteoId: `anulacion:${sorteoId}`,
      fecha: new Date(),
    });
    const tarde = await cancelar(reservada.id);
    expect([tarde.status, tarde.body.code]).toEqual([409, 'SORTEO_EN_CURSO']);

    expect((await anular(sorteoId)).status).toBe(200);
    // Not rewritten: the change that came first keeps it, and lands when it is written.
    expect((await leer(saliendo.id)).estado).toBe('no_asignada');
    expect(await version(saliendo.id)).toBe(vSaliendo);
    const alcanzada = await cancelar(saliendo.id);
    expect([alcanzada.status, alcanzada.body.code]).toEqual([409, 'TRANSICION_INVALIDA']);
    expect((await leer(saliendo.id)).estado).toBe('cancelada');
    // The annulment's earlier claim is still its own: the solicitud is approved again.
    const devuelta = await leer(reservada.id);
    expect(devuelta.estado).toBe('aprobada');
    expect(await version(reservada.id)).toBe(vReservada + 1);
    expect(devuelta.historial.map((h) => h.estado).slice(-2)).toEqual(['no_asignada', 'aprobada']);
    const otras = await Promise.all(enEspera.slice(2).map((s) => leer(s.id)));
    expect(otras.map((s) => s.estado)).toEqual(enEspera.slice(2).map(() => 'aprobada'));
  });

  it('concurrent departures and an annulment: a 200 always ends cancelada, a 409 aprobada', async () => {
    const { sorteoId, enEspera } = await sortear('Sorteo anulado en carrera');
    expect(enEspera).toHaveLength(ESPERANDO - 1);
    const [anulacion, ...salidas] = await Promise.all([
      anular(sorteoId),
      ...enEspera.map((s) => cancelar(s.id)),
    ]);
    expect(anulacion.status).toBe(200);
    for (const [i, s] of enEspera.entries()) {
      const res = salidas[i];
      const final = await leer(s.id);
      if (res.status === 200) expect(final.estado).toBe('cancelada');
      else {
        expect([res.status, res.body.code]).toEqual([409, 'SORTEO_EN_CURSO']);
        expect(final.estado).toBe('aprobada');
      }
      expect(final.historial.at(-1)?.estado).toBe(final.estado);
    }
  });
});
