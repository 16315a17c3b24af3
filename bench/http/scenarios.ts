import type autocannon from 'autocannon';
import { placa } from '../lib/seed-data';
import { PostIdentity } from '../lib/seed';

export interface Scenario {
  name: string;
  connections: number;
  durationSec: number;
  requests: () => autocannon.Request[];
}

const JSON_HEADERS = { 'content-type': 'application/json' };

export function listScenario(
  adminToken: string,
  connections: number,
  durationSec: number,
): Scenario {
  return {
    name: 'GET /solicitudes?limit=20 (admin)',
    connections,
    durationSec,
    requests: () => [
      {
        method: 'GET',
        path: '/solicitudes?limit=20',
        headers: { authorization: `Bearer ${adminToken}` },
      },
    ],
  };
}

/**
 * An admin paging through a stored draw, `limit` at a time: pages 1 to the last in order, round and
 * round. Each run starts again at page 1, so both servers get the same sequence; a run long enough
 * to pass the last page (232 at the defaults) reads every chunk, the partial last one included.
 */
export function participantesScenario(
  adminToken: string,
  sorteoId: string,
  participantes: number,
  connections: number,
  durationSec: number,
): Scenario {
  const limit = 50;
  const pages = Math.max(1, Math.ceil(participantes / limit));
  const path = `/sorteo/resultados/${sorteoId}/participantes?limit=${limit}`;
  return {
    name: `GET /sorteo/resultados/:id/participantes?limit=${limit} (admin)`,
    connections,
    durationSec,
    requests: () => {
      let next = 0;
      return [
        {
          method: 'GET',
          path,
          headers: { authorization: `Bearer ${adminToken}` },
          setupRequest: (req) => ({ ...req, path: `${path}&page=${(next++ % pages) + 1}` }),
        },
      ];
    },
  };
}

export function loginScenario(
  email: string,
  password: string,
  connections: number,
  durationSec: number,
): Scenario {
  const body = JSON.stringify({ email, password });
  return {
    name: 'POST /auth/login',
    connections,
    durationSec,
    requests: () => [{ method: 'POST', path: '/auth/login', headers: JSON_HEADERS, body }],
  };
}

/**
 * Every request from a different resident: identity k asks for a carro, then (once the pool has
 * gone round once) for a moto. The pool is shared by every run, so no identity is used twice for
 * the same vehicle type; when it runs out, requests get a 409 and show up as non-2xx.
 */
export function postScenario(
  pool: PostIdentity[],
  connections: number,
  durationSec: number,
): Scenario {
  let next = 0;
  return {
    name: 'POST /solicitudes (distinct residents)',
    connections,
    durationSec,
    requests: () => [
      {
        method: 'POST',
        path: '/solicitudes',
        setupRequest: (req) => {
          const k = next++;
          const id = pool[k % pool.length];
          const tipo = k < pool.length ? 'carro' : 'moto';
          return {
            ...req,
            headers: { ...JSON_HEADERS, authorization: `Bearer ${id.token}` },
            body: JSON.stringify({ vehiculo: { placa: placa(id.plateIndex, tipo), tipo } }),
          };
        },
      },
    ],
  };
}
