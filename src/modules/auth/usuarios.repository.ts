import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { Rol } from 'src/core/auth/roles';
import { BaseRepository, Registro } from 'src/shared/repository/base.repository';
import { EstadoCuenta, Usuario } from './schemas/usuario.schema';

export interface UsuarioEntidad {
  id: string;
  email: string;
  rol: Rol;
  residenteId: string | null;
  estado: EstadoCuenta;
  passwordHash: string | null;
  activacionHash: string | null;
  activacionExpira: Date | null;
}

export interface NuevoUsuario {
  email: string;
  rol: Rol;
  residenteId: string | null;
  estado: EstadoCuenta;
  passwordHash: string | null;
}

@Injectable()
export class UsuariosRepository extends BaseRepository<Usuario, UsuarioEntidad> {
  constructor(@InjectModel(Usuario.name) model: Model<Usuario>) {
    super(model);
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
    };
  }

  /** Null when the email is taken (unique index). */
  crear(u: NuevoUsuario): Promise<UsuarioEntidad | null> {
    return this.insertar({
      ...u,
      residenteId: u.residenteId ? new Types.ObjectId(u.residenteId) : null,
    });
  }

  buscarPorEmail(email: string): Promise<UsuarioEntidad | null> {
    return this.buscarUno({ email });
  }

  buscarPorResidente(residenteId: string): Promise<UsuarioEntidad | null> {
    return this.buscarUno({ residenteId: new Types.ObjectId(residenteId) });
  }

  buscarPorActivacion(activacionHash: string): Promise<UsuarioEntidad | null> {
    return this.buscarUno({ activacionHash });
  }

  /**
   * Activation's write, refused when the account was disabled meanwhile. MongoDB decides the
   * filter atomically; on FerretDB the caller re-reads afterwards (see AuthService.activar).
   */
  async activar(id: string, passwordHash: string): Promise<boolean> {
    const r = await this.model
      .updateOne(
        { _id: new Types.ObjectId(id), estado: { $ne: 'deshabilitada' } },
        { $set: { passwordHash, estado: 'activa', activacionHash: null, activacionExpira: null } },
      )
      .exec();
    return r.matchedCount === 1;
  }

  async eliminarDeResidente(residenteId: string): Promise<void> {
    await this.model.deleteOne({ residenteId: new Types.ObjectId(residenteId) }).exec();
  }

  /** Plain writes by `_id`: each follows a decision already won (a claim) or is idempotent. */
  async actualizar(
    id: string,
    cambios: Partial<Omit<UsuarioEntidad, 'id' | 'residenteId' | 'rol'>>,
  ): Promise<void> {
    await this.model.updateOne({ _id: new Types.ObjectId(id) }, { $set: cambios }).exec();
  }
}
