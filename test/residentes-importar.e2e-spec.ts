import { Types } from 'mongoose';
import { AppDePrueba, crearAppDePrueba, PASSWORD_RESIDENTE } from './support/app';
import {
  SesionPrueba,
  bearer,
  crearPersonalActivo,
  crearResidenteActivo,
  loginAdmin,
} from './support/auth-helpers';

interface Guardado {
  _id: Types.ObjectId;
  nombre: string;
  documento: { tipo: string; numero: string };
  email: string | null;
  telefono: string | null;
  torre: string;
  apartamento: string;
  tipo: string;
  fechaIngreso: string | null;
  fechaNacimiento: string | null;
  discapacidad: boolean;
  alDia: boolean;
  activo: boolean;
  cuenta: string;
  version: number;
}

const CABECERA =
  'nombre;documento_tipo;documento_numero;email;telefono;torre;apartamento;tipo;fechaIngreso;fechaNacimiento;discapacidad;alDia';

/** `n` rows of residents whose documento numbers start with `prefijo`; every third has no email. */
function filas(prefijo: string, n: number, desde = 0): string[] {
  return Array.from({ length: n }, (_, k) => {
    const i = desde + k;
    const email = i % 3 === 2 ? '' : `${prefijo.toLowerCase()}${i}@conjunto.test`;
    const discapacidad = i % 5 === 0 ? 'sí' : '';
    return `Persona ${prefijo} ${i};CC;${prefijo}${1000 + i};${email};;T${i % 4};${100 + i};propietario;2020-01-15;;${discapacidad};`;
  });
}

const archivo = (lineas: string[]): string => [CABECERA, ...lineas].join('\r\n') + '\r\n';

