import { Types } from 'mongoose';
import type { Connection } from 'mongoose';

/** Anything holding a connection to the test database: an in-process app or a plain connection. */
export interface ConDb {
  connection: Connection;
}

/** Test data for the draw, written straight into the collections (thousands in one insert). */

export interface ResidenteSemilla {
  id?: string;
  nombre?: string;
  torre: string;
  apartamento: string;
  discapacidad?: boolean;
  fechaNacimiento?: string | null;
  fechaIngreso?: string | null;
  alDia?: boolean;
  activo?: boolean;
}

export interface SolicitudSemilla {
  id?: string;
  residenteId: string;
  torre: string;
  apartamento: string;
  tipo: 'carro' | 'moto';
  placa?: string;
}

let contador = 0;

function placaPara(tipo: 'carro' | 'moto', n: number): string {
  const letras = String.fromCharCode(
    65 + (Math.floor(n / 1000) % 26),
    65 + (Math.floor(n / 26000) % 26),
  );
  return tipo === 'carro'
    ? `Z${letras}${String(n % 1000).padStart(3, '0')}`
    : `Y${letras}${String(n % 100).padStart(2, '0')}${String.fromCharCode(65 + (Math.floor(n / 100) % 10))}`;
}

const LOTE = 2000;

async function insertarEnLotes(t: ConDb, coleccion: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += LOTE) {
    await t.connection.collection(coleccion).insertMany(docs.slice(i, i + LOTE), {
      ordered: false,
    });
  }
}

export async function sembrarResidentes(
  t: ConDb,
  lista: readonly ResidenteSemilla[],
): Promise<string[]> {
  const ahora = new Date();
  const docs = lista.map((r) => {
    contador += 1;
    return {
      _id: new Types.ObjectId(r.id),
      nombre: r.nombre ?? `Residente ${r.torre}-${r.apartamento}`,
      documento: { tipo: 'CC', numero: `9${String(contador).padStart(9, '0')}` },
      email: null,
      telefono: null,
      torre: r.torre,
      apartamento: r.apartamento,
      tipo: 'propietario',
      fechaIngreso: r.fechaIngreso ?? null,
      fechaNacimiento: r.fechaNacimiento ?? null,
      discapacidad: r.discapacidad ?? false,
      alDia: r.alDia ?? true,
      activo: r.activo ?? true,
      cuenta: 'sin_cuenta',
      createdAt: ahora,
      updatedAt: ahora,
    };
  });
  await insertarEnLotes(t, 'residentes', docs);
  return docs.map((d) => d._id.toHexString());
}

/** Approved solicitudes with the solicitudes module's stored shape (version 1: created, approved). */
export async function sembrarAprobadas(
  t: ConDb,
  lista: readonly SolicitudSemilla[],
): Promise<string[]> {
  const ahora = new Date();
  const docs = lista.map((s) => {
    contador += 1;
    return {
      _id: new Types.ObjectId(s.id),
      residenteId: new Types.ObjectId(s.residenteId),
      unidad: { torre: s.torre, apartamento: s.apartamento },
      vehiculo: { placa: s.placa ?? placaPara(s.tipo, contador), tipo: s.tipo },
      observaciones: null,
      estado: 'aprobada',
      motivo: null,
      sorteoId: null,
      parqueadero: null,
      posicionEspera: null,
      version: 1,
      historial: [
        { estado: 'pendiente', fecha: ahora, usuarioId: null, motivo: null },
        { estado: 'aprobada', fecha: ahora, usuarioId: null, motivo: null },
      ],
      createdAt: ahora,
      updatedAt: ahora,
    };
  });
  await insertarEnLotes(t, 'solicitudes', docs);
  await sembrarPunteros(
    t,
    docs.map((d) => ({
      residenteId: d.residenteId.toHexString(),
      solicitudId: d._id.toHexString(),
    })),
  );
  return docs.map((d) => d._id.toHexString());
}

/**
 * What the server writes beside each solicitud it creates: the resident's pointer
 * `<residenteId>:<n>` (docs/lecturas-residentes.md), numbered after the resident's existing ones.
 * Without it a server already running would not list seeded solicitudes to their residents.
 */
export async function sembrarPunteros(
  t: ConDb,
  pares: ReadonlyArray<{ residenteId: string; solicitudId: string }>,
): Promise<void> {
  const col = t.connection.collection('solicitudes_de_residente');
  const residentes = [...new Set(pares.map((p) => p.residenteId))];
  const cuenta = new Map<string, number>();
  for (const d of await col
    .find({ residenteId: { $in: residentes } }, { projection: { residenteId: 1 } })
    .toArray()) {
    const r = d.residenteId as string;
    cuenta.set(r, (cuenta.get(r) ?? 0) + 1);
  }
  const docs = pares.map((p) => {
    const n = (cuenta.get(p.residenteId) ?? 0) + 1;
    cuenta.set(p.residenteId, n);
    return {
      _id: `${p.residenteId}:${n}`,
      residenteId: p.residenteId,
      n,
      solicitudId: p.solicitudId,
    };
  });
  await insertarEnLotes(t, 'solicitudes_de_residente', docs);
}

