import { AppDePrueba, crearAppDePrueba } from './support/app';
import {
  SesionPrueba,
  bearer,
  crearResidenteActivo,
  loginAdmin,
  residenteBody,
} from './support/auth-helpers';

/** A valid id nothing has: the text rules answer before any lookup could say 404. */
const ID_INEXISTENTE = '0123456789abcdef01234567';

/** API.md, Conventions: text is NFC; control characters are 400 VALIDACION naming the field. */
describe('Entradas de texto (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let apto = 0;

  const unidad = () => ({ torre: 'EN', apartamento: String(++apto) });

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
  });

  afterAll(async () => {
    await t.cerrar();
  });

  function esperarRechazo(res: { status: number; body: Record<string, unknown> }, campo: string) {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDACION');
    const mensajes = ([] as unknown[]).concat(res.body.message);
    expect(mensajes.some((m) => String(m).startsWith(`${campo} `))).toBe(true);
  }

  it.each([
    ['NUL', 'Ana\u0000B'],
    ['BEL', 'Ana\u0007B'],
    ['DEL', 'Ana\u007fB'],
    ['salto de línea', 'Ana\nB'],
    ['tabulador', 'Ana\tB'],
  ])('rechaza un nombre de residente con %s', async (_, nombre) => {
    const res = await t.http
      .post('/residentes')
      .set(...bearer(admin))
      .send(residenteBody({ nombre, ...unidad() }));
    esperarRechazo(res, 'nombre');
  });

  it('rechaza el carácter de control también al editar el residente', async () => {
    const creado = await t.http
      .post('/residentes')
      .set(...bearer(admin))
      .send(residenteBody(unidad()));
    expect(creado.status).toBe(201);
    const res = await t.http
      .patch(`/residentes/${creado.body.id}`)
      .set(...bearer(admin))
      .send({ nombre: 'Otro\u0001Nombre' });
    esperarRechazo(res, 'nombre');
  });

  it('guarda el nombre en NFC aunque llegue descompuesto', async () => {
    const descompuesto = 'Jose\u0301 Nun\u0303ez';
    expect(descompuesto).not.toBe(descompuesto.normalize('NFC'));
    const res = await t.http
      .post('/residentes')
      .set(...bearer(admin))
      .send(residenteBody({ nombre: descompuesto, ...unidad() }));
    expect(res.status).toBe(201);
    expect(res.body.nombre).toBe('José Nuñez');
    const leido = await t.http.get(`/residentes/${res.body.id}`).set(...bearer(admin));
    expect(leido.status).toBe(200);
    expect(leido.body.nombre).toBe('José Nuñez');
  });

  describe('solicitudes', () => {
    let residente: SesionPrueba;

    beforeAll(async () => {
      residente = (await crearResidenteActivo(t, admin, unidad())).sesion;
    });

    it('rechaza observaciones con un carácter de control que no es salto de línea', async () => {
      const res = await t.http
        .post('/solicitudes')
        .set(...bearer(residente))
        .send({ vehiculo: { placa: 'ENT101', tipo: 'carro' }, observaciones: 'Camioneta\u0007' });
      esperarRechazo(res, 'observaciones');
    });

    it('rechaza una placa con un carácter de control', async () => {
      const res = await t.http
        .post('/solicitudes')
        .set(...bearer(residente))
        .send({ vehiculo: { placa: 'ENT\u0000102', tipo: 'carro' } });
      esperarRechazo(res, 'vehiculo.placa');
    });

    it('admite saltos de línea en observaciones y las guarda en NFC', async () => {
      const res = await t.http
        .post('/solicitudes')
        .set(...bearer(residente))
        .send({
          vehiculo: { placa: 'ENT103', tipo: 'carro' },
          observaciones: 'Camioneta gris\r\nsin tra\u0301iler',
        });
      expect(res.status).toBe(201);
      expect(res.body.observaciones).toBe('Camioneta gris\r\nsin tráiler');
    });

    it('rechaza el motivo de un cambio de estado con un carácter de control', async () => {
      const res = await t.http
        .patch(`/solicitudes/${ID_INEXISTENTE}/estado`)
        .set(...bearer(admin))
        .send({ estado: 'rechazada', motivo: 'Documentos\u0000incompletos' });
      esperarRechazo(res, 'motivo');
    });
  });

  describe('sorteo', () => {
    it('rechaza el motivo de una anulación con un carácter de control', async () => {
      const res = await t.http
        .post(`/sorteo/resultados/${ID_INEXISTENTE}/anular`)
        .set(...bearer(admin))
        .send({ motivo: 'Se omitió la torre B\u001b' });
      esperarRechazo(res, 'motivo');
    });

    it('rechaza el nombre de un sorteo con un carácter de control', async () => {
      const res = await t.http
        .post('/sorteo/ejecutar')
        .set(...bearer(admin))
        .send({ nombre: 'Sorteo\u0000 2026', parqueaderos: [{ codigo: 'S1', tipo: 'carro' }] });
      esperarRechazo(res, 'nombre');
    });
  });

  it('rechaza un filtro de búsqueda con un carácter de control', async () => {
    const res = await t.http
      .get(`/residentes?q=${encodeURIComponent('Ana\u0000')}`)
      .set(...bearer(admin));
    esperarRechazo(res, 'q');
  });
});
