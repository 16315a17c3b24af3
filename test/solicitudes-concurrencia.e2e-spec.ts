import type { Response } from 'supertest';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';

interface Entrada {
  estado: string;
  fecha: string;
  usuarioId: string | null;
  motivo: string | null;
}

/**
 * Concurrent changes to one solicitud. The requests are not guaranteed to read before any of them
 * writes: under load a late one legitimately sees the state an earlier winner left. So these tests
 * check what holds whatever the interleaving: the successes form one serial chain of transitions
 * the state machine allows, the historial records exactly that chain, and every loser is told so.
 */
describe('Solicitudes under concurrent changes (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let apto = 0;

  async function pendiente(placa: string): Promise<string> {
    apto += 1;
    const r = await crearResidenteActivo(t, admin, { torre: 'K', apartamento: String(500 + apto) });
    const res = await t.http
      .post('/solicitudes')
      .set(...bearer(r.sesion))
      .send({ vehiculo: { placa, tipo: 'carro' } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const cambiar = (id: string, estado: 'aprobada' | 'rechazada'): Promise<Response> =>
    t.http
      .patch(`/solicitudes/${id}/estado`)
      .set(...bearer(admin))
      .send(estado === 'aprobada' ? { estado } : { estado, motivo: 'Sin cupo' });

  async function historial(id: string): Promise<Entrada[]> {
    const res = await t.http.get(`/solicitudes/${id}`).set(...bearer(admin));
    expect(res.status).toBe(200);
    return res.body.historial as Entrada[];
  }

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('20 concurrent rejections of one pending solicitud: exactly one succeeds (rechazada is final)', async () => {
    const id = await pendiente('CON001');
    const res = await Promise.all(Array.from({ length: 20 }, () => cambiar(id, 'rechazada')));
    expect(res.filter((x) => x.status === 200)).toHaveLength(1);
    const perdedoras = res.filter((x) => x.status !== 200);
    expect(perdedoras).toHaveLength(19);
    for (const x of perdedoras)
      expect([x.status, x.body.code]).toEqual([409, 'TRANSICION_INVALIDA']);
    expect((await historial(id)).map((h) => h.estado)).toEqual(['pendiente', 'rechazada']);
  });

  it('20 concurrent approvals and rejections: the successes form one valid chain, as recorded', async () => {
    const id = await pendiente('CON002');
    const pedidos = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0 ? ('aprobada' as const) : ('rechazada' as const),
    );
    const res = await Promise.all(pedidos.map((estado) => cambiar(id, estado)));
    const exitos = pedidos.filter((_, i) => res[i].status === 200);
    for (const x of res.filter((y) => y.status !== 200))
      expect([x.status, x.body.code]).toEqual([409, 'TRANSICION_INVALIDA']);

    const final = await historial(id);
    const cadena = final.map((h) => h.estado);
    // The only serial histories the machine allows from pendiente with these two requests.
    expect([
      ['pendiente', 'rechazada'],
      ['pendiente', 'aprobada'],
      ['pendiente', 'aprobada', 'rechazada'],
    ]).toContainEqual(cadena);
    // One success per recorded change (each one a distinct version), and the same changes.
    expect(exitos.length).toBe(cadena.length - 1);
    expect([...exitos].sort()).toEqual(cadena.slice(1).sort());
    // Each success saw a prefix of that one history, at least as far as its own change.
    for (const x of res.filter((y) => y.status === 200)) {
      const visto = x.body.historial as Entrada[];
      expect(visto.length).toBeGreaterThanOrEqual(2);
      expect(visto).toEqual(final.slice(0, visto.length));
    }
    const actual = await t.http.get(`/solicitudes/${id}`).set(...bearer(admin));
    expect(actual.body.estado).toBe(cadena.at(-1));
  });
});
