/**
 * The straightforward weighted draw without replacement: spin a roulette wheel over the remaining
 * participants (sum the weights, walk them until the cumulative weight passes the spin), take the
 * winner out, repeat. Each spin is O(n), so ranking everyone is O(n²).
 */
export function rouletteRanking(pesos: readonly number[], random: () => number): number[] {
  const left = pesos.map((_, i) => i);
  const weights = [...pesos];
  const ranking: number[] = [];
  for (let k = 0; k < pesos.length; k++) {
    let total = 0;
    for (const w of weights) total += w;
    const spin = random() * total;
    let acc = 0;
    let j = 0;
    for (; j < weights.length - 1; j++) {
      acc += weights[j];
      if (spin < acc) break;
    }
    ranking.push(left[j]);
    left.splice(j, 1);
    weights.splice(j, 1);
  }
  return ranking;
}
