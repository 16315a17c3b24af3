import { Rol } from 'src/core/auth/roles';

/** What an access token says. `typ` keeps refresh material from ever passing as an access token. */
export interface AccessPayload {
  sub: string;
  sid: string;
  rol: Rol;
  rid: string | null;
  typ: 'access';
}
