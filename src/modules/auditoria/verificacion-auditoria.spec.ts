import { HASH_INICIAL, hashDeEntrada } from './canonico';
import type { EntradaAuditoria } from './entrada-auditoria';
import { verificarCadena } from './verificacion-auditoria';

function cadena(n: number): EntradaAuditoria[] {
  const out: EntradaAuditoria[] = [];
  let previo = HASH_INICIAL;
  for (let i = 1; i <= n; i++) {
    const base = {
      n: i,
      fecha: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      actor: { id: 'a', rol: 'admin' },
      accion: 'residente.modificado',
      recurso: { tipo: 'residente', id: `r${i}` },
      cambios: { alDia: { antes: true, despues: false } },
      hashPrevio: previo,
    };
    const e = { ...base, hash: hashDeEntrada(base) };
    previo = e.hash;
    out.push(e);
  }
  return out;
}

async function* de(lista: EntradaAuditoria[]) {
  for (const e of lista) yield e;
}

describe('verificarCadena', () => {
  it('accepts a whole chain read in any order', async () => {
    const lista = cadena(5).reverse();
    expect(await verificarCadena(de(lista))).toEqual({
      valido: true,
      entradas: 5,
      primerError: null,
    });
  });

  it('names an edited entry by its n', async () => {
    const lista = cadena(5);
    lista[2] = { ...lista[2], cambios: { alDia: { antes: true, despues: true } } };
    expect((await verificarCadena(de(lista))).primerError?.n).toBe(3);
  });

  it('names the missing n of a deleted entry, also the first one', async () => {
    const lista = cadena(5);
    expect((await verificarCadena(de(lista.filter((e) => e.n !== 4)))).primerError?.n).toBe(4);
    expect((await verificarCadena(de(lista.slice(1)))).primerError?.n).toBe(1);
  });

  it('catches an entry re-hashed after an edit by its broken link', async () => {
    const lista = cadena(5);
    const editada = { ...lista[1], cambios: {} };
    lista[1] = { ...editada, hash: hashDeEntrada(editada) };
    expect((await verificarCadena(de(lista))).primerError).toEqual({
      n: 3,
      motivo: 'hashPrevio no coincide con el hash de la entrada anterior.',
    });
  });
});
