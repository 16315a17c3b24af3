import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { databaseConfig } from '../config/database.config';
import { SondaBd } from './sonda-bd.service';

@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: ConfigType<typeof databaseConfig>) => {
        if (!db.uri) {
          throw new Error(
            'MONGODB_URI no está definido y no se inició una base embebida (ver main.ts).',
          );
        }
        return {
          uri: db.uri,
          dbName: db.dbName,
          serverSelectionTimeoutMS: db.serverSelectionTimeoutMs,
          // Without buffering, an outage surfaces as a driver error after the selection timeout,
          // which the error filter turns into a 503 instead of a request that hangs.
          bufferCommands: false,
          // A server that accepts connections but stalls (frozen, partitioned) must not hold a
          // request either: every operation gets this client-side limit, and the driver sends it
          // as maxTimeMS too. The draw's bulk commands override it per operation (limites-bd.ts).
          timeoutMS: db.operacionTimeoutMs,
          autoIndex: true,
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
  ],
  providers: [SondaBd],
  exports: [SondaBd],
})
export class DatabaseModule {}
