import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { ActaService } from 'src/modules/sorteo/acta/acta.service';
import { ENTRADA_VECTOR, INSUMOS_HASH_VECTOR } from 'src/modules/sorteo/core/vector-prueba';
import { FILAS_VECTOR, textoDePdf } from 'src/modules/sorteo/acta/pruebas/datos-acta-prueba';
import { RelojSorteo } from 'src/modules/sorteo/reloj-sorteo';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import { SesionPrueba, bearer, loginAdmin } from './support/auth-helpers';
import { vaciarSorteos } from './support/limpieza';
import { sembrarResultadoGrande } from './acta-datos';
import { sembrarVectorConCuentas, T_VECTOR, type VectorConCuentas } from './renuncias-datos';

const URL_PUBLICA = 'https://parknet.prueba.co';
const CONJUNTO = 'Conjunto Residencial Las Acacias P.H.';
/** The CSV test's size: the acceptance's 10,000 (a stored result, seeded in a second). */
const GRANDE = Number(process.env.PARKNET_TEST_ACTA_PARTICIPANTES ?? 10_000);

function binario(res: Response, listo: (err: Error | null, cuerpo: Buffer) => void): void {
  const partes: Buffer[] = [];
  res.on('data', (c: Buffer) => partes.push(c));
  res.on('end', () => listo(null, Buffer.concat(partes)));
}

const datos = mkdtempSync(join(tmpdir(), 'parknet-actas-'));
const lineasCsv = (texto: string): string[] => texto.replace(/\r\n$/, '').split('\r\n');

