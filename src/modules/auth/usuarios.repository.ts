import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { Rol, ROLES_PERSONAL, RolPersonal } from 'src/core/auth/roles';
import { databaseConfig } from 'src/core/config/database.config';
import { opcionesMasivas, type OpcionesMasivas } from 'src/core/database/limites-bd';
import { ReclamosRepository } from 'src/core/database/reclamos/reclamos.repository';
import { SaneadorReclamos } from 'src/core/database/reclamos/saneador-reclamos.service';
import { Pagina } from 'src/shared/pagination/pagina';
import { indicesDuplicados } from 'src/shared/utils/mongo-errors';
import { BaseRepository, Registro } from 'src/shared/repository/base.repository';
import { EstadoCuenta, Usuario } from './schemas/usuario.schema';

const claveEmail = (email: string): string => `usuario:email:${email}`;

export interface UsuarioEntidad {
  id: string;
  email: string;
  rol: Rol;
  residenteId: string | null;
  estado: EstadoCuenta;
  passwordHash: string | null;
  activacionHash: string | null;
  activacionExpira: Date | null;
  verificacionHash: string | null;
  verificacionExpira: Date | null;
  credencialVersion: number;
  /** Staff accounts only. */
  nombre: string | null;
  createdAt: Date;
}

export interface NuevoUsuario {
  email: string;
  nombre?: string;
  rol: Rol;
  residenteId: string | null;
  estado: EstadoCuenta;
  passwordHash: string | null;
  verificacionHash?: string;
  verificacionExpira?: Date;
}

/** A resident's pending account created in bulk, with the hash of its first activation token. */
export interface CuentaNuevaDeResidente {
  residenteId: string;
  email: string;
  activacionHash?: string;
  activacionExpira?: Date;
}

@Injectable()
export class UsuariosRepository extends BaseRepository<Usuario, UsuarioEntidad> {
  /** For an import's read of every account and its insertMany. */
  private readonly masivas: OpcionesMasivas;

  constructor(
    @InjectModel(Usuario.name) model: Model<Usuario>,
    private readonly reclamos: ReclamosRepository,
    private readonly saneador: SaneadorReclamos,
    @Inject(databaseConfig.KEY) db: ConfigType<typeof databaseConfig>,
  ) {
    super(model);
    this.masivas = opcionesMasivas(db);
  }

  /** Accounts and sessions belong to no resident's data: read by id, for the auth paths. */
  buscarPorId(id: string): Promise<UsuarioEntidad | null> {
    return this.leerPorId(id);
  }

  protected aEntidad(d: Registro<Usuario>): UsuarioEntidad {
    return {
      id: d._id.toHexString(),
      email: d.email,
      rol: d.rol,
      residenteId: d.residenteId ? d.residenteId.toHexString() : null,
      estado: d.estado,
      passwordHash: d.passwordHash ?? null,
      activacionHash: d.activacionHash ?? null,
      activacionExpira: d.activacionExpira ?? null,
      verificacionHash: d.verificacionHash ?? null,
      verificacionExpira: d.verificacionExpira ?? null,
      credencialVersion: d.credencialVersion ?? 0,
      nombre: d.nombre ?? null,
      createdAt: d.createdAt ?? d._id.getTimestamp(),
    };
  }

  /**
   * Null when the email is taken. The email is first claimed (`usuario:email:<email>` owned by the
   * user id): that claim decides uniqueness even when an email later changes (an update's unique
   * violation is not reported as such by FerretDB), and it lets login find the user with two reads
   * by `_id`, the only filter FerretDB on SQLite pushes down.
   */
  async crear(u: NuevoUsuario): Promise<UsuarioEntidad | null> {
    const id = this.nuevoId();
    if (!(await this.reclamarEmail(u.email, id.toHexString()))) return null;
    const creado = await this.insertar({
      ...u,
      _id: id,
      residenteId: u.residenteId ? new Types.ObjectId(u.residenteId) : null,
    });
    if (!creado) await this.reclamos.liberar([claveEmail(u.email)], id.toHexString());
    return creado;
  }

