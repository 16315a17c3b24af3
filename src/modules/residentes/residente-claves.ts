/** Keys of the claims that make documento and email unique among residents. */
export const claveDocumento = (tipo: string, numero: string): string =>
  `residente:documento:${tipo}:${numero}`;
export const claveEmail = (email: string): string => `residente:email:${email}`;
