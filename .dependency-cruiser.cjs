/**
 * The layers of src/, lowest first (docs/architecture.md): a module imports from its own layer or a lower one, never
 * a higher one, and no import cycle exists (type imports included). Checked in CI by test/architecture.test.ts.
 */
const LAYERS = [
  ['foundation', '^src/(vendor|types)/|^src/(paths|version|digest)\\.ts$'],
  ['model', '^src/model/'],
  ['store', '^src/(store|latex|http)/'],
  ['reading', '^src/(conventions|arxiv)/'],
  ['csl', '^src/csl/|^src/pipeline\\.ts$'],
  ['export', '^src/(export|check)/'],
  ['render', '^src/(render|page)/'],
  ['sync', '^src/(hugo|sync|venues|site|sources)/'],
  ['engine', '^src/engine/'],
  ['cli', '^src/cli/'],
  ['api', '^src/index\\.ts$'],
];

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `no-upward-from-${name}`,
  comment: `the ${name} layer imports only from itself and the layers below it`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(i + 1).map(([, p]) => `(${p})`).join('|') },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycles, type imports included',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
  ],
  options: {
    // TypeScript 7 is past what dependency-cruiser 16 (the last for Node 20) parses with tsc: swc reads the sources
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
  },
};
