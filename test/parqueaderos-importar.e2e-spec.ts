import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, loginAdmin } from './support/auth-helpers';

type Cuerpo = Record<string, unknown>;

interface Guardado {
  codigo: string;
  tipo: string;
  discapacidad: boolean;
  zona: string | null;
  activo: boolean;
  version: number;
}

describe('POST /parqueaderos/importar (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  const importar = (cuerpo: string | Buffer, query = '', tipo = 'text/csv') =>
    t.http
      .post(`/parqueaderos/importar${query}`)
      .set(...bearer(admin))
      .set('Content-Type', tipo)
      .send(cuerpo);

  const coleccion = () => t.connection.collection<Guardado>('parqueaderos');

  /** The inventory as stored, by codigo, without ids and dates. */
  async function inventario(): Promise<Map<string, Omit<Guardado, 'codigo'>>> {
    const docs = await coleccion()
      .find({}, { projection: { _id: 0, createdAt: 0, updatedAt: 0 } })
      .toArray();
    return new Map(docs.map(({ codigo, ...resto }) => [codigo, resto]));
  }

  const esperarError = (res: { status: number; body: Cuerpo }, status: number, code: string) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });
  beforeEach(async () => {
    await coleccion().deleteMany({});
  });

  const ARCHIVO = [
    'codigo,tipo,discapacidad,zona,activo',
    'S1-001,carro,true,Sótano 1,true',
    'S1-002,carro,false,Sótano 1,',
    'M-01,moto,,"Sótano 1, norte",sí',
    'S1-003,carro,no,,false',
  ].join('\n');

  it('creates from a file, and the same file again changes nothing', async () => {
    const primero = await importar(ARCHIVO);
    expect(primero.status).toBe(200);
    expect(primero.body).toEqual({ creados: 4, actualizados: 0, sinCambios: 0, errores: [] });
    const antes = await inventario();
    expect(Object.fromEntries(antes)).toEqual({
      'S1-001': { tipo: 'carro', discapacidad: true, zona: 'Sótano 1', activo: true, version: 0 },
      'S1-002': { tipo: 'carro', discapacidad: false, zona: 'Sótano 1', activo: true, version: 0 },
      'M-01': {
        tipo: 'moto',
        discapacidad: false,
        zona: 'Sótano 1, norte',
        activo: true,
        version: 0,
      },
      'S1-003': { tipo: 'carro', discapacidad: false, zona: null, activo: false, version: 0 },
    });

    const segundo = await importar(ARCHIVO);
    expect(segundo.body).toEqual({ creados: 0, actualizados: 0, sinCambios: 4, errores: [] });
    expect(await inventario()).toEqual(antes);
  });

  it('updates matched codigos, and leaves the fields of absent columns alone', async () => {
    await importar(ARCHIVO);
    const res = await importar(
      'codigo,tipo,zona\nS1-001,carro,Sótano 2\nS1-002,carro,Sótano 1\nN-1,moto,\n',
    );
    expect(res.body).toEqual({ creados: 1, actualizados: 1, sinCambios: 1, errores: [] });
    const despues = await inventario();
    // discapacidad and activo were not in the file: S1-001 keeps its reserve, S1-003 stays inactive.
    expect(despues.get('S1-001')).toEqual({
      tipo: 'carro',
      discapacidad: true,
      zona: 'Sótano 2',
      activo: true,
      version: 1,
    });
    expect(despues.get('S1-003')?.activo).toBe(false);
    expect(despues.get('N-1')).toEqual({
      tipo: 'moto',
      discapacidad: false,
      zona: null,
      activo: true,
      version: 0,
    });
    expect(despues.size).toBe(5);
  });

  it('reads a BOM, ";" and CRLF (a spreadsheet in a Spanish locale)', async () => {
    const texto =
      '\uFEFFCodigo;Tipo;Discapacidad;Zona\r\nB-1;carro;Sí;Torre A\r\nB-2;moto;0;"Torre; B"\r\n';
    const res = await importar(Buffer.from(texto, 'utf8'));
    expect(res.body).toEqual({ creados: 2, actualizados: 0, sinCambios: 0, errores: [] });
    const inv = await inventario();
    expect(inv.get('B-1')).toMatchObject({ discapacidad: true, zona: 'Torre A' });
    expect(inv.get('B-2')).toMatchObject({ tipo: 'moto', zona: 'Torre; B' });
  });

  it('writes nothing from a file with any invalid row, and lists every error by line', async () => {
    await importar(ARCHIVO);
    const antes = await inventario();
    const texto = [
      'codigo;tipo;discapacidad;zona', // 1
      'S1-001;carro;true;Cambiada', // 2: valid, would update
      'NUEVO-1;carro;;', // 3: valid, would create
      'MALO 1;bus;quizá;', // 4: three errors
      'M-02;moto;true;', // 5: reserved moto
      '', // 6: blank, skipped
      'NUEVO-1;moto;;', // 7: repeated in the file
      `Z-1;carro;;${'z'.repeat(41)}`, // 8: zona too long
      'S1-002;moto;;', // 9
    ].join('\n');
    for (const query of ['', '?modo=validar']) {
      const res = await importar(texto, query);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        creados: 0,
        actualizados: 0,
        sinCambios: 0,
        errores: [
          { fila: 4, campo: 'codigo', code: 'VALIDACION', message: expect.any(String) },
          { fila: 4, campo: 'discapacidad', code: 'VALIDACION', message: expect.any(String) },
          { fila: 4, campo: 'tipo', code: 'VALIDACION', message: expect.any(String) },
          { fila: 5, campo: 'discapacidad', code: 'VALIDACION', message: expect.any(String) },
          {
            fila: 7,
            campo: 'codigo',
            code: 'PARQUEADERO_DUPLICADO',
            message: 'El código NUEVO-1 ya está en la fila 3.',
          },
          { fila: 8, campo: 'zona', code: 'VALIDACION', message: expect.any(String) },
        ],
      });
    }
    expect(await inventario()).toEqual(antes);
  });

  it('refuses, as a row error, turning a reserved spot into a moto one without clearing the reserve', async () => {
    await importar(ARCHIVO);
    const res = await importar('codigo,tipo\nS1-001,moto\nS1-002,moto\n');
    expect(res.body).toEqual({
      creados: 0,
      actualizados: 0,
      sinCambios: 0,
      errores: [{ fila: 2, campo: 'tipo', code: 'VALIDACION', message: expect.any(String) }],
    });
    expect((await inventario()).get('S1-002')?.tipo).toBe('carro');
  });

  it('with modo=validar says what the file would do and writes nothing', async () => {
    await importar(ARCHIVO);
    const antes = await inventario();
    const res = await importar(
      `${ARCHIVO}\nV-1,moto,,,\n`.replace('Sótano 1,true', 'Sótano 9,true'),
      '?modo=validar',
    );
    expect(res.body).toEqual({ creados: 1, actualizados: 1, sinCambios: 3, errores: [] });
    expect(await inventario()).toEqual(antes);
    esperarError(await importar(ARCHIVO, '?modo=escribir'), 400, 'VALIDACION');
  });

  it('completes an import a crash cut short when the same file is sent again', async () => {
    // As a crash after part of the insertMany leaves it: two of the four rows are in.
    const ahora = new Date();
    await coleccion().insertMany(
      [
        { codigo: 'S1-001', tipo: 'carro', discapacidad: true, zona: 'Sótano 1', activo: true },
        {
          codigo: 'M-01',
          tipo: 'moto',
          discapacidad: false,
          zona: 'Sótano 1, norte',
          activo: true,
        },
      ].map((d) => ({ ...d, version: 0, createdAt: ahora, updatedAt: ahora })),
    );
    const res = await importar(ARCHIVO);
    expect(res.body).toEqual({ creados: 2, actualizados: 0, sinCambios: 2, errores: [] });
    expect((await inventario()).size).toBe(4);
  });

  it('imports 5,000 rows, and the same file again is 5,000 unchanged', async () => {
    const filas = Array.from(
      { length: 5_000 },
      (_, i) =>
        `G-${String(i).padStart(4, '0')},${i % 4 === 0 ? 'moto' : 'carro'},${i % 50 === 1},Sótano ${i % 3},true`,
    );
    const texto = ['codigo,tipo,discapacidad,zona,activo', ...filas].join('\r\n');
    const primero = await importar(texto);
    expect(primero.status).toBe(200);
    expect(primero.body).toEqual({ creados: 5_000, actualizados: 0, sinCambios: 0, errores: [] });
    expect(await coleccion().countDocuments({})).toBe(5_000);
    expect(await coleccion().countDocuments({ discapacidad: true })).toBe(100);

    const segundo = await importar(texto);
    expect(segundo.body).toEqual({ creados: 0, actualizados: 0, sinCambios: 5_000, errores: [] });

    const demasiadas = `${texto}\r\nG-5000,carro,false,,true`;
    const res = await importar(demasiadas);
    esperarError(res, 400, 'VALIDACION');
    expect(res.body.message).toContain('5000');
    expect(await coleccion().countDocuments({})).toBe(5_000);
  });

  it('refuses a file it cannot read, and a body that is not CSV', async () => {
    for (const texto of [
      '',
      'codigo,zona\nA-1,x\n',
      'codigo,tipo,color\nA-1,carro,rojo\n',
      'codigo,tipo\n"A-1,carro\n',
    ])
      esperarError(await importar(texto), 400, 'VALIDACION');
    const json = await t.http
      .post('/parqueaderos/importar')
      .set(...bearer(admin))
      .send({ codigo: 'A-1', tipo: 'carro' });
    esperarError(json, 415, 'TIPO_CONTENIDO_NO_SOPORTADO');
    esperarError(await importar('<a/>', '', 'application/xml'), 415, 'TIPO_CONTENIDO_NO_SOPORTADO');
    expect(await coleccion().countDocuments({})).toBe(0);
    // A charset parameter is fine.
    const conCharset = await importar('codigo,tipo\nA-1,carro\n', '', 'text/csv; charset=utf-8');
    expect(conCharset.body).toEqual({ creados: 1, actualizados: 0, sinCambios: 0, errores: [] });
  });
});
