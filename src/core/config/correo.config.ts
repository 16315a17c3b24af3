import { registerAs } from '@nestjs/config';
import { ConfiguracionInvalidaError, entero, texto } from './env-parsers';

/** `smtp://` or `smtps://` with a host; anything else stops the process at start. */
function urlSmtp(valor: string | undefined): string | null {
  if (valor === undefined) return null;
  let url: URL;
  try {
    url = new URL(valor);
  } catch {
    throw new ConfiguracionInvalidaError(
      'SMTP_URL',
      'no es una URL (use smtp://usuario:clave@host:587).',
    );
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    throw new ConfiguracionInvalidaError(
      'SMTP_URL',
      'debe empezar por smtp:// o smtps:// y nombrar un host.',
    );
  }
  return valor;
}

function remitente(valor: string): string {
  // "Nombre <correo>" or a bare address; the header is built by nodemailer, which escapes it.
  if (!/^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(valor.trim())) {
    throw new ConfiguracionInvalidaError(
      'CORREO_REMITENTE',
      'debe ser un correo o "Nombre <correo>" (recibido un valor sin dirección válida).',
    );
  }
  return valor.trim();
}

/**
 * The outbox's sender (docs/notificaciones.md). Without SMTP_URL messages become .eml files under
 * DATA_DIR/correo (development). The timing variables exist so tests can run the back-off in
 * milliseconds; production keeps the defaults (first retry 15 s, doubling to 1 h, for 24 h).
 */
export const correoConfig = registerAs('correo', () => {
  const env = process.env;
  const smtpTimeoutMs = entero(env, 'SMTP_TIMEOUT_MS', 30_000, 100, 300_000);
  const plazoReclamoMs = entero(env, 'NOTIFICACIONES_PLAZO_RECLAMO_MS', 120_000, 100, 3_600_000);
  // A live sender must never look dead: its send (three bounded SMTP phases) ends before its claim
  // is taken for abandoned, or two senders could send the same message.
  if (plazoReclamoMs < 4 * smtpTimeoutMs) {
    throw new ConfiguracionInvalidaError(
      'NOTIFICACIONES_PLAZO_RECLAMO_MS',
      `debe ser al menos 4 veces SMTP_TIMEOUT_MS (${4 * smtpTimeoutMs}).`,
    );
  }
  return {
    smtpUrl: urlSmtp(texto(env, 'SMTP_URL')),
    remitente: remitente(
      texto(env, 'CORREO_REMITENTE', 'ParkNet <no-responder@parknet.local>') as string,
    ),
    dataDir: texto(env, 'DATA_DIR', './data') as string,
    /** Where links in messages point (the front end); the path is appended. */
    urlPublica: (texto(env, 'URL_PUBLICA', 'http://localhost:3000') as string).replace(/\/+$/, ''),
    intervaloMs: entero(env, 'NOTIFICACIONES_INTERVALO_MS', 2000, 10, 600_000),
    reintentoBaseMs: entero(env, 'NOTIFICACIONES_REINTENTO_BASE_MS', 15_000, 1, 3_600_000),
    reintentoMaxMs: entero(env, 'NOTIFICACIONES_REINTENTO_MAX_MS', 3_600_000, 1, 86_400_000),
    ventanaMs: entero(env, 'NOTIFICACIONES_VENTANA_MS', 86_400_000, 1, 30 * 86_400_000),
    /** A claim older than this whose message is still pending was left by a dead sender. */
    plazoReclamoMs,
    smtpTimeoutMs,
    lote: entero(env, 'NOTIFICACIONES_LOTE', 20, 1, 500),
    concurrencia: entero(env, 'NOTIFICACIONES_CONCURRENCIA', 4, 1, 32),
  };
});
