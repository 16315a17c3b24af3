import { Types } from 'mongoose';
import { AprobacionesMasivasRepository } from 'src/modules/solicitudes/aprobaciones-masivas.repository';
import { SolicitudesDelSorteoService } from 'src/modules/solicitudes/solicitudes-del-sorteo.service';
import { TransicionesRepository } from 'src/modules/solicitudes/transiciones.repository';
import { sembrarPendientes } from './aprobaciones-datos';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, loginAdmin } from './support/auth-helpers';

describe('POST /solicitudes/aprobaciones after a crash (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  const aprobar = (ids: string[]) =>
    t.http
      .post('/solicitudes/aprobaciones')
      .set(...bearer(admin))
      .send({ ids });
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

  describe('a bulk approval whose request died', () => {
    /**
     * The state a crash leaves: the lote stored (old), the claims of `ganadas` inserted, and the
     * documents of `borradas` deleted but not re-inserted. Built with the repositories themselves.
     */
    async function caida(ids: string[], ganadas: string[], borradas: string[]): Promise<Date> {
      const docs = await t.connection
        .collection('solicitudes')
        .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } })
        .toArray();
      const fecha = new Date(Date.now() - 10 * 60_000);
      const lote = await t.app
        .get(AprobacionesMasivasRepository)
        .registrar(docs, admin.usuario.id, fecha);
      await t.connection
        .collection('solicitudes_aprobaciones')
        .updateOne({ _id: lote.id as never }, { $set: { creadoEn: fecha } });
      await t.app.get(TransicionesRepository).reclamarVarias(
        ganadas.map((id) => ({
          solicitudId: id,
          version: 1,
          estado: 'aprobada',
          motivo: null,
          usuarioId: admin.usuario.id,
          sorteoId: null,
          fecha,
        })),
      );
      await t.connection
        .collection('solicitudes')
        .deleteMany({ _id: { $in: borradas.map((id) => new Types.ObjectId(id)) } });
      return fecha;
    }

    it('is finished by the next bulk approval: won claims take effect, unclaimed ones do not', async () => {
      const [a, b, c, otra] = await sembrarPendientes(t, 4, 'C1');
      // c: the crash came before its claim; b: deleted before the crash re-inserted it.
      await caida([a, b, c], [a, b], [b]);
      const res = await aprobar([otra]);
      expect(res.body.resultados).toEqual([{ id: otra, estado: 'aprobada' }]);
      for (const id of [a, b]) {
        const s = await leer(id);
        expect(s.estado).toBe('aprobada');
        expect(s.historial.map((h) => h.estado)).toEqual(['pendiente', 'aprobada']);
      }
      expect((await leer(c)).estado).toBe('pendiente');
      expect(await t.connection.collection('solicitudes_aprobaciones').countDocuments()).toBe(0);
    });

    it('is finished before a draw reads the approved solicitudes', async () => {
      const [a, b] = await sembrarPendientes(t, 2, 'C2');
      await caida([a, b], [a, b], [a]);
      const leidas: string[] = [];
      for await (const bloque of t.app.get(SolicitudesDelSorteoService).aprobadasParaSorteo(100))
        leidas.push(...bloque.map((s) => s.id));
      expect(leidas).toEqual(expect.arrayContaining([a, b]));
      expect((await leer(a)).estado).toBe('aprobada');
    });
  });
});