describe('POST /residentes/importar (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;

  const importar = (cuerpo: string | Buffer, query = '', sesion?: SesionPrueba) =>
    t.http
      .post(`/residentes/importar${query}`)
      .set(...bearer(sesion ?? admin))
      .set('Content-Type', 'text/csv')
      .send(cuerpo);

  const residentes = () => t.connection.collection<Guardado>('residentes');
  const usuarios = () => t.connection.collection('usuarios');

  /** The residents whose documento number starts with `prefijo`, by number. */
  async function deLote(prefijo: string): Promise<Map<string, Guardado>> {
    const docs = await residentes()
      .find({ 'documento.numero': { $regex: `^${prefijo}` } })
      .toArray();
    return new Map(docs.map((d) => [d.documento.numero, d]));
  }

  async function cuentasDe(ids: Types.ObjectId[]): Promise<number> {
    return usuarios().countDocuments({ residenteId: { $in: ids } });
  }

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('creates from a ";" file with BOM and CRLF, the first tokens e-mailed; the same file again changes nothing', async () => {
    const texto = '\uFEFF' + archivo(filas('AA', 12));
    const primero = await importar(Buffer.from(texto, 'utf8'));
    expect(primero.status).toBe(200);
    // Exactly the counts: no activation token, no ids.
    expect(primero.body).toEqual({ creados: 12, actualizados: 0, sinCambios: 0, errores: [] });
    const lote = await deLote('AA');
    expect(lote.size).toBe(12);
    const r0 = lote.get('AA1000');
    expect(r0).toMatchObject({
      nombre: 'Persona AA 0',
      email: 'aa0@conjunto.test',
      telefono: null,
      torre: 'T0',
      apartamento: '100',
      tipo: 'propietario',
      fechaIngreso: '2020-01-15',
      fechaNacimiento: null,
      discapacidad: true,
      alDia: true,
      activo: true,
      cuenta: 'pendiente_activacion',
      version: 0,
    });
    expect(lote.get('AA1002')).toMatchObject({ email: null, cuenta: 'sin_cuenta' });
    const conEmail = [...lote.values()].filter((r) => r.email);
    expect(conEmail).toHaveLength(8);
    expect(await cuentasDe([...lote.values()].map((r) => r._id))).toBe(8);
    // Each new account's first token went to the outbox (never to the response), one message each.
    for (const r of conEmail) {
      const avisos = await t.http
        .get('/notificaciones')
        .query({ destinatario: r.email })
        .set(...bearer(admin));
      expect(avisos.status).toBe(200);
      expect(avisos.body.meta.total).toBe(1);
      expect(avisos.body.data[0]).toMatchObject({ tipo: 'activacion', confidencial: true });
    }

    // The account works once the administration (or the e-mail) issues its token.
    const token = await t.http
      .post(`/residentes/${r0!._id.toHexString()}/activacion`)
      .set(...bearer(admin));
    expect(token.status).toBe(201);
    const activada = await t.http
      .post('/auth/activar')
      .send({ token: token.body.token, password: PASSWORD_RESIDENTE });
    expect(activada.status).toBe(200);

    const antes = await deLote('AA');
    const segundo = await importar(texto);
    expect(segundo.body).toEqual({ creados: 0, actualizados: 0, sinCambios: 12, errores: [] });
    const despues = await deLote('AA');
    expect(despues).toEqual(antes);
    // The activation (cuenta: activa) is the only write since the first import.
    const versiones = [...despues.values()].map((r) => r.version).sort();
    expect(versiones).toEqual([...Array(11).fill(0), 1]);
    expect(await cuentasDe([...despues.values()].map((r) => r._id))).toBe(8);
  });

  it('updates matched documentos through the PATCH rules, and only the columns the file has', async () => {
    await importar(archivo(filas('BB', 4)));
    const res = await importar(
      [
        'documento_tipo,documento_numero,nombre,torre,apartamento,tipo,telefono,email',
        'CC,BB1000,Persona BB 0,T0,100,propietario,3001112233,bb0@conjunto.test',
        'CC,BB1001,Persona BB 1,T1,101,arrendatario,,nuevo-bb1@conjunto.test',
        'CC,BB1002,Persona BB 2,T2,102,propietario,,',
        'cc,bb1003,Persona BB 3,T3,103,propietario,,bb3@conjunto.test',
      ].join('\n'),
    );
    expect(res.body).toEqual({ creados: 0, actualizados: 2, sinCambios: 2, errores: [] });
    const lote = await deLote('BB');
    expect(lote.get('BB1000')).toMatchObject({ telefono: '3001112233', discapacidad: true });
    expect(lote.get('BB1001')).toMatchObject({
      tipo: 'arrendatario',
      email: 'nuevo-bb1@conjunto.test',
      version: 1,
    });
    // The login moved with the email, as with PATCH.
    const cuenta = await usuarios().findOne({ residenteId: lote.get('BB1001')!._id });
    expect(cuenta?.email).toBe('nuevo-bb1@conjunto.test');
    expect(lote.get('BB1003')?.version).toBe(0);
  });

  it('with modo=validar says what the file would do and writes nothing', async () => {
    await importar(archivo(filas('CC', 3)));
    const antes = await residentes().countDocuments({});
    const cuentasAntes = await usuarios().countDocuments({});
    const cambiada = filas('CC', 3).map((l, i) => (i === 1 ? l.replace(';T1;', ';T9;') : l));
    const res = await importar(archivo([...cambiada, ...filas('CC', 2, 3)]), '?modo=validar');
    expect(res.body).toEqual({ creados: 2, actualizados: 1, sinCambios: 2, errores: [] });
    expect(await residentes().countDocuments({})).toBe(antes);
    expect(await usuarios().countDocuments({})).toBe(cuentasAntes);
    expect((await deLote('CC')).get('CC1001')?.torre).toBe('T1');
  });

  it('writes nothing from a file with any invalid row, and names each error by line and field', async () => {
    const { residente } = await crearResidenteActivo(t, admin, { torre: 'DD' });
    const antes = await residentes().countDocuments({});
    const texto = [
      CABECERA, // 1
      ...filas('DD', 2), // 2, 3: valid
      'X;XX;1;no-es-correo;12;T1;1;dueño;2020-02-30;;quizá;tal vez', // 4
      '', // 5: blank, skipped
      filas('DD', 1)[0].replace('Persona DD 0', 'Otra'), // 6: documento repeated
      `Persona DD 9;CC;DD1009;${residente.email};;T1;109;propietario;;;;`, // 7: email of another
      'Persona DD 8;CC;DD1008;;;T2;108;propietario;;2999-01-01;;', // 8: born in the future
    ].join('\n');
    for (const query of ['', '?modo=validar']) {
      const res = await importar(texto, query);
      expect(res.status).toBe(200);
      expect(res.body.creados + res.body.actualizados + res.body.sinCambios).toBe(0);
      expect(
        (res.body.errores as Array<Record<string, unknown>>).map(({ fila, campo, code }) => ({
          fila,
          campo,
          code,
        })),
      ).toEqual([
        { fila: 4, campo: 'alDia', code: 'VALIDACION' },
        { fila: 4, campo: 'discapacidad', code: 'VALIDACION' },
        { fila: 4, campo: 'documento_numero', code: 'VALIDACION' },
        { fila: 4, campo: 'documento_tipo', code: 'VALIDACION' },
        { fila: 4, campo: 'email', code: 'VALIDACION' },
        { fila: 4, campo: 'fechaIngreso', code: 'VALIDACION' },
        { fila: 4, campo: 'nombre', code: 'VALIDACION' },
        { fila: 4, campo: 'telefono', code: 'VALIDACION' },
        { fila: 4, campo: 'tipo', code: 'VALIDACION' },
        { fila: 6, campo: 'documento_numero', code: 'RESIDENTE_DUPLICADO' },
        { fila: 7, campo: 'email', code: 'RESIDENTE_DUPLICADO' },
        { fila: 8, campo: 'fechaNacimiento', code: 'VALIDACION' },
      ]);
    }
    expect(await residentes().countDocuments({})).toBe(antes);
    expect((await deLote('DD')).size).toBe(0);
  });

  it('refuses the import to a resident and to a revisor (403), and a body that is not CSV', async () => {
    const { sesion } = await crearResidenteActivo(t, admin, { torre: 'EE' });
    const { sesion: revisor } = await crearPersonalActivo(t, admin, 'revisor');
    for (const s of [sesion, revisor]) {
      const res = await importar(archivo(filas('EE', 1)), '', s);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 403,
        code: 'PROHIBIDO',
      });
    }
    const json = await t.http
      .post('/residentes/importar')
      .set(...bearer(admin))
      .send({ nombre: 'x' });
    expect({ status: json.status, code: json.body.code }).toEqual({
      status: 415,
      code: 'TIPO_CONTENIDO_NO_SOPORTADO',
    });
    const sinColumna = await importar('nombre,documento_tipo\nAna,CC\n');
    expect({ status: sinColumna.status, code: sinColumna.body.code }).toEqual({
      status: 400,
      code: 'VALIDACION',
    });
    expect((await deLote('EE')).size).toBe(0);
  });

  it('completes an import a crash cut short when the same file is sent again', async () => {
    const todas = filas('FF', 6);
    // A first attempt wrote rows 2-4 and died before their accounts: as if they were never made.
    await importar(archivo(todas.slice(0, 3)));
    const escritos = [...(await deLote('FF')).values()];
    expect(escritos).toHaveLength(3);
    const ids = escritos.map((r) => r._id);
    const cuentas = await usuarios()
      .find({ residenteId: { $in: ids } })
      .toArray();
    expect(cuentas).toHaveLength(2);
    await usuarios().deleteMany({ residenteId: { $in: ids } });
    await t.connection
      .collection('reclamos')
      .deleteMany({ _id: { $in: cuentas.map((c) => `usuario:email:${c.email}`) } as never });
    // ... and had claimed row 5's documento for a resident it never wrote, minutes ago.
    const hace = new Date(Date.now() - 5 * 60_000);
    await t.connection.collection('reclamos').insertOne({
      _id: 'residente:documento:CC:FF1003' as never,
      dueno: new Types.ObjectId().toHexString(),
      creadoEn: hace,
    });

    const res = await importar(archivo(todas));
    expect(res.body).toEqual({ creados: 3, actualizados: 0, sinCambios: 3, errores: [] });
    const lote = await deLote('FF');
    expect(lote.size).toBe(6);
    const conEmail = [...lote.values()].filter((r) => r.email);
    expect(conEmail).toHaveLength(4);
    expect(await cuentasDe(conEmail.map((r) => r._id))).toBe(4);
    expect(conEmail.every((r) => r.cuenta === 'pendiente_activacion')).toBe(true);

    const otra = await importar(archivo(todas));
    expect(otra.body).toEqual({ creados: 0, actualizados: 0, sinCambios: 6, errores: [] });
  });
});
