/**
 * Import circles anywhere in the repository (type-only imports count: they tie two files as
 * tightly). Layering and where Mongoose may be imported are ESLint's rules (eslint.config.mjs).
 */
module.exports = {
  forbidden: [
    {
      name: 'sin-circulos',
      severity: 'error',
      comment: 'Dos archivos que se importan mutuamente (directa o indirectamente).',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist|coverage|data|\\.cache)/' },
  },
};
