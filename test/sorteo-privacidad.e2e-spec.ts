import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, crearResidenteActivo, loginAdmin } from './support/auth-helpers';
import { parqueaderos, sembrarAprobadas, sembrarParticipantes } from './sorteo-datos';

interface Vista {
  unidad: { torre: string; apartamento: string };
  tipoVehiculo: string;
  resultado: string;
  parqueadero: string | null;
  posicionEspera: number | null;
  [campo: string]: unknown;
}

const clave = (p: Vista): string =>
  `${p.unidad.torre}\u0000${p.unidad.apartamento}\u0000${p.tipoVehiculo}`;
const porUnidad = (ps: Vista[]): Vista[] =>
  [...ps].sort((a, b) => (clave(a) < clave(b) ? -1 : clave(a) > clave(b) ? 1 : 0));
const publico = ({ unidad, tipoVehiculo, resultado, parqueadero, posicionEspera }: Vista) => ({
  unidad,
  tipoVehiculo,
  resultado,
  parqueadero,
  posicionEspera,
});

/**
 * API.md "Sorteo", Ley 1581: the result order and the spots' reserved flags would tell a resident
 * who won a reserved spot, that is who has a disability; verificar's details would name other
 * participants' weights. Residents get unit order, no flags, and verificar's verdict and count.
 */
describe('Sorteo: lo que ve un residente (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let vecino: SesionPrueba;
  let sorteoId: string;
  let delAdmin: Vista[];

  beforeAll(async () => {
    t = await crearAppDePrueba();
    admin = await loginAdmin(t);
    const { residente, sesion } = await crearResidenteActivo(t, admin, {
      torre: 'B',
      apartamento: '0200',
    });
    vecino = sesion;
    const propias = await sembrarAprobadas(t, [
      { residenteId: residente.id, torre: 'B', apartamento: '0200', tipo: 'carro' },
    ]);
    expect(propias).toHaveLength(1);
    for (const torre of ['C', 'A', 'B']) {
      const { solicitudes } = await sembrarParticipantes(t, 6, {
        torre,
        tipo: (i) => (i % 3 === 0 ? 'moto' : 'carro'),
        residente: (i) => ({ discapacidad: i % 2 === 0 }),
      });
      expect(solicitudes).toHaveLength(6);
    }
    const res = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({ nombre: 'Privacidad', parqueaderos: parqueaderos(6, 2, 3) });
    expect(res.status).toBe(201);
    sorteoId = res.body.id as string;
    delAdmin = res.body.participantes as Vista[];
    expect(delAdmin).toHaveLength(19);
    expect(delAdmin.some((p) => p.etapa === 'reservada')).toBe(true);
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('el resultado completo llega por unidad y tipo, sin la marca de los cupos reservados', async () => {
    const visto = await t.http.get(`/sorteo/resultados/${sorteoId}`).set(...bearer(vecino));
    expect(visto.status).toBe(200);
    const participantes = visto.body.participantes as Vista[];
    expect(participantes).toHaveLength(19);
    expect(participantes.map(publico)).toEqual(porUnidad(delAdmin).map(publico));
    expect(participantes.map(clave)).not.toEqual(delAdmin.map(clave));
    for (const s of visto.body.parqueaderos as Array<Record<string, unknown>>)
      expect(Object.keys(s).sort()).toEqual(['codigo', 'tipo']);
    const admin2 = await t.http.get(`/sorteo/resultados/${sorteoId}`).set(...bearer(admin));
    expect(admin2.body.participantes).toEqual(delAdmin);
    const reservados = (admin2.body.parqueaderos as Array<{ discapacidad: boolean }>).filter(
      (s) => s.discapacidad,
    );
    expect(reservados).toHaveLength(3);
  });

  it('las páginas de participantes de un residente siguen el orden por unidad', async () => {
    const esperado = porUnidad(delAdmin).map(publico);
    const vistos: unknown[] = [];
    for (let page = 1; page <= 4; page++) {
      const r = await t.http
        .get(`/sorteo/resultados/${sorteoId}/participantes?limit=5&page=${page}`)
        .set(...bearer(vecino));
      expect(r.status).toBe(200);
      expect(r.body.meta).toEqual({ total: 19, page, limit: 5 });
      vistos.push(...(r.body.data as Vista[]).map(publico));
    }
    expect(vistos).toEqual(esperado);
    const torreA = await t.http
      .get(`/sorteo/resultados/${sorteoId}/participantes?torre=A&limit=100`)
      .set(...bearer(vecino));
    expect(torreA.body.data.map(publico)).toEqual(esperado.filter((p) => p.unidad.torre === 'A'));
  });

  it('verificar le dice a un residente solo si es válido y cuántas diferencias hay', async () => {
    const ok = await t.http.get(`/sorteo/resultados/${sorteoId}/verificar`).set(...bearer(vecino));
    expect([ok.status, ok.body]).toEqual([
      200,
      { valido: true, diferencias: [], totalDiferencias: 0 },
    ]);
    const bloques = t.connection.collection('sorteo_bloques');
    const bloque = await bloques.findOne({ _id: `${sorteoId}:p:0` as never });
    const items = bloque!.items as Array<Record<string, unknown>>;
    expect(items.length).toBeGreaterThan(0);
    items[0] = { ...items[0], clave: -123 };
    await bloques.replaceOne({ _id: `${sorteoId}:p:0` as never }, { ...bloque, items });
    const mal = await t.http.get(`/sorteo/resultados/${sorteoId}/verificar`).set(...bearer(vecino));
    expect(mal.body).toEqual({ valido: false, diferencias: [], totalDiferencias: 1 });
    const delAdmin2 = await t.http
      .get(`/sorteo/resultados/${sorteoId}/verificar`)
      .set(...bearer(admin));
    expect(delAdmin2.body.totalDiferencias).toBe(1);
    expect(delAdmin2.body.diferencias).toEqual([
      expect.stringContaining(', clave: valor almacenado -123'),
    ]);
  });
});
