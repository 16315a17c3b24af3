import { Types } from 'mongoose';
import { ENTRADA_VECTOR } from 'src/modules/sorteo/core/vector-prueba';
import type { ConDb } from './sorteo-datos';

/**
 * A complete result of `n` participants written straight into the draw's collections, as the
 * draw stores it (header + chunks of 1,000): a large result for the downloads in seconds, without
 * running a draw over `n` solicitudes (which the bench does, bench/acta).
 */
export async function sembrarResultadoGrande(t: ConDb, n: number): Promise<string> {
  const id = new Types.ObjectId();
  const sorteoId = id.toHexString();
  const tamano = 1000;
  const asignados = Math.floor(n / 3);
  const participantes = Array.from({ length: n }, (_, i) => ({
    solicitudId: new Types.ObjectId().toHexString(),
    version: 1,
    residenteId: new Types.ObjectId().toHexString(),
    residenteNombre: `Residente Grande ${i}`,
    unidad: { torre: `G${i % 20}`, apartamento: String(100 + Math.floor(i / 20)) },
    placa: `GR${String(i).padStart(4, '0')}`,
    tipoVehiculo: 'carro',
    discapacidad: i % 17 === 0,
    adultoMayor: false,
    sinAsignacionPrevia: false,
    aniosResidencia: i % 10,
    peso: 1 + (i % 10) / 10,
    numeroAleatorio: (i + 0.5) / n,
    clave: -(i + 1) / n,
    etapa: 'general',
    posicion: i + 1,
    resultado: i < asignados ? 'asignada' : 'no_asignada',
    parqueadero: i < asignados ? `C-${i + 1}` : null,
    posicionEspera: i < asignados ? null : i - asignados + 1,
  }));
  const bloques = [];
  for (let k = 0; k * tamano < n; k++) {
    bloques.push({
      _id: `${sorteoId}:p:${k}`,
      sorteoId,
      tipo: 'p',
      indice: k,
      // As JSON text, which the chunk reader also takes (almacen-bloques.ts): FerretDB stores
      // each value of a document on its own, and 10,000 participants as documents outlast the
      // test connection's time limit on a loaded machine.
      items: JSON.stringify(participantes.slice(k * tamano, (k + 1) * tamano)),
    });
  }
  for (const b of bloques) await t.connection.collection('sorteo_bloques').insertOne(b as never);
  await t.connection.collection('sorteos').insertOne({
    _id: id,
    turno: -100,
    estado: 'completo',
    nombre: `Sorteo grande de ${n}`,
    ejecutadoEn: new Date('2026-01-10T15:00:00Z'),
    ejecutadoPor: new Types.ObjectId().toHexString(),
    algoritmo: 'ES-SHA256-v1',
    origenSemilla: 'servidor',
    semilla: 'd'.repeat(64),
    insumosHash: 'e'.repeat(64),
    config: ENTRADA_VECTOR.config,
    resumen: { participantes: n, asignados, enEspera: n - asignados, excluidos: 0 },
    tamanoBloque: tamano,
    bloques: { participantes: bloques.length, excluidas: 0, parqueaderos: 0 },
    anulado: null,
    completadoEn: new Date(),
  });
  return sorteoId;
}
