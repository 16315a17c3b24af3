import { ESTADOS_SOLICITUD, EstadoSolicitud } from './solicitud.entity';
import { Origen, esAbierto, transicionPermitida } from './maquina-estados';

const ORIGENES: Origen[] = ['admin', 'residente', 'sistema', 'sorteo', 'anulacion'];

/** The expected machine, written independently of the table under test. */
const PERMITIDAS = new Set([
  'pendiente>aprobada:admin',
  'pendiente>rechazada:admin',
  'pendiente>cancelada:admin',
  'pendiente>cancelada:residente',
  'pendiente>cancelada:sistema',
  'aprobada>rechazada:admin',
  'aprobada>cancelada:admin',
  'aprobada>cancelada:residente',
  'aprobada>cancelada:sistema',
  'aprobada>asignada:sorteo',
  'aprobada>no_asignada:sorteo',
  'asignada>aprobada:anulacion',
  'no_asignada>aprobada:anulacion',
  // An annulment cancels a solicitud whose unit or placa opened a new request meanwhile.
  'asignada>cancelada:anulacion',
  'no_asignada>cancelada:anulacion',
  // Leaving the waiting list.
  'no_asignada>cancelada:admin',
  'no_asignada>cancelada:residente',
]);

describe('maquina de estados de solicitudes', () => {
  const casos: Array<[EstadoSolicitud, EstadoSolicitud, Origen, boolean]> = [];
  for (const desde of ESTADOS_SOLICITUD)
    for (const hacia of ESTADOS_SOLICITUD)
      for (const origen of ORIGENES)
        casos.push([desde, hacia, origen, PERMITIDAS.has(`${desde}>${hacia}:${origen}`)]);

  it.each(casos)('%s → %s por %s: permitida=%s', (desde, hacia, origen, esperado) => {
    expect(transicionPermitida(desde, hacia, origen)).toBe(esperado);
  });

  it('covers every allowed transition of the contract', () => {
    expect(casos.filter((c) => c[3])).toHaveLength(PERMITIDAS.size);
  });

  it('a resident may only cancel', () => {
    const delResidente = casos
      .filter(([, , o, ok]) => o === 'residente' && ok)
      .map(([, hacia]) => hacia);
    expect(new Set(delResidente)).toEqual(new Set(['cancelada']));
  });

  it('only pendiente and aprobada are open', () => {
    expect(ESTADOS_SOLICITUD.filter(esAbierto)).toEqual(['pendiente', 'aprobada']);
  });
});
