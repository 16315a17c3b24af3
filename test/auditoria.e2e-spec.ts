import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditoriaRepository } from 'src/modules/auditoria/auditoria.repository';
import { CadenaAuditoria } from 'src/modules/auditoria/cadena-auditoria.service';
import { AppDePrueba, crearAppDePrueba } from './support/app';
import {
  SesionPrueba,
  bearer,
  crearPersonalActivo,
  crearResidenteActivo,
  loginAdmin,
} from './support/auth-helpers';
import { entradas, totalAuditoria, verificar } from './support/auditoria';
import { esperar } from './support/revision';
import { parqueaderos, sembrarParticipantes } from './sorteo-datos';

describe('GET /auditoria and /auditoria/verificar (e2e)', () => {
  let t: AppDePrueba;
  let admin: SesionPrueba;
  let revisor: SesionPrueba;
  let residente: { id: string; sesion: SesionPrueba };
  const coleccion = () => t.connection.collection<{ _id: string }>('auditoria');

  beforeAll(async () => {
    t = await crearAppDePrueba({ LOGIN_MAX_FALLOS_IP: '1000' });
    admin = await loginAdmin(t);
    revisor = (await crearPersonalActivo(t, admin, 'revisor')).sesion;
    const r = await crearResidenteActivo(t, admin, { torre: 'D' });
    residente = { id: r.residente.id, sesion: r.sesion };
  });
  afterAll(async () => {
    await t.cerrar();
  });

  it('lets the revisor read the log and verify it; a resident gets 403', async () => {
    await esperar(t.http.get('/auditoria').set(...bearer(revisor)), 200);
    expect((await verificar(t, revisor)).valido).toBe(true);
    await esperar(t.http.get('/auditoria').set(...bearer(residente.sesion)), 403, 'PROHIBIDO');
    await esperar(
      t.http.get('/auditoria/verificar').set(...bearer(residente.sesion)),
      403,
      'PROHIBIDO',
    );
    await esperar(t.http.get('/auditoria'), 401, 'NO_AUTENTICADO');
  });

  it('shows a disability flag set before a draw and removed after it as two entries', async () => {
    await sembrarParticipantes(t, 4, { torre: 'E' });
    await esperar(
      t.http
        .post('/solicitudes')
        .set(...bearer(residente.sesion))
        .send({ vehiculo: { placa: 'DIS123', tipo: 'carro' } }),
      201,
    );
    const marcar = (discapacidad: boolean) =>
      esperar(
        t.http
          .patch(`/residentes/${residente.id}`)
          .set(...bearer(admin))
          .send({ discapacidad }),
        200,
      );
    await marcar(true);
    const { data: pendientes } = await entradas(t, admin, 'accion=solicitud.creada');
    const solicitudId = pendientes[0].recurso.id as string;
    await esperar(
      t.http
        .patch(`/solicitudes/${solicitudId}/estado`)
        .set(...bearer(admin))
        .send({ estado: 'aprobada' }),
      200,
    );
    await esperar(
      t.http
        .post('/sorteo/ejecutar')
        .set(...bearer(admin))
        .send({ nombre: 'Entre dos marcas', parqueaderos: parqueaderos(2, 1, 1) }),
      201,
    );
    await marcar(false);
    const { data } = await entradas(
      t,
      revisor,
      `recurso.tipo=residente&recurso.id=${residente.id}&accion=residente.modificado`,
    );
    expect(data.map((e) => e.cambios)).toEqual([
      { discapacidad: { antes: true, despues: false } },
      { discapacidad: { antes: false, despues: true } },
    ]);
    // Around the draw's own entry, in the chain's order.
    const sorteo = (await entradas(t, admin, 'accion=sorteo.ejecutado')).data[0];
    expect(data[1].n).toBeLessThan(sorteo.n);
    expect(data[0].n).toBeGreaterThan(sorteo.n);
  });

  it('filters by actor and by date, pages newest first, and refuses unknown filters', async () => {
    const todas = await entradas(t, admin);
    expect(todas.data.map((e) => e.n)).toEqual(
      [...todas.data.map((e) => e.n)].sort((a, b) => b - a),
    );
    const delResidente = await entradas(t, admin, `actor=${residente.sesion.usuario.id}`);
    expect(delResidente.total).toBeGreaterThan(0);
    expect(delResidente.data.every((e) => e.actor.rol === 'residente')).toBe(true);
    const medio = todas.data[Math.floor(todas.data.length / 2)];
    const desde = await entradas(t, admin, `desde=${encodeURIComponent(medio.fecha)}`);
    expect(desde.data.every((e) => e.fecha >= medio.fecha)).toBe(true);
    const hasta = await entradas(t, admin, `hasta=${encodeURIComponent(medio.fecha)}`);
    expect(hasta.data.every((e) => e.fecha <= medio.fecha)).toBe(true);
    const pagina2 = await esperar(
      t.http.get('/auditoria?limit=2&page=2').set(...bearer(admin)),
      200,
    );
    expect(pagina2.body.data.map((e: { n: number }) => e.n)).toEqual([
      todas.total - 2,
      todas.total - 3,
    ]);
    await esperar(
      t.http.get('/auditoria?accion=no.existe').set(...bearer(admin)),
      400,
      'VALIDACION',
    );
    await esperar(t.http.get('/auditoria?desde=ayer').set(...bearer(admin)), 400, 'VALIDACION');
    await esperar(t.http.get('/auditoria?otro=1').set(...bearer(admin)), 400, 'VALIDACION');
  });

  it('reports an edited entry by its n, and a deleted one as the gap', async () => {
    const total = await totalAuditoria(t, admin);
    const n = Math.max(2, total - 3);
    const original = await coleccion().findOne({ _id: String(n) });
    expect(original).not.toBeNull();
    await coleccion().updateOne({ _id: String(n) }, { $set: { cambios: { alterado: true } } });
    let v = await verificar(t, revisor);
    expect(v.valido).toBe(false);
    expect(v.primerError?.n).toBe(n);
    await coleccion().replaceOne({ _id: String(n) }, original as never);
    expect((await verificar(t, admin)).valido).toBe(true);

    await coleccion().deleteOne({ _id: String(n) });
    v = await verificar(t, admin);
    expect(v).toEqual({
      valido: false,
      entradas: total - 1,
      primerError: { n, motivo: expect.stringContaining(`Falta la entrada ${n}`) as string },
    });
    await coleccion().insertOne(original as never);
    expect((await verificar(t, admin)).valido).toBe(true);
  });

  it('chains an entry whose insert failed after the change, once the database answers again', async () => {
    const repo = t.app.get(AuditoriaRepository);
    const cadena = t.app.get(CadenaAuditoria);
    const antes = await totalAuditoria(t, admin);
    const caida = jest
      .spyOn(repo, 'insertar')
      .mockRejectedValueOnce(new Error('conexión cerrada (prueba)'));
    try {
      await esperar(
        t.http
          .patch(`/residentes/${residente.id}`)
          .set(...bearer(admin))
          .send({ alDia: false }),
        200,
      );
    } finally {
      caida.mockRestore();
    }
    // The change is made; its entry waits in the on-disk diary, not in the chain.
    expect(cadena.sinEncadenar).toBe(1);
    const r = await esperar(t.http.get(`/residentes/${residente.id}`).set(...bearer(admin)), 200);
    expect(r.body.alDia).toBe(false);
    await cadena.barrer();
    expect(cadena.sinEncadenar).toBe(0);
    const { data, total } = await entradas(t, admin);
    expect(total).toBe(antes + 1);
    expect(data[0]).toMatchObject({
      accion: 'residente.modificado',
      recurso: { tipo: 'residente', id: residente.id },
      cambios: { alDia: { antes: true, despues: false } },
    });
    expect((await verificar(t, admin)).valido).toBe(true);
  });

  it('records a change a recovery finished once: not again if chained, nor if in the diary', async () => {
    const cadena = t.app.get(CadenaAuditoria);
    const repo = t.app.get(AuditoriaRepository);
    const antes = await totalAuditoria(t, admin);
    const entrada = (motivo: string) => ({
      actor: { id: 'admin-de-prueba', rol: 'admin' },
      accion: 'sorteo.anulado' as const,
      recurso: { tipo: 'sorteo', id: 'ffffffffffffffffffffff01' },
      fecha: new Date('2026-12-03T08:00:00.000Z'),
      cambios: { anulado: { antes: null, despues: { motivo } } },
    });
    expect(await cadena.registrarSiFalta(entrada('uno'))).toBe(true);
    expect(await cadena.registrarSiFalta(entrada('uno'))).toBe(false);
    // The holder's entry still in its diary (the database went away) counts as recorded.
    const caida = jest
      .spyOn(repo, 'insertar')
      .mockRejectedValueOnce(new Error('conexión cerrada (prueba)'));
    try {
      await cadena.registrar([entrada('dos')]);
    } finally {
      caida.mockRestore();
    }
    expect(cadena.sinEncadenar).toBe(1);
    expect(await cadena.registrarSiFalta(entrada('dos'))).toBe(false);
    expect(cadena.sinEncadenar).toBe(0);
    // Same action, resource and instant, other changes: another entry.
    expect(await cadena.registrarSiFalta(entrada('tres'))).toBe(true);
    const { data } = await entradas(t, admin, 'accion=sorteo.anulado');
    const motivos = data.map(
      (e) => (e.cambios as { anulado: { despues: { motivo: string } } }).anulado.despues.motivo,
    );
    expect(motivos).toEqual(['tres', 'dos', 'uno']);
    expect(await totalAuditoria(t, admin)).toBe(antes + 3);
    expect((await verificar(t, admin)).valido).toBe(true);
  });

  it('is checked offline by scripts/verificar-auditoria.mjs from an export, tampering included', async () => {
    const { data: primeras, total } = await entradas(t, revisor);
    expect(total).toBeLessThanOrEqual(100);
    const carpeta = mkdtempSync(join(tmpdir(), 'parknet-auditoria-'));
    const correr = (lista: unknown[]) => {
      const archivo = join(carpeta, `auditoria-${Math.random()}.json`);
      writeFileSync(archivo, JSON.stringify(lista));
      return spawnSync(process.execPath, ['scripts/verificar-auditoria.mjs', archivo], {
        encoding: 'utf8',
      });
    };
    const bien = correr(primeras);
    expect(bien.stdout).toContain(`Cadena válida: ${total} entradas.`);
    expect(bien.stdout).toContain(`hash=${primeras[0].hash}`);
    expect(bien.status).toBe(0);
    const n = 3;
    const editada = primeras.map((e) => (e.n === n ? { ...e, cambios: { otro: 1 } } : e));
    const mal = correr(editada);
    expect(mal.stdout).toContain(`Primer error en la entrada ${n}`);
    expect(mal.status).toBe(1);
    const hueco = correr(primeras.filter((e) => e.n !== n));
    expect(hueco.stdout).toContain(`Falta la entrada ${n}`);
    expect(hueco.status).toBe(1);
  });
});
