import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { puertoLibre } from 'src/core/database/free-port';
import { ADMIN_EMAIL, ADMIN_PASSWORD, PASSWORD_RESIDENTE } from './support/app';
import { residenteBody } from './support/auth-helpers';
import { ContratoOpenApi, contratoDe, DocumentoOpenApi } from './support/contrato-openapi';

const RAIZ = resolve(__dirname, '..');

export interface Respuesta {
  status: number;
  body: Record<string, unknown> & { code?: string };
}

/**
 * A real ParkNet server in a child process (src/main.ts through ts-node, so no build is needed),
 * pointed at the test database. Killing it with SIGKILL is a crash at an arbitrary instant.
 */
export class ServidorHijo {
  private hijo: ChildProcess | null = null;
  private salida = '';
  private contrato: ContratoOpenApi | undefined;
  port = 0;

  constructor(private readonly env: Record<string, string>) {}

  get pid(): number {
    return this.hijo?.pid ?? -1;
  }

  async iniciar(timeoutMs = 180_000): Promise<void> {
    this.port = await puertoLibre();
    this.salida = '';
    this.hijo = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'src/main.ts'],
      {
        cwd: RAIZ,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          PORT: String(this.port),
          HOST: '127.0.0.1',
          JWT_SECRET: 'clave-de-pruebas-de-al-menos-32-bytes-de-largo',
          BCRYPT_ROUNDS: '4',
          ADMIN_EMAIL,
          ADMIN_PASSWORD,
          TS_NODE_PROJECT: resolve(RAIZ, 'tsconfig.json'),
          ...this.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const guardar = (b: Buffer): void => {
      this.salida = (this.salida + b.toString()).slice(-4000);
    };
    this.hijo.stdout?.on('data', guardar);
    this.hijo.stderr?.on('data', guardar);
    const limite = Date.now() + timeoutMs;
    while (Date.now() < limite) {
      if (this.hijo.exitCode !== null)
        throw new Error(`El servidor terminó al iniciar:\n${this.salida}`);
      try {
        const r = await fetch(`http://127.0.0.1:${this.port}/health`);
        if (r.status === 200) {
          const doc = await fetch(`http://127.0.0.1:${this.port}/docs-json`);
          this.contrato = contratoDe((await doc.json()) as DocumentoOpenApi);
          return;
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`El servidor no respondió a tiempo:\n${this.salida}`);
  }

  async matar(): Promise<void> {
    const hijo = this.hijo;
    if (!hijo || hijo.exitCode !== null || hijo.signalCode !== null) return;
    // Waiting for 'exit' also reaps it: a zombie pid would still look alive to the recovery.
    await new Promise<void>((res) => {
      hijo.once('exit', () => res());
      hijo.kill('SIGKILL');
    });
  }

  async detener(): Promise<void> {
    const hijo = this.hijo;
    if (!hijo || hijo.exitCode !== null || hijo.signalCode !== null) return;
    await new Promise<void>((res) => {
      hijo.once('exit', () => res());
      hijo.kill('SIGTERM');
      setTimeout(() => hijo.kill('SIGKILL'), 5000).unref();
    });
  }

  registro(): string {
    return this.salida;
  }

  async pedir(metodo: string, ruta: string, token?: string, body?: unknown): Promise<Respuesta> {
    const r = await fetch(`http://127.0.0.1:${this.port}${ruta}`, {
      method: metodo,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const texto = await r.text();
    const contentType = r.headers.get('content-type') ?? undefined;
    const cuerpo = JSON.parse(texto) as Respuesta['body'];
    // This server's own /docs-json: the child runs the same code the clients talk to.
    const cabeceras = Object.fromEntries(r.headers.entries());
    this.contrato?.validar({
      metodo,
      url: ruta,
      status: r.status,
      contentType,
      cuerpo,
      texto,
      cabeceras,
    });
    return { status: r.status, body: cuerpo };
  }

  async tokenAdmin(): Promise<string> {
    const r = await this.pedir('POST', '/auth/login', undefined, {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
    });
    if (r.status !== 200) throw new Error(`login: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.accessToken as string;
  }

  /** As crearResidenteActivo (support/auth-helpers), through this server: the resident's id and token. */
  async residenteActivo(
    tokenAdmin: string,
    over: Record<string, unknown> = {},
  ): Promise<{ id: string; token: string }> {
    const r = await this.pedir('POST', '/residentes', tokenAdmin, residenteBody(over));
    if (r.status !== 201) throw new Error(`crear residente: ${r.status} ${JSON.stringify(r.body)}`);
    const activacion = r.body.activacion as { token: string };
    const act = await this.pedir('POST', '/auth/activar', undefined, {
      token: activacion.token,
      password: PASSWORD_RESIDENTE,
    });
    if (act.status !== 200) throw new Error(`activar: ${act.status} ${JSON.stringify(act.body)}`);
    return { id: r.body.id as string, token: act.body.accessToken as string };
  }
}
