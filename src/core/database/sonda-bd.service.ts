import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

const PING_TIMEOUT_MS = 2000;

/** Whether the database answers now: what /health reports. */
@Injectable()
export class SondaBd {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  /** A real round trip, bounded in time: readyState alone stays "connected" for a while after an outage. */
  async responde(): Promise<boolean> {
    const db = this.connection.db;
    if (!db) return false;
    let timer: NodeJS.Timeout | undefined;
    const limite = new Promise<boolean>((res) => {
      timer = setTimeout(() => res(false), PING_TIMEOUT_MS);
    });
    try {
      return await Promise.race([
        // Its own driver limit too, so a ping to a stalled server does not outlive the answer.
        db.command({ ping: 1 }, { timeoutMS: PING_TIMEOUT_MS }).then(
          () => true,
          () => false,
        ),
        limite,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
