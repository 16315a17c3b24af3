import { Types } from 'mongoose';
import { ResultadosPorCorreoService } from 'src/modules/notificaciones/resultados-por-correo.service';
import { AppDePrueba, PASSWORD_RESIDENTE } from './support/app';
import { bearer, residenteBody, SesionPrueba } from './support/auth-helpers';
import { CorreoDePrueba, esperar } from './support/correo-prueba';
import { parqueaderos, sembrarParticipantes } from './sorteo-datos';

describe('Notificaciones (e2e, SMTP real): qué se envía y a quién', () => {
  const c = new CorreoDePrueba();
  const buzon = c.buzon;
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let revisor: SesionPrueba;
  const outbox = () => c.outbox();
  const estadoDe = (clave: string) => c.estadoDe(clave);

  beforeAll(async () => {
    await c.iniciar();
    ({ t, admin, revisor } = c);
  });
  afterAll(() => c.cerrar());
  it('e-mails the activation link to the new resident only, and lists it without its body', async () => {
    const body = residenteBody();
    const creado = await t.http
      .post('/residentes')
      .set(...bearer(admin))
      .send(body);
    expect(creado.status).toBe(201);
    const token = creado.body.activacion.token as string;
    const email = body.email as string;
    await esperar(() => buzon.para(email).length > 0, 'el correo de activación');

    const [correo] = buzon.para(email);
    expect(correo.para).toEqual([email]);
    expect(correo.asunto).toBe('Active su cuenta de ParkNet');
    expect(correo.cuerpo).toContain(`https://parknet.test/activar?token=${token}`);
    expect(correo.cuerpo).toContain(`Hola, ${body.nombre as string}:`);

    let id = '';
    for (const quien of [admin, revisor]) {
      const lista = await t.http
        .get('/notificaciones')
        .query({ destinatario: email.toUpperCase() })
        .set(...bearer(quien));
      expect(lista.status).toBe(200);
      expect(lista.body.meta.total).toBe(1);
      expect(lista.body.data[0]).toMatchObject({ tipo: 'activacion', confidencial: true });
      expect(JSON.stringify(lista.body)).not.toContain(token);
      id = lista.body.data[0].id as string;
    }
    const escribe = await t.http
      .post(`/notificaciones/${encodeURIComponent(id)}/reintentar`)
      .set(...bearer(revisor));
    expect({ status: escribe.status, code: escribe.body.code }).toEqual({
      status: 403,
      code: 'PROHIBIDO',
    });

    // Activation, a password change and a solicitud's rejection each reach this resident.
    const act = await t.http.post('/auth/activar').send({ token, password: PASSWORD_RESIDENTE });
    expect(act.status).toBe(200);
    const sesion = act.body as SesionPrueba;
    const cambio = await t.http
      .post('/auth/cambiar-password')
      .set(...bearer(sesion))
      .send({
        passwordActual: PASSWORD_RESIDENTE,
        passwordNueva: 'otra clave larga para el carro gris',
      });
    expect(cambio.status).toBe(204);
    const sol = await t.http
      .post('/solicitudes')
      .set(...bearer(sesion))
      .send({ vehiculo: { placa: 'NTF123', tipo: 'carro' } });
    expect(sol.status).toBe(201);
    const rechazo = await t.http
      .patch(`/solicitudes/${sol.body.id as string}/estado`)
      .set(...bearer(admin))
      .send({ estado: 'rechazada', motivo: 'Placa <b>ilegible</b>' });
    expect(rechazo.status).toBe(200);
    await esperar(() => buzon.para(email).length === 3, 'contraseña y rechazo');
    const asuntos = buzon.para(email).map((c) => c.asunto);
    expect(asuntos.sort()).toEqual([
      'Active su cuenta de ParkNet',
      'Su contraseña de ParkNet cambió',
      'Su solicitud de parqueadero fue rechazada',
    ]);
    const rechazoCorreo = buzon.para(email).find((c) => c.asunto.includes('rechazada'));
    expect(rechazoCorreo?.cuerpo).toContain('Motivo: Placa <b>ilegible</b>.');
    expect(rechazoCorreo?.cuerpo).toContain('Motivo: Placa &lt;b&gt;ilegible&lt;/b&gt;.');
  });

  it('sends each participant of a draw one e-mail with only their own outcome', async () => {
    const { residentes, solicitudes } = await sembrarParticipantes(t, 6, {
      torre: 'N',
      tipo: () => 'carro',
    });
    const correo = (i: number) => `participante${i}@parknet.test`;
    await t.connection.collection('residentes').bulkWrite(
      residentes.map((id, i) => ({
        updateOne: {
          filter: { _id: new Types.ObjectId(id) },
          // The last one has no e-mail: nobody to tell.
          update: { $set: { email: i < 5 ? correo(i) : null, nombre: `Participante ${i}` } },
        },
      })),
    );
    const sorteo = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({ nombre: 'Sorteo con correo', parqueaderos: parqueaderos(2, 0) });
    expect(sorteo.status).toBe(201);
    const sorteoId = sorteo.body.id as string;
    const claves = solicitudes.slice(0, 5).map((s) => `sorteo:${sorteoId}:resultado:${s}`);
    await esperar(
      async () =>
        (await Promise.all(claves.map(estadoDe))).every((e: string | undefined) => e === 'enviada'),
      'los cinco resultados',
    );
    expect(await outbox().countDocuments({ _id: { $regex: `^sorteo:${sorteoId}:` } })).toBe(5);

    const filas = await t.connection
      .collection('solicitudes')
      .find({ _id: { $in: solicitudes.map((s) => new Types.ObjectId(s)) } })
      .toArray();
    const placas = filas.map((f) => (f.vehiculo as { placa: string }).placa);
    let ganadores = 0;
    for (let i = 0; i < 5; i++) {
      const recibidos = buzon.para(correo(i));
      expect(recibidos).toHaveLength(1);
      const { asunto, cuerpo } = recibidos[0];
      expect(asunto).toBe('Resultado del sorteo "Sorteo con correo"');
      const propia = filas.find((f) => String(f.residenteId) === residentes[i]);
      const placa = (propia?.vehiculo as { placa: string }).placa;
      expect(cuerpo).toContain(`Hola, Participante ${i}:`);
      expect(cuerpo).toContain(placa);
      if (propia?.parqueadero) {
        ganadores += 1;
        expect(cuerpo).toContain(`Le fue asignado el parqueadero ${propia.parqueadero as string}`);
      } else expect(cuerpo).toContain('No le fue asignado');
      // Nobody else's name or placa.
      for (let j = 0; j < 6; j++) if (j !== i) expect(cuerpo).not.toContain(`Participante ${j}`);
      for (const otra of placas) if (otra !== placa) expect(cuerpo).not.toContain(otra);
    }
    // Two spots among six participants; the one without an e-mail may hold one of them.
    const conEmail = filas.filter((f) => residentes.indexOf(String(f.residenteId)) < 5);
    expect(filas.filter((f) => f.parqueadero)).toHaveLength(2);
    expect(ganadores).toBe(conEmail.filter((f) => f.parqueadero).length);

    // The start-up sweep: a draw without its mark is enqueued again, and only what is missing is
    // added (here one message removed as if a crash had stopped the enqueuing before it).
    const barrido = t.app.get(ResultadosPorCorreoService);
    await t.connection.collection('notificaciones_sorteos').deleteOne({ _id: sorteoId } as object);
    expect(await barrido.barrer()).toBe(0);
    await t.connection.collection('notificaciones_sorteos').deleteOne({ _id: sorteoId } as object);
    await outbox().deleteOne({ _id: claves[0] });
    expect(await barrido.barrer()).toBe(1);
    expect(await barrido.barrer()).toBe(0);
    await esperar(async () => (await estadoDe(claves[0])) === 'enviada', 'el resultado repuesto');

    // A winner renounces: the first in the waiting list is promoted and told (if it has an e-mail).
    const ganadora = filas.find((f) => f.parqueadero) as (typeof filas)[number];
    const primeraEnEspera = filas.find((f) => f.posicionEspera === 1) as (typeof filas)[number];
    const renuncia = await t.http
      .post(`/sorteo/resultados/${sorteoId}/renuncias`)
      .set(...bearer(admin))
      .send({ solicitudId: String(ganadora._id) });
    expect(renuncia.status).toBe(201);
    const promovida = await t.connection
      .collection('solicitudes')
      .findOne({ _id: primeraEnEspera._id });
    expect(promovida?.estado).toBe('asignada');
    const promociones = await outbox().find({ tipo: 'promocion' }).toArray();
    const i = residentes.indexOf(String(primeraEnEspera.residenteId));
    if (i < 5) {
      expect(promociones.map((p) => p._id)).toEqual([
        `solicitud:${String(primeraEnEspera._id)}:promovida:${promovida?.version as number}`,
      ]);
      const avisos = () =>
        buzon.para(correo(i)).filter((c) => c.asunto.startsWith('Le fue asignado un parqueadero'));
      await esperar(() => avisos().length === 1, 'el correo de la promoción');
      expect(avisos()[0].cuerpo).toContain(`le fue asignado el ${ganadora.parqueadero as string}`);
    } else expect(promociones).toEqual([]);
  });
});
