import { escribirActa } from 'src/modules/sorteo/acta/acta-pdf';
import { datosVector, participantesVector } from 'src/modules/sorteo/acta/acta-prueba';
import type { ParticipanteGuardado } from 'src/modules/sorteo/resultado.entity';
(async () => {
  const n = Number(process.argv[2]);
  const base = participantesVector()[1];
  const muchos: ParticipanteGuardado[] = Array.from({ length: n }, (_, i) => ({
    ...base, solicitudId: String(i), unidad: { torre: `T${i % 20}`, apartamento: String(100 + Math.floor(i / 20)) },
    tipoVehiculo: i % 4 === 0 ? 'moto' : 'carro', resultado: i % 3 ? 'no_asignada' : 'asignada', parqueadero: i % 3 ? null : `C-${i}`, posicionEspera: i % 3 ? i : null,
  }));
  const d = await datosVector({}, muchos);
  const t0 = Date.now(); let bytes = 0; let maxLag = 0; let last = Date.now();
  const iv = setInterval(() => { const now = Date.now(); const lag = now - last - 10; if (lag > 100) console.log("lag", lag, "at", now - t0); maxLag = Math.max(maxLag, lag); last = now; }, 10);
  const rss0 = process.memoryUsage().rss;
  let peak = 0;
  for await (const c of escribirActa(d)) { bytes += (c as Buffer).length; peak = Math.max(peak, process.memoryUsage().rss); }
  clearInterval(iv);
  console.log({ n, ms: Date.now() - t0, mb: (bytes / 1e6).toFixed(1), rss0: (rss0/1e6).toFixed(0), peakRss: (peak / 1e6).toFixed(0), maxLagMs: maxLag });
})();
