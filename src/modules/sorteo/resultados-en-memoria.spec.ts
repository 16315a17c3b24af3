import type { MovimientoGuardado } from './renuncias/movimiento.entity';
import type { CabeceraSorteo, ParticipanteGuardado } from './resultado.entity';
import { ResultadosEnMemoria } from './resultados-en-memoria';

function participante(i: number, asignada: boolean): ParticipanteGuardado {
  return {
    solicitudId: `s${i}`,
    version: 1,
    residenteId: `r${i}`,
    residenteNombre: `R ${i}`,
    unidad: { torre: 'A', apartamento: String(300 - i) },
    placa: `ABC${100 + i}`,
    tipoVehiculo: 'carro',
    discapacidad: false,
    adultoMayor: false,
    sinAsignacionPrevia: true,
    aniosResidencia: 1,
    peso: 1,
    numeroAleatorio: 0.5,
    clave: i,
    etapa: 'general',
    posicion: i,
    resultado: asignada ? 'asignada' : 'no_asignada',
    parqueadero: asignada ? `C-${i}` : null,
    posicionEspera: asignada ? null : 1,
  };
}

function cabecera(id: string, participantes: number): CabeceraSorteo {
  return {
    id,
    nombre: id,
    resumen: { participantes, asignados: 0, enEspera: 0, excluidos: 0 },
    bloques: { participantes: 1, excluidas: 0, parqueaderos: 0 },
    anulado: null,
  } as unknown as CabeceraSorteo;
}

function montar(capacidad: number) {
  const lecturas: string[] = [];
  const movimientos: MovimientoGuardado[] = [];
  const repo = {
    todos: async (id: string, tipo: string) => {
      lecturas.push(`${id}:${tipo}`);
      await Promise.resolve();
      return tipo === 'participantes' ? [participante(1, true), participante(2, false)] : [];
    },
  };
  const movs = {
    existe: async (_id: string, n: number) => n <= movimientos.length,
    consecutivos: async () => [...movimientos],
  };
  const memoria = new ResultadosEnMemoria(
    repo as never,
    movs as never,
    {
      resultadosEnMemoria: capacidad,
    } as never,
  );
  const participantesLeidos = () => lecturas.filter((l) => l.endsWith('participantes')).length;
  return { memoria, movimientos, participantesLeidos };
}

const renuncia = (n: number, solicitudId: string): MovimientoGuardado => ({
  n,
  tipo: 'renuncia',
  solicitudId,
  parqueadero: 'C-1',
  motivo: 'RENUNCIA',
  unidad: null,
  fecha: new Date(0),
  por: 'admin',
  turno: 1,
});

describe('ResultadosEnMemoria', () => {
  it('reads the chunks once for concurrent readers and keeps the copy while no movimiento comes', async () => {
    const { memoria, participantesLeidos } = montar(100);
    const c = cabecera('s', 2);
    const [a, b] = await Promise.all([memoria.ahora(c), memoria.ahora(c)]);
    expect(a).toBe(b);
    expect(await memoria.ahora(c)).toBe(a);
    expect(participantesLeidos()).toBe(1);
    // Residents' order (unit, descending apartment numbers here), derived once.
    expect(a.porUnidad.map((p) => p.solicitudId)).toEqual(['s2', 's1']);
    expect(a.porUnidad).toBe(a.porUnidad);
  });

  it('a new movimiento makes the next read replay it without reading the chunks again', async () => {
    const { memoria, movimientos, participantesLeidos } = montar(100);
    const c = cabecera('s', 2);
    const antes = await memoria.ahora(c);
    expect(antes.asignacionesDe(c, 'r1').map((m) => m.resultado)).toEqual(['asignada']);
    movimientos.push(renuncia(1, 's1'));
    const despues = await memoria.ahora(c);
    expect(despues.movimientos).toBe(1);
    expect(despues.participantes.find((p) => p.solicitudId === 's1')?.resultado).toBe(
      'no_asignada',
    );
    expect(despues.asignacionesDe(c, 'r1').map((m) => m.resultado)).toEqual(['no_asignada']);
    expect(participantesLeidos()).toBe(1);
  });

  it('holds no more entries than its bound: the least recently used goes, a too large result is not kept', async () => {
    const { memoria, participantesLeidos } = montar(4);
    await memoria.ahora(cabecera('a', 2));
    await memoria.ahora(cabecera('b', 2));
    await memoria.ahora(cabecera('a', 2));
    expect(participantesLeidos()).toBe(2);
    await memoria.ahora(cabecera('c', 2)); // evicts b, the least recently used
    await memoria.ahora(cabecera('a', 2));
    expect(participantesLeidos()).toBe(3);
    await memoria.ahora(cabecera('b', 2));
    expect(participantesLeidos()).toBe(4);
    await memoria.ahora(cabecera('grande', 5));
    await memoria.ahora(cabecera('grande', 5));
    expect(participantesLeidos()).toBe(6);
  });
});
