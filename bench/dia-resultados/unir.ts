import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from '../lib/results';
import { markdown } from './report';
import { Parametros, ResultadoVariante } from './types';

interface Raw {
  machine: Parameters<typeof markdown>[0];
  loadAvgEnd: number;
  params: Parametros;
  results: ResultadoVariante[];
}

/**
 * One report from several raw files (`results/raw/dia-resultados-*.json`, given in order), for a
 * run made in parts (say, one database per process): machine and parameters of the first, every
 * part's results, and each part's own parameters and load averages listed.
 */
function main(): void {
  const partes = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')) as Raw);
  if (partes.length === 0) throw new Error('usage: unir.ts raw1.json raw2.json ...');
  const [primera] = partes;
  const texto = markdown(
    primera.machine,
    partes[partes.length - 1].loadAvgEnd,
    primera.params,
    partes.flatMap((p) => p.results),
  );
  const notas = partes.map(
    (p) =>
      `- Part started ${p.machine.date} (load average ${p.machine.loadAvg1m} at start, ${p.loadAvgEnd} at end), commit ${p.machine.commit}: ${[...new Set(p.results.map((r) => `${r.db} ${r.variante}`))].join(', ')}; cap ${p.params.TOPE_SEG} s, admin requests ${p.params.ADMIN_PETICIONES} per page`,
  );
  const [cabeza, ...resto] = texto.split('\n\nEach resident');
  writeFileSync(
    join(RESULTS_DIR, 'dia-resultados.md'),
    [
      cabeza,
      '',
      'This run was made in parts:',
      '',
      ...notas,
      '',
      `Each resident${resto.join('')}`,
    ].join('\n'),
  );
}

main();