  /**
   * Pending accounts for many residents: their email claims in one unordered insert, then the
   * accounts in one insertMany. Returns the residents whose email claim someone else holds (the
   * caller goes the one-by-one way for those, which heals a claim left by a crash).
   */
  async crearVariosDeResidentes(
    lista: ReadonlyArray<CuentaNuevaDeResidente>,
  ): Promise<{ fallidos: string[]; creadas: Array<{ residenteId: string; usuarioId: string }> }> {
    if (lista.length === 0) return { fallidos: [], creadas: [] };
    const ids = lista.map(() => this.nuevoId());
    const tomadas = await this.reclamos.reclamarVariasIdempotente(
      lista.map((c, i) => [claveEmail(c.email), ids[i].toHexString()]),
    );
    const ahora = new Date();
    const docs = lista.flatMap((c, i) =>
      tomadas.has(claveEmail(c.email))
        ? []
        : [
            {
              _id: ids[i],
              email: c.email,
              rol: 'residente',
              residenteId: new Types.ObjectId(c.residenteId),
              estado: 'pendiente_activacion',
              passwordHash: null,
              nombre: null,
              activacionHash: c.activacionHash ?? null,
              activacionExpira: c.activacionExpira ?? null,
              credencialVersion: 0,
              createdAt: ahora,
              updatedAt: ahora,
            },
          ],
    );
    const fallidos = new Set(lista.filter((c) => tomadas.has(claveEmail(c.email))));
    try {
      if (docs.length > 0)
        await this.model.collection.insertMany(docs, { ordered: false, ...this.masivas });
    } catch (err) {
      // An account stored without its claim (before claims existed) still holds the email.
      const perdidos = indicesDuplicados(err);
      if (perdidos === null) throw err;
      for (const i of perdidos) {
        const c = lista.find((x) => x.email === docs[i].email);
        if (!c) continue;
        fallidos.add(c);
        await this.reclamos.liberar([claveEmail(c.email)], docs[i]._id.toHexString());
      }
    }
    const creadas = lista.flatMap((c, i) =>
      fallidos.has(c) ? [] : [{ residenteId: c.residenteId, usuarioId: ids[i].toHexString() }],
    );
    return { fallidos: [...fallidos].map((c) => c.residenteId), creadas };
  }

  /** Every account's email and resident, in one projected pass (an import checks a whole file). */
  async emailsYResidentes(): Promise<Array<{ email: string; residenteId: string | null }>> {
    // The driver's find: the bulk time limit, which a Mongoose query does not pass on.
    const docs = (await this.model.collection
      .find({}, { ...this.masivas, projection: { email: 1, residenteId: 1 } })
      .toArray()) as unknown as Array<Pick<Registro<Usuario>, 'email' | 'residenteId'>>;
    return docs.map((d) => ({
      email: d.email,
      residenteId: d.residenteId ? d.residenteId.toHexString() : null,
    }));
  }

  async buscarPorEmail(email: string): Promise<UsuarioEntidad | null> {
    const dueno = await this.reclamos.dueno(claveEmail(email));
    const u = dueno ? await this.leerPorId(dueno) : null;
    if (u?.email === email) return u;
    // No claim (data written before claims existed, or a crash): the indexed query still answers.
    return this.buscarUno({ email });
  }

  /** Moves the claim with the email: new one first, old one released after the write. */
  async cambiarEmail(id: string, anterior: string, email: string): Promise<boolean> {
    if (!(await this.reclamarEmail(email, id))) return false;
    await this.actualizar(id, { email });
    await this.reclamos.liberar([claveEmail(anterior)], id);
    return true;
  }

  private async reclamarEmail(email: string, id: string): Promise<boolean> {
    const rechazada = await this.saneador.reclamarTodas(
      [claveEmail(email)],
      id,
      async (_c, otro) => {
        const actual = await this.leerPorId(otro);
        return { respaldada: actual?.email === email, cambiadoEn: null };
      },
    );
    return rechazada === null;
  }

  /** Staff accounts (admin, revisor), newest first; `rol` narrows to one of them. */
  listarPersonal(
    rol: RolPersonal | undefined,
    page: number,
    limit: number,
  ): Promise<Pagina<UsuarioEntidad>> {
    return this.paginar({ rol: rol ?? { $in: [...ROLES_PERSONAL] } }, page, limit);
  }

  /**
   * Every admin account, whatever its state (a handful). On FerretDB/SQLite the filter is not
   * pushed down and the collection is scanned: acceptable for the rare removal of an admin.
   */
  async administradores(): Promise<UsuarioEntidad[]> {
    const docs = await this.model.find({ rol: 'admin' }).lean<Registro<Usuario>[]>().exec();
    return docs.map((d) => this.aEntidad(d));
  }

  buscarPorResidente(residenteId: string): Promise<UsuarioEntidad | null> {
    return this.buscarUno({ residenteId: new Types.ObjectId(residenteId) });
  }

  buscarPorActivacion(activacionHash: string): Promise<UsuarioEntidad | null> {
    return this.buscarUno({ activacionHash });
  }

  buscarPorVerificacion(verificacionHash: string): Promise<UsuarioEntidad | null> {
    return this.buscarUno({ verificacionHash });
  }

  async eliminarDeResidente(residenteId: string): Promise<void> {
    const u = await this.buscarPorResidente(residenteId);
    if (!u) return;
    await this.model.deleteOne({ _id: new Types.ObjectId(u.id) }).exec();
    await this.reclamos.liberar([claveEmail(u.email)], u.id);
  }

  /** Plain writes by `_id`: each follows a decision already won (a claim) or is idempotent. */
  async actualizar(
    id: string,
    cambios: Partial<Omit<UsuarioEntidad, 'id' | 'residenteId' | 'rol' | 'createdAt'>>,
  ): Promise<void> {
    await this.model.updateOne({ _id: new Types.ObjectId(id) }, { $set: cambios }).exec();
  }
}
