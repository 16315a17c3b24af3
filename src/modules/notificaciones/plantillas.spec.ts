import * as p from './plantillas';

describe('plantillas', () => {
  it('escapes user data in HTML and keeps it verbatim in the text', () => {
    const m = p.solicitudRechazada({
      nombre: '<script>alert(1)</script> & "Ana"',
      placa: 'ABC123',
      motivo: "<img src=x onerror='x'>",
    });
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<img');
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ana&quot;');
    expect(m.html).toContain('&lt;img src=x onerror=&#39;x&#39;&gt;');
    expect(m.texto).toContain('<script>alert(1)</script> & "Ana"');
    expect(m.asunto).toBe('Su solicitud de parqueadero fue rechazada');
  });

  it('puts the activation link in both bodies, escaped in the HTML attribute', () => {
    const enlace = 'https://parknet.example/activar?token=abc"def&x=1';
    const m = p.activacion({ nombre: 'Ana', enlace, expiraEn: new Date('2026-03-01T10:00:00Z') });
    expect(m.texto).toContain(enlace);
    expect(m.html).toContain('href="https://parknet.example/activar?token=abc&quot;def&amp;x=1"');
    expect(m.texto).toContain('2026-03-01 10:00 UTC');
  });

  it("tells a draw's participant their own outcome in each of the three cases", () => {
    const base = { nombre: 'Ana', sorteo: 'Sorteo 2026', placa: 'ABC123' };
    const gano = p.resultadoSorteo({ ...base, parqueadero: 'S1-004', posicionEspera: null });
    const espera = p.resultadoSorteo({ ...base, parqueadero: null, posicionEspera: 3 });
    const nada = p.resultadoSorteo({ ...base, parqueadero: null, posicionEspera: null });
    expect(gano.texto).toContain('Le fue asignado el parqueadero S1-004');
    expect(espera.texto).toContain('lista de espera en la posición 3');
    expect(nada.texto).toContain('No le fue asignado');
    expect(nada.texto).not.toContain('lista de espera');
    for (const m of [gano, espera, nada])
      expect(m.asunto).toBe('Resultado del sorteo "Sorteo 2026"');
  });

  it('has a Spanish subject, a greeting and both bodies for every event', () => {
    const mensajes = [
      p.registroRecibido({ nombre: 'Ana' }),
      p.registroAprobado({ nombre: 'Ana' }),
      p.registroRechazado({ nombre: 'Ana', motivo: null }),
      p.solicitudAprobada({ nombre: 'Ana', placa: 'ABC123' }),
      p.convocatoriaCerrada({
        nombre: 'Ana',
        convocatoria: 'C1',
        insumosHash: 'f'.repeat(64),
        linea: {
          placa: 'ABC123',
          tipoVehiculo: 'carro',
          unidad: { torre: 'A', apartamento: '101' },
          discapacidad: false,
          adultoMayor: true,
          sinAsignacionPrevia: true,
          aniosResidencia: 7,
        },
      }),
      p.promocion({ nombre: 'Ana', placa: 'ABC123', parqueadero: 'M-01' }),
      p.contrasenaCambiada({ nombre: 'Ana', fecha: new Date() }),
    ];
    expect(mensajes).toHaveLength(7);
    for (const m of mensajes) {
      expect(m.texto.startsWith('Hola, Ana:')).toBe(true);
      expect(m.html).toContain('<p>Hola, Ana:</p>');
      expect(m.html).toContain('lang="es"');
      expect(m.asunto.length).toBeGreaterThan(10);
    }
  });

  it("tells a taken address only that an attempt happened, never the attempt's data", () => {
    const enlace = 'https://parknet.test/verificar-correo?token=abc';
    const v = p.verificacionCorreo({ nombre: 'Ana', enlace, expiraEn: new Date() });
    expect(v.texto).toContain(enlace);
    expect(v.html).toContain(`href="${enlace}"`);
    for (const m of [
      p.registroConSuCorreo({ email: 'ana@x.co' }),
      p.registroNoContinuado({ email: 'ana@x.co' }),
    ]) {
      expect(m.texto.startsWith('Hola, ana@x.co:')).toBe(true);
      expect(m.texto).not.toContain('http');
    }
  });
});
