import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';
import { sembrarParticipantes } from './sorteo-datos';
import { vaciarSorteos } from './support/limpieza';

const OBJECT_ID = /^[0-9a-f]{24}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const ID_INEXISTENTE = '0123456789abcdef01234567';

type Cuerpo = Record<string, unknown>;

describe('Parqueaderos (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let residente: SesionPrueba;
  let serie = 0;

  /** A codigo no other test uses. */
  const codigo = (prefijo = 'P'): string => `${prefijo}-${process.pid % 1000}-${++serie}`;

  const crear = (body: Cuerpo) =>
    t.http
      .post('/parqueaderos')
      .set(...bearer(admin))
      .send(body);

  const crearOk = async (body: Cuerpo): Promise<Cuerpo & { id: string }> => {
    const res = await crear(body);
    expect(res.status).toBe(201);
    return res.body as Cuerpo & { id: string };
  };

  const patch = (id: string, body: Cuerpo) =>
    t.http
      .patch(`/parqueaderos/${id}`)
      .set(...bearer(admin))
      .send(body);

  const esperarError = (
    res: { status: number; body: Cuerpo },
    status: number,
    code: string,
  ): void => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  };

  beforeAll(async () => {
    t = await crearAppDePrueba({ LOGIN_MAX_FALLOS_IP: '1000', SORTEO_SEMILLA_MANUAL: 'true' });
    admin = await loginAdmin(t);
    residente = (await crearResidenteActivo(t, admin)).sesion;
  });
  afterAll(async () => {
    await t.cerrar();
  });

  describe('POST /parqueaderos', () => {
    it('creates a spot with its defaults, trimmed and in NFC', async () => {
      const c = codigo();
      const res = await crear({ codigo: ` ${c} `, tipo: 'carro', zona: '  So\u0301tano 1 ' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(OBJECT_ID),
        codigo: c,
        tipo: 'carro',
        discapacidad: false,
        zona: 'S\u00f3tano 1',
        activo: true,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
      const leido = await t.http.get(`/parqueaderos/${res.body.id}`).set(...bearer(admin));
      expect(leido.status).toBe(200);
      expect(leido.body).toEqual(res.body);
    });

    it('takes every field, and a blank zona as none', async () => {
      const c = codigo();
      const res = await crear({
        codigo: c,
        tipo: 'carro',
        discapacidad: true,
        zona: ' ',
        activo: false,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ codigo: c, discapacidad: true, zona: null, activo: false });
    });

    it.each([
      ['a codigo with a space', { codigo: 'A 1', tipo: 'carro' }],
      ['a codigo of 21 characters', { codigo: 'X'.repeat(21), tipo: 'carro' }],
      ['an empty codigo', { codigo: '', tipo: 'carro' }],
      ['no tipo', { codigo: 'OK-1' }],
      ['another tipo', { codigo: 'OK-1', tipo: 'bus' }],
      ['a reserved moto spot', { codigo: 'OK-1', tipo: 'moto', discapacidad: true }],
      ['a zona of 41 characters', { codigo: 'OK-1', tipo: 'carro', zona: 'z'.repeat(41) }],
      ['a control character', { codigo: 'OK-1', tipo: 'carro', zona: 'a\tb' }],
      ['an unknown field', { codigo: 'OK-1', tipo: 'carro', techo: true }],
      ['a non-boolean activo', { codigo: 'OK-1', tipo: 'carro', activo: 'si' }],
    ])('refuses %s with 400 VALIDACION', async (_, body) => {
      esperarError(await crear(body), 400, 'VALIDACION');
    });

    it('refuses a codigo already in the inventory with 409 PARQUEADERO_DUPLICADO', async () => {
      const c = codigo();
      await crearOk({ codigo: c, tipo: 'carro' });
      esperarError(await crear({ codigo: c, tipo: 'moto' }), 409, 'PARQUEADERO_DUPLICADO');
      // Another case is another codigo, as in the draw.
      await crearOk({ codigo: c.toLowerCase(), tipo: 'moto' });
    });

    it('lets exactly one of 10 concurrent creations of one codigo win', async () => {
      const c = codigo('CONC');
      const respuestas = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          crear({ codigo: c, tipo: i % 2 === 0 ? 'carro' : 'moto' }),
        ),
      );
      expect(respuestas).toHaveLength(10);
      const estados = respuestas.map((r) => r.status).sort();
      expect(estados).toEqual([201, ...Array<number>(9).fill(409)]);
      for (const r of respuestas.filter((x) => x.status === 409))
        expect(r.body.code).toBe('PARQUEADERO_DUPLICADO');
      const guardados = await t.connection.collection('parqueaderos').countDocuments({ codigo: c });
      expect(guardados).toBe(1);
    });
  });

  describe('GET /parqueaderos', () => {
    const zona = `Zona ${process.pid}`;
    let creados: Array<Cuerpo & { id: string }>;

    beforeAll(async () => {
      creados = [];
      for (const body of [
        { codigo: 'L-3', tipo: 'moto', zona },
        { codigo: 'L-1', tipo: 'carro', discapacidad: true, zona },
        { codigo: 'L-2', tipo: 'carro', zona },
        { codigo: 'L-4', tipo: 'carro', zona, activo: false },
      ])
        creados.push(await crearOk(body));
    });

    const listar = (query: string, sesion = admin) =>
      t.http.get(`/parqueaderos?zona=${encodeURIComponent(zona)}&${query}`).set(...bearer(sesion));

    it('lists by codigo, paged, with the filters', async () => {
      const todos = await listar('');
      expect(todos.status).toBe(200);
      expect(todos.body.data.map((p: Cuerpo) => p.codigo)).toEqual(['L-1', 'L-2', 'L-3', 'L-4']);
      expect(todos.body.meta).toEqual({ total: 4, page: 1, limit: 20 });

      const pagina = await listar('limit=2&page=2');
      expect(pagina.body.data.map((p: Cuerpo) => p.codigo)).toEqual(['L-3', 'L-4']);
      expect(pagina.body.meta).toEqual({ total: 4, page: 2, limit: 2 });

      const casos: Array<[string, string[]]> = [
        ['tipo=carro', ['L-1', 'L-2', 'L-4']],
        ['tipo=moto', ['L-3']],
        ['discapacidad=true', ['L-1']],
        ['discapacidad=false', ['L-2', 'L-3', 'L-4']],
        ['activo=false', ['L-4']],
        ['activo=true&tipo=carro', ['L-1', 'L-2']],
      ];
      for (const [query, esperados] of casos) {
        const res = await listar(query);
        expect({ query, codigos: res.body.data.map((p: Cuerpo) => p.codigo) }).toEqual({
          query,
          codigos: esperados,
        });
      }
    });

    it('refuses bad filters with 400 VALIDACION', async () => {
      for (const query of ['tipo=bus', 'activo=si', 'discapacidad=1', 'limit=0', 'page=x'])
        esperarError(await listar(query), 400, 'VALIDACION');
    });

    it('shows residents codigo, tipo and zona only, in the list and by id', async () => {
      const lista = await listar('', residente);
      expect(lista.status).toBe(200);
      // The active inventory only: L-4 is retired.
      expect(lista.body.data.map((p: Cuerpo) => p.codigo)).toEqual(['L-1', 'L-2', 'L-3']);
      expect(lista.body.meta.total).toBe(3);
      for (const p of lista.body.data as Cuerpo[])
        expect(Object.keys(p).sort()).toEqual(['codigo', 'tipo', 'zona']);
      expect(lista.body.data[0]).toEqual({ codigo: 'L-1', tipo: 'carro', zona });

      // Filtering by the fields the view leaves out would reveal them: staff only.
      for (const query of ['discapacidad=true', 'activo=false', 'discapacidad=false'])
        esperarError(await listar(query, residente), 400, 'VALIDACION');
      const porTipo = await listar('tipo=moto', residente);
      expect(porTipo.body.data).toEqual([{ codigo: 'L-3', tipo: 'moto', zona }]);

      const uno = await t.http.get(`/parqueaderos/${creados[1].id}`).set(...bearer(residente));
      expect(uno.status).toBe(200);
      expect(uno.body).toEqual({ codigo: 'L-1', tipo: 'carro', zona });
    });

    it('needs a session', async () => {
      esperarError(await t.http.get('/parqueaderos'), 401, 'NO_AUTENTICADO');
    });
  });

  describe('who may write', () => {
    it('answers residents 403 PROHIBIDO on every write, and writes nothing', async () => {
      const p = await crearOk({ codigo: codigo(), tipo: 'carro' });
      const r = bearer(residente);
      const intentos = [
        t.http
          .post('/parqueaderos')
          .set(...r)
          .send({ codigo: codigo(), tipo: 'carro' }),
        t.http
          .patch(`/parqueaderos/${p.id}`)
          .set(...r)
          .send({ zona: 'Mía' }),
        t.http.delete(`/parqueaderos/${p.id}`).set(...r),
        t.http
          .post('/parqueaderos/importar')
          .set(...r)
          .set('Content-Type', 'text/csv')
          .send('codigo,tipo\nR-1,carro\n'),
      ];
      const respuestas = await Promise.all(intentos);
      expect(respuestas).toHaveLength(4);
      for (const res of respuestas) esperarError(res, 403, 'PROHIBIDO');
      const leido = await t.http.get(`/parqueaderos/${p.id}`).set(...bearer(admin));
      expect(leido.body).toEqual(p);
      expect(await t.connection.collection('parqueaderos').countDocuments({ codigo: 'R-1' })).toBe(
        0,
      );
    });
  });

  describe('ids', () => {
    it('answers an unknown id with 404 NO_ENCONTRADO and a malformed one with 400', async () => {
      const a = bearer(admin);
      esperarError(
        await t.http.get(`/parqueaderos/${ID_INEXISTENTE}`).set(...a),
        404,
        'NO_ENCONTRADO',
      );
      esperarError(await patch(ID_INEXISTENTE, { zona: 'X' }), 404, 'NO_ENCONTRADO');
      esperarError(
        await t.http.delete(`/parqueaderos/${ID_INEXISTENTE}`).set(...a),
        404,
        'NO_ENCONTRADO',
      );
      esperarError(
        await t.http.get(`/parqueaderos/${ID_INEXISTENTE}`).set(...bearer(residente)),
        404,
        'NO_ENCONTRADO',
      );
      for (const malo of ['123', 'ZZ23456789abcdef01234567', '0123456789ABCDEF01234567']) {
        esperarError(await t.http.get(`/parqueaderos/${malo}`).set(...a), 400, 'VALIDACION');
        esperarError(await patch(malo, { zona: 'X' }), 400, 'VALIDACION');
        esperarError(await t.http.delete(`/parqueaderos/${malo}`).set(...a), 400, 'VALIDACION');
      }
    });
  });

  describe('PATCH /parqueaderos/:id', () => {
    it('changes any field but codigo', async () => {
      const p = await crearOk({ codigo: codigo(), tipo: 'carro', zona: 'Norte' });
      const res = await patch(p.id, { discapacidad: true, zona: ' Sur ' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...p,
        discapacidad: true,
        zona: 'Sur',
        updatedAt: expect.stringMatching(ISO),
      });
      const sinZona = await patch(p.id, { zona: null });
      expect(sinZona.body.zona).toBeNull();
      esperarError(await patch(p.id, { codigo: 'OTRO-1' }), 400, 'VALIDACION');
      esperarError(await patch(p.id, { codigo: p.codigo }), 400, 'VALIDACION');
      const leido = await t.http.get(`/parqueaderos/${p.id}`).set(...bearer(admin));
      expect(leido.body).toMatchObject({ codigo: p.codigo, discapacidad: true, zona: null });
    });

    it('keeps discapacidad on car spots only, also when tipo changes', async () => {
      const p = await crearOk({ codigo: codigo(), tipo: 'carro', discapacidad: true });
      esperarError(await patch(p.id, { tipo: 'moto' }), 400, 'VALIDACION');
      const m = await crearOk({ codigo: codigo(), tipo: 'moto' });
      esperarError(await patch(m.id, { discapacidad: true }), 400, 'VALIDACION');
      esperarError(await patch(m.id, { tipo: 'moto', discapacidad: true }), 400, 'VALIDACION');
      const cambiado = await patch(p.id, { tipo: 'moto', discapacidad: false });
      expect(cambiado.status).toBe(200);
      expect(cambiado.body).toMatchObject({ tipo: 'moto', discapacidad: false });
      const vuelta = await patch(m.id, { tipo: 'carro', discapacidad: true });
      expect(vuelta.body).toMatchObject({ tipo: 'carro', discapacidad: true });
    });

    it('refuses null where a field cannot be empty', async () => {
      const p = await crearOk({ codigo: codigo(), tipo: 'carro' });
      for (const body of [{ tipo: null }, { activo: null }, { discapacidad: null }, { techo: 1 }])
        esperarError(await patch(p.id, body), 400, 'VALIDACION');
    });

    it('loses none of several concurrent changes to different fields', async () => {
      const p = await crearOk({ codigo: codigo(), tipo: 'carro' });
      const cambios: Cuerpo[] = [
        { zona: 'Sótano 2' },
        { discapacidad: true },
        { activo: false },
        { zona: 'Sótano 2', activo: false },
      ];
      const respuestas = await Promise.all(cambios.map((c) => patch(p.id, c)));
      expect(respuestas.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const leido = await t.http.get(`/parqueaderos/${p.id}`).set(...bearer(admin));
      expect(leido.body).toMatchObject({ zona: 'Sótano 2', discapacidad: true, activo: false });
    });
  });

  describe('DELETE /parqueaderos/:id', () => {
    it('takes the spot out of the active inventory, and again without error', async () => {
      const p = await crearOk({ codigo: codigo(), tipo: 'moto' });
      const a = bearer(admin);
      const primero = await t.http.delete(`/parqueaderos/${p.id}`).set(...a);
      expect(primero.status).toBe(204);
      expect(primero.text).toBe('');
      const segundo = await t.http.delete(`/parqueaderos/${p.id}`).set(...a);
      expect(segundo.status).toBe(204);
      const leido = await t.http.get(`/parqueaderos/${p.id}`).set(...a);
      expect(leido.body).toMatchObject({ codigo: p.codigo, activo: false });
      const otra = await patch(p.id, { activo: true });
      expect(otra.body.activo).toBe(true);
    });
  });

  describe('a draw without parqueaderos', () => {
    beforeEach(async () => {
      await vaciarSorteos(t.connection);
      await t.connection.collection('parqueaderos').deleteMany({});
    });

    const ejecutar = (body: Cuerpo) =>
      t.http
        .post('/sorteo/ejecutar')
        .set(...bearer(admin))
        .send(body);

    it('uses exactly the active inventory, and the result keeps its spots', async () => {
      await sembrarParticipantes(t, 12, { torre: 'INV' });
      const activos = [
        { codigo: 'S-1', tipo: 'carro', discapacidad: true },
        { codigo: 'S-2', tipo: 'carro', discapacidad: false },
        { codigo: 'S-3', tipo: 'carro', discapacidad: false },
        { codigo: 'M-1', tipo: 'moto', discapacidad: false },
      ];
      const ids: string[] = [];
      for (const p of activos) ids.push((await crearOk(p)).id);
      const retirado = await crearOk({ codigo: 'S-9', tipo: 'carro' });
      await crearOk({ codigo: 'S-8', tipo: 'carro', activo: false });
      const baja = await t.http.delete(`/parqueaderos/${retirado.id}`).set(...bearer(admin));
      expect(baja.status).toBe(204);

      const res = await ejecutar({ nombre: 'Con el inventario' });
      expect(res.status).toBe(201);
      const usados = (res.body.parqueaderos as Cuerpo[])
        .map((p) => ({ codigo: p.codigo, tipo: p.tipo, discapacidad: p.discapacidad }))
        .sort((a, b) => String(a.codigo).localeCompare(String(b.codigo)));
      expect(usados).toEqual([...activos].sort((a, b) => a.codigo.localeCompare(b.codigo)));
      const asignados = (res.body.participantes as Cuerpo[])
        .map((p) => p.parqueadero)
        .filter((c) => c !== null);
      expect(new Set(asignados)).toEqual(new Set(activos.map((p) => p.codigo)));

      // Retiring a spot afterwards leaves the stored result as it was.
      for (const id of ids) await t.http.delete(`/parqueaderos/${id}`).set(...bearer(admin));
      const guardado = await t.http.get(`/sorteo/resultados/${res.body.id}`).set(...bearer(admin));
      expect(guardado.status).toBe(200);
      expect(guardado.body.parqueaderos).toEqual(res.body.parqueaderos);
      const verificado = await t.http
        .get(`/sorteo/resultados/${res.body.id}/verificar`)
        .set(...bearer(admin));
      expect(verificado.body.valido).toBe(true);
    });

    it('answers 409 SIN_PARQUEADEROS when no spot is active, and still takes spots from the body', async () => {
      await sembrarParticipantes(t, 3, { torre: 'VAC' });
      await crearOk({ codigo: 'X-1', tipo: 'carro', activo: false });
      esperarError(await ejecutar({ nombre: 'Sin inventario' }), 409, 'SIN_PARQUEADEROS');
      const conLista = await ejecutar({
        nombre: 'Con lista',
        parqueaderos: [{ codigo: 'B-1', tipo: 'carro' }],
      });
      expect(conLista.status).toBe(201);
      expect(conLista.body.parqueaderos).toEqual([
        { codigo: 'B-1', tipo: 'carro', discapacidad: false },
      ]);
    });
  });
});
