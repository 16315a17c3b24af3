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
          // A server that accepts connections but stalls must not hold a request forever either;
          // generous, because one bulk command of a large draw can run for tens of seconds on FerretDB.
          socketTimeoutMS: 180_000,
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
