/** User text inside a $regex must match literally: `.*` finds the characters ".*". */
export function escaparRegex(texto: string): string {
  return texto.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
