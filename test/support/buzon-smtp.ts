import { SMTPServer } from 'smtp-server';
import { puertoLibre } from 'src/core/database/free-port';

/** One message as the SMTP server received it, decoded enough to assert on. */
export interface CorreoRecibido {
  para: string[];
  asunto: string;
  messageId: string;
  /** The raw message with quoted-printable and encoded words undone: text and HTML parts. */
  cuerpo: string;
}

function decodificarQp(s: string): string {
  const sinSaltos = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < sinSaltos.length; i++) {
    const m = /^=([0-9A-F]{2})/.exec(sinSaltos.slice(i, i + 3));
    if (m) {
      bytes.push(parseInt(m[1], 16));
      i += 2;
    } else bytes.push(...Buffer.from(sinSaltos[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodificarPalabras(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, modo: string, texto: string) =>
      modo.toUpperCase() === 'B'
        ? Buffer.from(texto, 'base64').toString('utf8')
        : decodificarQp(texto.replace(/_/g, ' ')),
    );
}

function cabecera(crudo: string, nombre: string): string {
  const cabeceras = crudo.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${nombre}:\\s*(.*)$`, 'im').exec(cabeceras);
  return m ? decodificarPalabras(m[1].trim()) : '';
}

/**
 * A real SMTP server (the `smtp-server` package) on a free port. `rechazar` makes it answer 451
 * to every recipient (a temporary refusal); `detener`/`iniciar` take it down and bring it back on
 * the same port.
 */
export class BuzonSmtp {
  readonly recibidos: CorreoRecibido[] = [];
  rechazos = 0;
  rechazar = false;
  port = 0;
  private servidor: SMTPServer | null = null;

  async iniciar(): Promise<void> {
    this.port ||= await puertoLibre();
    this.servidor = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      closeTimeout: 200,
      logger: false,
      onRcptTo: (_direccion, _sesion, listo) => {
        if (!this.rechazar) return listo();
        this.rechazos += 1;
        const err = new Error('Buzón ocupado, intente más tarde') as Error & {
          responseCode: number;
        };
        err.responseCode = 451;
        listo(err);
      },
      onData: (flujo, sesion, listo) => {
        const partes: Buffer[] = [];
        flujo.on('data', (b: Buffer) => partes.push(b));
        flujo.on('end', () => {
          const crudo = Buffer.concat(partes).toString('utf8');
          this.recibidos.push({
            para: sesion.envelope.rcptTo.map((r) => r.address),
            asunto: cabecera(crudo, 'Subject'),
            messageId: cabecera(crudo, 'Message-ID'),
            cuerpo: decodificarQp(crudo),
          });
          listo();
        });
      },
    });
    const s = this.servidor;
    await new Promise<void>((ok, mal) => {
      s.once('error', mal);
      s.listen(this.port, '127.0.0.1', () => ok());
    });
  }

  async detener(): Promise<void> {
    const s = this.servidor;
    this.servidor = null;
    if (s) await new Promise<void>((ok) => s.close(() => ok()));
  }

  para(direccion: string): CorreoRecibido[] {
    return this.recibidos.filter((c) => c.para.includes(direccion));
  }

  /** How many times each Message-ID (one per outbox key) arrived. */
  repeticiones(): Map<string, number> {
    const m = new Map<string, number>();
    for (const c of this.recibidos) m.set(c.messageId, (m.get(c.messageId) ?? 0) + 1);
    return m;
  }
}