describe('The acta and the CSV of a draw (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let v: VectorConCuentas;
  let sorteoId: string;
  /** By unit suffix ('01' is V-101): names, documents, emails, placas and solicitud ids. */
  const privadosDe: Record<string, string[]> = {};
  const privados = (): string[] => Object.values(privadosDe).flat();

  const pdf = (quien: SesionPrueba, id = sorteoId) =>
    t.http
      .get(`/sorteo/resultados/${id}/acta.pdf`)
      .set(...bearer(quien))
      .buffer(true)
      .parse(binario);
  const csv = (quien: SesionPrueba, id = sorteoId) =>
    t.http.get(`/sorteo/resultados/${id}/participantes.csv`).set(...bearer(quien));

  beforeAll(async () => {
    t = await crearAppDePrueba({
      DATA_DIR: datos,
      SORTEO_SEMILLA_MANUAL: 'true',
      URL_PUBLICA,
      CONJUNTO_NOMBRE: CONJUNTO,
      // The vector's result fits the results cache; the large one does not, and its acta is read
      // chunk by chunk.
      SORTEO_RESULTADOS_EN_MEMORIA: '8',
    });
    admin = await loginAdmin(t);
    await vaciarSorteos(t.connection);
    v = await sembrarVectorConCuentas(t, admin);
    jest.spyOn(t.app.get(RelojSorteo), 'ahora').mockReturnValue(T_VECTOR);
    const r = await t.http
      .post('/sorteo/ejecutar')
      .set(...bearer(admin))
      .send({
        nombre: 'Vector SORTEO.md',
        semilla: ENTRADA_VECTOR.semilla,
        parqueaderos: ENTRADA_VECTOR.parqueaderos.map((s) => ({ ...s })),
      });
    expect(r.status).toBe(201);
    expect(r.body.insumosHash).toBe(INSUMOS_HASH_VECTOR);
    sorteoId = r.body.id as string;
    for (const p of r.body.participantes as Array<Record<string, never>>) {
      const k = (p.unidad['apartamento'] as string).slice(1);
      privadosDe[k] = [p.placa, p.residente['nombre'], p.solicitudId];
    }
    for (const [k, id] of Object.entries(v.residente)) {
      const res = await t.http.get(`/residentes/${id}`).set(...bearer(admin));
      privadosDe[k].push(res.body.documento.numero as string, res.body.email as string);
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.cerrar();
  });

  it("prints the vector draw's seed, insumosHash, every unit's outcome and the verification URL", async () => {
    const res = await pdf(admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers.etag).toMatch(/^"acta-[\w-]+"$/);
    const cuerpo = res.body as Buffer;
    expect(cuerpo.subarray(0, 5).toString()).toBe('%PDF-');
    const { texto } = await textoDePdf(cuerpo);
    const plano = texto.replace(/[ \t]+/g, ' ');
    expect(texto).toContain(ENTRADA_VECTOR.semilla);
    expect(texto).toContain(INSUMOS_HASH_VECTOR);
    expect(texto).toContain(`${URL_PUBLICA}/sorteo/resultados/${sorteoId}/verificar`);
    expect(texto).toContain(CONJUNTO);
    for (const fila of FILAS_VECTOR) expect(plano).toContain(fila);
    expect(privados()).toHaveLength(35);
    for (const dato of privados()) {
      expect(dato).toBeTruthy();
      expect(texto).not.toContain(dato);
    }
  });

  it('gives every reader the same bytes, and 304 to If-None-Match without rendering', async () => {
    const a = await pdf(admin);
    const b = await pdf(v.sesion['03']);
    expect(b.status).toBe(200);
    expect((a.body as Buffer).equals(b.body as Buffer)).toBe(true);
    expect(b.headers.etag).toBe(a.headers.etag);
    const otra = await t.http
      .get(`/sorteo/resultados/${sorteoId}/acta.pdf`)
      .set(...bearer(admin))
      .set('If-None-Match', a.headers.etag);
    expect(otra.status).toBe(304);
    expect(otra.headers.etag).toBe(a.headers.etag);
    expect(otra.text ?? '').toBe('');
  });

  it('renders a version once: concurrent downloads wait for it and stream the same file', async () => {
    const referencia = await pdf(admin);
    const carpeta = join(datos, 'actas');
    const archivos = () => readdirSync(carpeta).filter((n) => n.endsWith('.pdf'));
    expect(archivos()).toHaveLength(1);
    rmSync(carpeta, { recursive: true, force: true });
    const servicio = t.app.get<ActaService, { generar: () => unknown }>(ActaService);
    const generar = jest.spyOn(servicio, 'generar');
    try {
      const ocho = () => Promise.all(Array.from({ length: 8 }, () => pdf(v.sesion['02'])));
      for (const tanda of [await ocho(), await ocho()]) {
        expect(tanda.map((r) => r.status)).toEqual(Array<number>(8).fill(200));
        for (const r of tanda) {
          expect(r.headers.etag).toBe(referencia.headers.etag);
          expect((r.body as Buffer).equals(referencia.body as Buffer)).toBe(true);
        }
      }
      // The first eight shared one render; the next eight streamed the file.
      expect(generar).toHaveBeenCalledTimes(1);
    } finally {
      generar.mockRestore();
    }
    expect(archivos()).toHaveLength(1);
  });

  it('answers 404 for an id with no draw, and 400 for one that is not an id', async () => {
    const otro = '665f1a0000000000000000ff';
    // Read as JSON: the error body is.
    const noHay = await t.http.get(`/sorteo/resultados/${otro}/acta.pdf`).set(...bearer(admin));
    expect(noHay.status).toBe(404);
    expect(noHay.body.code).toBe('NO_ENCONTRADO');
    expect((await csv(admin, otro)).status).toBe(404);
    expect((await csv(v.sesion['01'], 'no-es-un-id')).status).toBe(400);
  });

  it('gives admins every participant in result order, UTF-8 with BOM, as an attachment', async () => {
    const res = await csv(admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(res.text.startsWith('\ufeffsolicitudId,torre,apartamento,residenteId,')).toBe(true);
    const lineas = lineasCsv(res.text);
    expect(lineas).toHaveLength(8);
    const json = await t.http
      .get(`/sorteo/resultados/${sorteoId}/participantes?limit=100`)
      .set(...bearer(admin));
    const ids = lineas.slice(1).map((l) => l.split(',')[0]);
    expect(ids).toEqual(json.body.data.map((p: { solicitudId: string }) => p.solicitudId));
    expect(lineas[1]).toContain(',carro,true,true,true,3,11.700000000000001,');
  });

  it("gives a resident the participants in unit order, with no other unit's private field", async () => {
    const yo = v.sesion['02'];
    const res = await csv(yo);
    expect(res.status).toBe(200);
    const [cabecera, ...filas] = lineasCsv(res.text.replace(/^\ufeff/, ''));
    expect(cabecera).not.toContain('residente');
    expect(filas.map((f) => f.split(',')[2])).toEqual([
      '101',
      '102',
      '103',
      '104',
      '105',
      '106',
      '107',
    ]);
    for (const f of filas) {
      const celdas = f.split(',');
      if (celdas[2] === '102') {
        expect(celdas[0]).toBe(v.solicitud['02']);
        continue;
      }
      // solicitudId, placa and every priority field empty: only unit, type and outcome remain.
      expect(celdas.filter((c) => c !== '')).toEqual(
        expect.arrayContaining([celdas[1], celdas[2], celdas[4]]),
      );
      expect([celdas[0], celdas[3], ...celdas.slice(5, 14)].join('')).toBe('');
    }
    for (const [k, datos] of Object.entries(privadosDe)) {
      if (k !== '02') for (const dato of datos) expect(res.text).not.toContain(dato);
    }
  });

  it(`gives ${GRANDE} participants as ${GRANDE + 1} CSV lines, and their acta read chunk by chunk`, async () => {
    const id = await sembrarResultadoGrande(t, GRANDE);
    const res = await csv(admin, id);
    expect(res.status).toBe(200);
    const lineas = lineasCsv(res.text);
    expect(lineas).toHaveLength(GRANDE + 1);
    expect(lineas[GRANDE]).toContain(`,Residente Grande ${GRANDE - 1},`);
    const otra = await csv(admin, id).set('If-None-Match', res.headers.etag);
    expect(otra.status).toBe(304);
    const acta = await pdf(admin, id);
    expect(acta.status).toBe(200);
    const { texto, paginas } = await textoDePdf(acta.body as Buffer);
    expect(paginas).toBeGreaterThan(GRANDE / 80);
    expect(texto).toContain(`Carros: ${GRANDE} participantes (continuación)`);
    const ultimo = GRANDE - 1;
    const espera = ultimo - Math.floor(GRANDE / 3) + 1;
    expect(texto.replace(/[ \t]+/g, ' ')).toContain(
      `G${ultimo % 20} ${100 + Math.floor(ultimo / 20)} no_asignada ${espera}`,
    );
    expect(texto).not.toContain('Residente Grande');
  });

  it('changes the acta, bytes and ETag, with a movimiento, which it then lists', async () => {
    const antes = await pdf(admin);
    const r = await t.http
      .post(`/sorteo/resultados/${sorteoId}/renuncias`)
      .set(...bearer(v.sesion['01']))
      .send({ solicitudId: v.solicitud['01'] });
    expect(r.status).toBe(201);
    const despues = await pdf(admin);
    expect(despues.headers.etag).not.toBe(antes.headers.etag);
    const { texto } = await textoDePdf(despues.body as Buffer);
    const plano = texto.replace(/[ \t]+/g, ' ');
    expect(plano).toContain('1 Renuncia V 101 S1-003');
    expect(plano).toContain('V 101 asignada S1-003 renunció a S1-003 (mov. 1)');
    expect(plano).toContain('2 Promoción V 103 S1-003');
    const otra = await pdf(admin);
    expect((otra.body as Buffer).equals(despues.body as Buffer)).toBe(true);
  });
});
