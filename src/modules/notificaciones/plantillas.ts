/** The messages people receive, in Spanish, as plain text and HTML (docs/notificaciones.md). */

export interface Mensaje {
  asunto: string;
  texto: string;
  html: string;
}

/** Everything user-supplied goes through here before it reaches HTML. */
export function escaparHtml(valor: string): string {
  return valor
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A paragraph is plain text; `enlace` marks the one URL of a message. */
type Parrafo = string | { enlace: string };

function componer(asunto: string, nombre: string, parrafos: Parrafo[]): Mensaje {
  const saludo = `Hola, ${nombre}:`;
  const cierre = 'Este es un mensaje automático de ParkNet; no lo responda.';
  const texto = [
    saludo,
    ...parrafos.map((p) => (typeof p === 'string' ? p : p.enlace)),
    cierre,
  ].join('\n\n');
  const cuerpo = [saludo, ...parrafos]
    .map((p) =>
      typeof p === 'string'
        ? `<p>${escaparHtml(p)}</p>`
        : `<p><a href="${escaparHtml(p.enlace)}">${escaparHtml(p.enlace)}</a></p>`,
    )
    .join('\n');
  const html =
    `<!DOCTYPE html>\n<html lang="es"><head><meta charset="utf-8"><title>${escaparHtml(asunto)}</title></head>` +
    `<body>\n${cuerpo}\n<p><small>${escaparHtml(cierre)}</small></p>\n</body></html>\n`;
  return { asunto, texto: texto + '\n', html };
}

export function activacion(d: { nombre: string; enlace: string; expiraEn: Date }): Mensaje {
  return componer('Active su cuenta de ParkNet', d.nombre, [
    'Se creó una cuenta de ParkNet a su nombre. Para activarla y elegir su contraseña, abra este enlace:',
    { enlace: d.enlace },
    `El enlace sirve una sola vez y vence el ${fecha(d.expiraEn)}. Si no esperaba este correo, ignórelo.`,
  ]);
}

export function verificacionCorreo(d: { nombre: string; enlace: string; expiraEn: Date }): Mensaje {
  return componer('Confirme su correo para su registro en ParkNet', d.nombre, [
    'Recibimos una solicitud de registro en ParkNet con este correo. Para confirmarlo, abra este enlace:',
    { enlace: d.enlace },
    `El enlace sirve una sola vez y vence el ${fecha(d.expiraEn)}. Después de confirmarlo, la administración revisará su registro.`,
    'Si usted no se registró, ignore este correo: sin confirmación el registro no sigue adelante.',
  ]);
}

/** To the owner of an address someone tried to register with again: nothing of the attempt's data. */
export function registroConSuCorreo(d: { email: string }): Mensaje {
  return componer('Intento de registro con su correo en ParkNet', d.email, [
    'Alguien intentó registrarse en ParkNet con este correo, que ya tiene una cuenta. No se creó ninguna cuenta nueva y la suya no cambió.',
    'Si fue usted, no necesita registrarse de nuevo: inicie sesión con su contraseña, o espere la aprobación si su registro anterior aún está en revisión. Si no fue usted, puede ignorar este correo.',
  ]);
}

/** A free address whose registration named a documento already registered. */
export function registroNoContinuado(d: { email: string }): Mensaje {
  return componer('Su registro en ParkNet no pudo continuar', d.email, [
    'Recibimos una solicitud de registro en ParkNet con este correo, pero no pudo continuar con los datos enviados.',
    'Comuníquese con la administración del conjunto para revisar su caso. Si usted no se registró, ignore este correo.',
  ]);
}

export function registroRecibido(d: { nombre: string }): Mensaje {
  return componer('Recibimos su registro en ParkNet', d.nombre, [
    'Confirmamos su correo y recibimos su solicitud de registro. La administración la revisará y le avisaremos por este medio.',
  ]);
}

export function registroAprobado(d: { nombre: string }): Mensaje {
  return componer('Su registro en ParkNet fue aprobado', d.nombre, [
    'La administración aprobó su registro. Ya puede iniciar sesión con su correo y su contraseña.',
  ]);
}

export function registroRechazado(d: { nombre: string; motivo: string | null }): Mensaje {
  return componer('Su registro en ParkNet no fue aprobado', d.nombre, [
    'La administración no aprobó su registro.',
    `Motivo: ${d.motivo ?? 'no indicado'}.`,
  ]);
}

export function solicitudAprobada(d: { nombre: string; placa: string }): Mensaje {
  return componer('Su solicitud de parqueadero fue aprobada', d.nombre, [
    `La administración aprobó su solicitud para el vehículo de placa ${d.placa}.`,
    'Participará en el próximo sorteo de parqueaderos.',
  ]);
}

export function solicitudRechazada(d: {
  nombre: string;
  placa: string;
  motivo: string | null;
}): Mensaje {
  return componer('Su solicitud de parqueadero fue rechazada', d.nombre, [
    `La administración rechazó su solicitud para el vehículo de placa ${d.placa}.`,
    `Motivo: ${d.motivo ?? 'no indicado'}.`,
  ]);
}

/** The recipient's own frozen line (never another participant's) and the published insumosHash. */
export function convocatoriaCerrada(d: {
  nombre: string;
  convocatoria: string;
  insumosHash: string;
  linea: {
    placa: string;
    tipoVehiculo: string;
    unidad: { torre: string; apartamento: string };
    discapacidad: boolean;
    adultoMayor: boolean;
    sinAsignacionPrevia: boolean;
    aniosResidencia: number;
  };
}): Mensaje {
  const l = d.linea;
  const siNo = (v: boolean): string => (v ? 'sí' : 'no');
  return componer(`La convocatoria "${d.convocatoria}" cerró`, d.nombre, [
    `La convocatoria "${d.convocatoria}" cerró y su solicitud participará en el sorteo con estos datos congelados:`,
    `Vehículo ${l.tipoVehiculo} de placa ${l.placa}, unidad torre ${l.unidad.torre} apartamento ${l.unidad.apartamento}; ` +
      `discapacidad: ${siNo(l.discapacidad)}; adulto mayor: ${siNo(l.adultoMayor)}; ` +
      `sin asignación previa: ${siNo(l.sinAsignacionPrevia)}; años de residencia: ${l.aniosResidencia}.`,
    'Si algún dato no es correcto, comuníquese con la administración antes del sorteo.',
    `Huella de los insumos del sorteo (insumosHash): ${d.insumosHash}. Con ella puede verificar el sorteo cuando se publique.`,
  ]);
}

/** Only the recipient's own outcome: never another participant's name, spot or position. */
export function resultadoSorteo(d: {
  nombre: string;
  sorteo: string;
  placa: string;
  parqueadero: string | null;
  posicionEspera: number | null;
}): Mensaje {
  const desenlace = d.parqueadero
    ? `Le fue asignado el parqueadero ${d.parqueadero} para el vehículo de placa ${d.placa}.`
    : d.posicionEspera !== null
      ? `No le fue asignado un parqueadero para el vehículo de placa ${d.placa}; quedó en la lista de espera en la posición ${d.posicionEspera}.`
      : `No le fue asignado un parqueadero para el vehículo de placa ${d.placa}.`;
  return componer(`Resultado del sorteo "${d.sorteo}"`, d.nombre, [
    `Se realizó el sorteo "${d.sorteo}".`,
    desenlace,
    'Puede consultar el resultado completo y verificarlo en ParkNet.',
  ]);
}

export function promocion(d: { nombre: string; placa: string; parqueadero: string }): Mensaje {
  return componer('Le fue asignado un parqueadero desde la lista de espera', d.nombre, [
    `Se liberó un parqueadero y, por su turno en la lista de espera, le fue asignado el ${d.parqueadero} para el vehículo de placa ${d.placa}.`,
  ]);
}

export function contrasenaCambiada(d: { nombre: string; fecha: Date }): Mensaje {
  return componer('Su contraseña de ParkNet cambió', d.nombre, [
    `La contraseña de su cuenta se cambió el ${fecha(d.fecha)}.`,
    'Si no fue usted, comuníquese de inmediato con la administración del conjunto.',
  ]);
}

function fecha(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
