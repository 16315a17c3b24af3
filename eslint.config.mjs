// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * Feature modules from the bottom up: each may import those before it, never one after it. core and
 * shared sit below every feature and import none.
 */
const MODULOS = [
  'auditoria',
  'auth',
  'parqueaderos',
  'config-prioridad',
  'residentes',
  'solicitudes',
  'sorteo',
];

/** Only persistence code speaks Mongoose or the driver: repositories, schemas, core/database. */
const PERSISTENCIA = [
  'src/**/*.repository.ts',
  'src/**/schemas/**/*.ts',
  'src/core/database/**/*.ts',
  'src/shared/repository/**/*.ts',
];
const SIN_MONGO = {
  paths: [
    { name: 'mongoose', message: 'Mongoose solo en repositorios, schemas y src/core/database.' },
    { name: 'mongodb', message: 'El driver solo en repositorios, schemas y src/core/database.' },
  ],
  patterns: [{ group: ['mongoose/*', 'mongodb/*'], message: 'Solo en la capa de persistencia.' }],
};

const hacia = (modulos, message) =>
  modulos.length === 0
    ? []
    : [
        {
          group: modulos.flatMap((m) => [`src/modules/${m}/*`, `**/modules/${m}/*`, `../${m}/*`]),
          message,
        },
      ];

/**
 * One `no-restricted-imports` per group of files (a later setting of a rule replaces an earlier
 * one, so each group gets its whole list): the layer rule and the `src/` alias rule everywhere in
 * the group, plus the Mongoose rule outside its persistence files (a nested `files` array means
 * "matches all of these").
 */
function reglasDeCapas() {
  const grupos = [
    // A floor for any file no later group names (a new folder): later groups replace it.
    {
      files: ['src/**/*.ts'],
      patterns: [{ group: ['../../*'], message: "Use el alias 'src/...'." }],
    },
    {
      files: ['src/core/**/*.ts'],
      patterns: hacia(MODULOS, 'core no importa módulos de negocio.'),
    },
    {
      files: ['src/shared/**/*.ts'],
      patterns: [
        ...hacia(MODULOS, 'shared no importa módulos de negocio.'),
        {
          group: ['src/core/*', '**/core/*'],
          message: 'shared está debajo de core: no lo importa.',
        },
      ],
    },
    ...MODULOS.map((m, i) => ({
      files: [`src/modules/${m}/**/*.ts`],
      patterns: [
        ...hacia(
          MODULOS.slice(i + 1),
          `${m} no importa módulos de una capa superior (${MODULOS.join(' < ')}).`,
        ),
        { group: ['../../*'], message: "Use el alias 'src/...'." },
      ],
    })),
    { files: ['src/*.ts'], patterns: [] },
  ];
  const regla = (paths, patterns) => ({
    'no-restricted-imports': ['error', { paths, patterns }],
  });
  return grupos.flatMap(({ files, patterns }) => [
    {
      files,
      ignores: PERSISTENCIA,
      rules: regla(SIN_MONGO.paths, [...patterns, ...SIN_MONGO.patterns]),
    },
    {
      files: files.flatMap((f) => PERSISTENCIA.map((p) => [f, p])),
      rules: regla([], patterns),
    },
  ]);
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      '.cache/**',
      'scripts/*.mjs',
      'test/cliente/api.d.ts',
      'eslint.config.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
    },
  },
  ...reglasDeCapas(),
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
);
