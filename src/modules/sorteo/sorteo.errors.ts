import { ConflictoError, SolicitudInvalidaError } from 'src/shared/errors/domain-error';
import { CodigoError } from 'src/shared/errors/error-codes';

export function sinParticipantes(): ConflictoError {
  return new ConflictoError(
    CodigoError.SIN_PARTICIPANTES,
    'No hay solicitudes aprobadas: apruebe al menos una antes de ejecutar el sorteo.',
  );
}

export function sinParqueaderos(): ConflictoError {
  return new ConflictoError(
    CodigoError.SIN_PARQUEADEROS,
    'El inventario no tiene parqueaderos activos: agréguelos (POST /parqueaderos o /parqueaderos/importar) o envíe parqueaderos en la solicitud.',
  );
}

export function sorteoNoAnulable(): ConflictoError {
  return new ConflictoError(
    CodigoError.SORTEO_NO_ANULABLE,
    'Solo se puede anular el sorteo más reciente que no esté anulado.',
  );
}

export function semillaManualDeshabilitada(): SolicitudInvalidaError {
  return new SolicitudInvalidaError(
    CodigoError.SEMILLA_MANUAL_DESHABILITADA,
    'Este servidor no acepta semillas manuales: la semilla la genera el servidor (o sale de una convocatoria) para que nadie pueda elegir el resultado.',
  );
}
