import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network a client address stands for in login throttling. An IPv4 address is itself; an IPv6
 * client usually holds a whole /64 (one home or office), so counting its single addresses would
 * let it rotate through 2^64 of them: it is counted by its first four groups. IPv4-mapped IPv6
 * (`::ffff:192.0.2.1`, what a dual-stack socket reports) is the IPv4 address.
 */
export function claveDeRed(ip: string): string {
  const sinZona = ip.split('%')[0].toLowerCase();
  const mapeada = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(sinZona);
  if (mapeada && isIPv4(mapeada[1])) return mapeada[1];
  if (!isIPv6(sinZona)) return sinZona;
  return `${expandirIpv6(sinZona).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, without leading zeros (`::` and an IPv4 tail expanded). */
function expandirIpv6(ip: string): string[] {
  let texto = ip;
  const ipv4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(texto);
  if (ipv4) {
    const [a, b, c, d] = ipv4[1].split('.').map(Number);
    texto =
      texto.slice(0, -ipv4[1].length) +
      `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [cabeza, cola] = texto.split('::');
  const izquierda = cabeza ? cabeza.split(':') : [];
  const derecha = cola === undefined ? [] : cola ? cola.split(':') : [];
  const ceros =
    cola === undefined ? [] : new Array<string>(8 - izquierda.length - derecha.length).fill('0');
  return [...izquierda, ...ceros, ...derecha].map((g) => parseInt(g, 16).toString(16));
}
