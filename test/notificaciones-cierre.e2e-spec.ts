import { Types } from 'mongoose';
import { CierresPorCorreoService } from 'src/modules/notificaciones/cierres-por-correo.service';
import { FUENTES, residenteConAprobada } from './convocatorias-apoyo';
import { parqueaderos } from './sorteo-datos';
import { AppDePrueba } from './support/app';
import { bearer, SesionPrueba } from './support/auth-helpers';
import { CorreoDePrueba, esperar } from './support/correo-prueba';

describe('Notificaciones (e2e, SMTP real): el cierre de una convocatoria', () => {
  const c = new CorreoDePrueba();
  const buzon = c.buzon;
  let t: AppDePrueba;
  let admin: SesionPrueba;

  beforeAll(async () => {
    await c.iniciar();
    ({ t, admin } = c);
  });
  afterAll(() => c.cerrar());

  it('tells each participant their own frozen line and the insumosHash, once', async () => {
    const participantes = [
      await residenteConAprobada(t, admin, 'K'),
      await residenteConAprobada(t, admin, 'K'),
      await residenteConAprobada(t, admin, 'K'),
    ];
    const creada = await t.http
      .post('/sorteo/convocatorias')
      .set(...bearer(admin))
      .send({
        nombre: 'Convocatoria con correo',
        parqueaderos: parqueaderos(1, 0),
        fuentesPublicas: FUENTES,
        fechaSorteo: new Date(Date.now() + 86_400_000).toISOString(),
      });
    expect(creada.status).toBe(201);
    const id = creada.body.id as string;
    const cerrada = await t.http.post(`/sorteo/convocatorias/${id}/cerrar`).set(...bearer(admin));
    expect(cerrada.status).toBe(200);
    const insumosHash = cerrada.body.insumosHash as string;

    const residentes = t.connection.collection('residentes');
    const solicitudes = t.connection.collection('solicitudes');
    const datos = await Promise.all(
      participantes.map(async (p) => {
        const r = await residentes.findOne({ _id: { $eq: new Types.ObjectId(p.residenteId) } });
        const s = await solicitudes.findOne({ _id: { $eq: new Types.ObjectId(p.solicitudId) } });
        return {
          email: r?.email as string,
          nombre: r?.nombre as string,
          placa: (s?.vehiculo as { placa: string }).placa,
          apartamento: r?.apartamento as string,
        };
      }),
    );
    const cierres = (email: string) => buzon.para(email).filter((m) => m.asunto.includes('cerró'));
    for (const d of datos)
      await esperar(() => cierres(d.email).length > 0, `el aviso de cierre a ${d.email}`);
    for (const [i, d] of datos.entries()) {
      const avisos = cierres(d.email);
      expect(avisos).toHaveLength(1);
      const { asunto, cuerpo, para } = avisos[0];
      expect(para).toEqual([d.email]);
      expect(asunto).toBe('La convocatoria "Convocatoria con correo" cerró');
      expect(cuerpo).toContain(`Hola, ${d.nombre}:`);
      expect(cuerpo).toContain(`placa ${d.placa}`);
      expect(cuerpo).toContain(`apartamento ${d.apartamento}`);
      expect(cuerpo).toContain(insumosHash);
      // Nobody else's line.
      for (const [j, otro] of datos.entries()) {
        if (j === i) continue;
        expect(cuerpo).not.toContain(otro.placa);
        expect(cuerpo).not.toContain(otro.nombre);
      }
    }

    // A crash before the mark: the start-up sweep enqueues only what is missing.
    const barrido = t.app.get(CierresPorCorreoService);
    const marcas = t.connection.collection('notificaciones_sorteos');
    await esperar(
      async () => (await marcas.countDocuments({ _id: `convocatoria:${id}` } as object)) === 1,
      'la marca del cierre',
    );
    expect(await barrido.barrer()).toBe(0);
    await marcas.deleteOne({ _id: `convocatoria:${id}` } as object);
    await c
      .outbox()
      .deleteOne({ _id: `convocatoria:${id}:cierre:${participantes[0].solicitudId}` });
    expect(await barrido.barrer()).toBe(1);
    expect(await barrido.barrer()).toBe(0);
  });
});