/** `n` residents in distinct units of tower `torre`, each with one approved solicitud. */
export async function sembrarParticipantes(
  t: ConDb,
  n: number,
  opciones: {
    torre?: string;
    tipo?: (i: number) => 'carro' | 'moto';
    residente?: (i: number) => Partial<ResidenteSemilla>;
  } = {},
): Promise<{ residentes: string[]; solicitudes: string[] }> {
  const torre = opciones.torre ?? 'T';
  const unidades = Array.from({ length: n }, (_, i) => ({ torre, apartamento: String(1000 + i) }));
  const residentes = await sembrarResidentes(
    t,
    unidades.map((u, i) => ({
      ...u,
      fechaIngreso: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-15`,
      fechaNacimiento: `19${String(40 + (i % 55)).padStart(2, '0')}-1${i % 3}-0${1 + (i % 9)}`,
      discapacidad: i % 17 === 0,
      ...opciones.residente?.(i),
    })),
  );
  const solicitudes = await sembrarAprobadas(
    t,
    unidades.map((u, i) => ({
      ...u,
      residenteId: residentes[i],
      tipo: opciones.tipo?.(i) ?? (i % 5 === 0 ? 'moto' : 'carro'),
    })),
  );
  return { residentes, solicitudes };
}

export interface ParqueaderoPrueba {
  codigo: string;
  tipo: 'carro' | 'moto';
  discapacidad?: boolean;
}

export function parqueaderos(carros: number, motos: number, reservados = 0): ParqueaderoPrueba[] {
  return [
    ...Array.from({ length: carros }, (_, i) => ({
      codigo: `C-${i + 1}`,
      tipo: 'carro' as const,
      discapacidad: i < reservados,
    })),
    ...Array.from({ length: motos }, (_, i) => ({ codigo: `M-${i + 1}`, tipo: 'moto' as const })),
  ];
}

/** Estado of every solicitud, straight from the database. */
export async function estados(
  t: ConDb,
  ids?: readonly string[],
): Promise<
  Map<
    string,
    {
      estado: string;
      sorteoId: string | null;
      parqueadero: string | null;
      posicionEspera: number | null;
      version: number;
    }
  >
> {
  const filtro = ids ? { _id: { $in: ids.map((id) => new Types.ObjectId(id)) } } : {};
  const docs = await t.connection
    .collection('solicitudes')
    .find(filtro, {
      projection: { estado: 1, sorteoId: 1, parqueadero: 1, posicionEspera: 1, version: 1 },
    })
    .toArray();
  return new Map(
    docs.map((d) => [
      String(d._id),
      {
        estado: d.estado as string,
        sorteoId: d.sorteoId ? String(d.sorteoId) : null,
        parqueadero: (d.parqueadero ?? null) as string | null,
        posicionEspera: (d.posicionEspera ?? null) as number | null,
        version: d.version as number,
      },
    ]),
  );
}

/**
 * The population of the multi-process tests: residents in 20 towers (some with disability, some
 * elderly, one in 50 in arrears), created once and reused; each call seeds one approved solicitud
 * for each of the first `n` residents (every fourth a moto) and returns their ids.
 */
export class Poblacion {
  private residentes: string[] = [];

  constructor(private readonly t: ConDb) {}

  async sembrar(n: number): Promise<string[]> {
    if (this.residentes.length < n) {
      const desde = this.residentes.length;
      this.residentes = this.residentes.concat(
        await sembrarResidentes(
          this.t,
          Array.from({ length: n - desde }, (_, k) => {
            const i = desde + k;
            return {
              torre: `T${i % 20}`,
              apartamento: String(100 + Math.floor(i / 20)),
              discapacidad: i % 23 === 0,
              fechaNacimiento: i % 7 === 0 ? '1950-03-03' : '1985-07-07',
              fechaIngreso: `20${String(10 + (i % 15))}-01-01`,
              alDia: i % 50 !== 0,
            };
          }),
        ),
      );
    }
    return sembrarAprobadas(
      this.t,
      this.residentes.slice(0, n).map((residenteId, i) => ({
        residenteId,
        torre: `T${i % 20}`,
        apartamento: String(100 + Math.floor(i / 20)),
        tipo: i % 4 === 0 ? 'moto' : 'carro',
      })),
    );
  }
}
