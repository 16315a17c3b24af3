export default async function globalTeardown(): Promise<void> {
  await globalThis.__PARKNET_DB_STOP__?.();
}
