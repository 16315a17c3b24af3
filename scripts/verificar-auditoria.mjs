#!/usr/bin/env node
// Verifica el registro de auditoría de ParkNet sin confiar en el servidor: solo Node y SHA-256.
//
//   node verificar-auditoria.mjs auditoria.json
//   node verificar-auditoria.mjs --url https://parknet.conjunto.co --token <accessToken> [--guardar auditoria.json]
//
// auditoria.json: las entradas (un arreglo, o páginas `{data: [...]}` de GET /auditoria, o una
// entrada JSON por línea), en cualquier orden. Con --url el script lee el registro completo por
// páginas de GET /auditoria (admin o revisor) y, con --guardar, deja la copia que se firma o archiva.
// Comprueba, en orden de n: que no falte ninguna n desde 1 (una entrada borrada), que cada hash sea
// el SHA-256 del JSON canónico de la entrada sin `hash` (claves ordenadas, sin espacios: una entrada
// editada) y que cada hashPrevio sea el hash de la anterior (64 ceros en la primera).
// Imprime el número de entradas y el hash de la última: anótelo (en el acta, en un correo a la
// junta). Una copia posterior debe contener esa misma entrada con ese mismo hash; si no, el
// registro se reescribió desde ahí.
// Sale con 0 si la cadena es válida y con 1 en cualquier otro caso.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const CEROS = '0'.repeat(64);

export function jsonCanonico(valor) {
  if (valor === null || typeof valor !== 'object') return JSON.stringify(valor ?? null);
  if (Array.isArray(valor)) return `[${valor.map((v) => jsonCanonico(v ?? null)).join(',')}]`;
  const claves = Object.keys(valor)
    .filter((k) => valor[k] !== undefined)
    .sort();
  return `{${claves.map((k) => `${JSON.stringify(k)}:${jsonCanonico(valor[k])}`).join(',')}}`;
}

export function hashDe(entrada) {
  const { hash: _hash, ...sinHash } = entrada;
  return createHash('sha256').update(jsonCanonico(sinHash), 'utf8').digest('hex');
}

/** {valido, entradas, primerError: null | {n, motivo}, ultimo: {n, hash} | null} */
export function verificar(lista) {
  const ordenadas = [...lista].sort((a, b) => a.n - b.n);
  let previo = { n: 0, hash: CEROS };
  const error = (n, motivo) => ({
    valido: false,
    entradas: ordenadas.length,
    primerError: { n, motivo },
    ultimo: null,
  });
  for (const e of ordenadas) {
    if (!Number.isSafeInteger(e.n) || e.n <= previo.n)
      return error(previo.n + 1, 'Número de entrada repetido o inválido.');
    if (e.n !== previo.n + 1)
      return error(previo.n + 1, `Falta la entrada ${previo.n + 1}: la cadena salta a la ${e.n}.`);
    if (hashDe(e) !== e.hash)
      return error(e.n, 'El hash no corresponde al contenido de la entrada: fue modificada.');
    if (e.hashPrevio !== previo.hash)
      return error(e.n, 'hashPrevio no coincide con el hash de la entrada anterior.');
    previo = e;
  }
  const ultimo = ordenadas.length ? { n: previo.n, hash: previo.hash } : null;
  return { valido: true, entradas: ordenadas.length, primerError: null, ultimo };
}

function leerArchivo(ruta) {
  const texto = readFileSync(ruta, 'utf8').replace(/^\uFEFF/, '');
  let datos;
  try {
    datos = JSON.parse(texto);
  } catch {
    datos = texto
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l));
  }
  const paginas = Array.isArray(datos) ? datos : [datos];
  return paginas.flatMap((p) => (p && Array.isArray(p.data) ? p.data : [p]));
}

/**
 * Newest first and appended only at the top: an entry written while paging pushes the rest one
 * place down, so a page may repeat an entry (kept once, by n) but never skips one.
 */
async function descargar(url, token) {
  const porN = new Map();
  for (let page = 1; ; page++) {
    const r = await fetch(`${url.replace(/\/$/, '')}/auditoria?limit=100&page=${page}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (r.status !== 200)
      throw new Error(`GET /auditoria página ${page}: ${r.status} ${await r.text()}`);
    const { data } = await r.json();
    if (data.length === 0) break;
    for (const e of data) porN.set(e.n, e);
  }
  return [...porN.values()].sort((a, b) => a.n - b.n);
}

async function principal(args) {
  const opcion = (nombre) => {
    const i = args.indexOf(nombre);
    return i >= 0 ? args[i + 1] : undefined;
  };
  let lista;
  if (opcion('--url')) {
    if (!opcion('--token')) throw new Error('Falta --token (de un admin o un revisor).');
    lista = await descargar(opcion('--url'), opcion('--token'));
    if (opcion('--guardar')) writeFileSync(opcion('--guardar'), JSON.stringify(lista, null, 1));
  } else if (args[0]) {
    lista = leerArchivo(args[0]);
  } else {
    console.error(
      'Uso: node verificar-auditoria.mjs auditoria.json | --url URL --token TOKEN [--guardar archivo]',
    );
    return 2;
  }
  const r = verificar(lista);
  if (r.valido) {
    console.log(`Cadena válida: ${r.entradas} entradas.`);
    if (r.ultimo) console.log(`Última entrada: n=${r.ultimo.n} hash=${r.ultimo.hash}`);
    return 0;
  }
  console.log(`Cadena NO válida (${r.entradas} entradas leídas).`);
  console.log(`Primer error en la entrada ${r.primerError.n}: ${r.primerError.motivo}`);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  principal(process.argv.slice(2)).then(
    (codigo) => process.exit(codigo),
    (err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}
