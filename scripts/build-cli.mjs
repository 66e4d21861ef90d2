// Compiles the `faultline` CLI (src/cli, src/core) into one plain-JS file, so `faultline` starts in
// milliseconds instead of compiling TypeScript on every run (`npm run faultline` and the tests run it). With
// `--package` (the `prepack` script of `npm pack`: not an install script, so installing the tarball runs
// nothing) it also builds the library and its type declarations and prints what the package weighs.
// Everything is bundled: the installed package has no dependencies.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

/**
 * zod's namespace re-exports every translation of its messages (`z.locales`, 40-odd languages, over
 * half of what zod weighs) and esbuild cannot drop a namespace it materializes. Faultline never
 * reads `z.locales` and writes its own messages; the English default zod registers comes from
 * `locales/en.js`, which is left alone.
 */
const withoutZodLocales = {
  name: 'faultline:without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (args.importer.includes('/node_modules/zod/') ? { path: 'zod-locales', namespace: 'faultline-empty' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'faultline-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

await build({
  entryPoints: [`${root}src/cli/main.ts`],
  outfile: `${root}dist/cli/faultline.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [withoutZodLocales],
});

/** The string literals `FamilyId` (src/core/model.ts) resolves to; fails the build if it is anything else. */
async function familyIds() {
  const { default: ts } = await import('typescript');
  const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const model = `${root}src/core/model.ts`;
  const program = ts.createProgram([model], config?.options ?? {});
  const alias = program.getSourceFile(model)?.statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text === 'FamilyId');
  if (alias === undefined) throw new Error('src/core/model.ts declares no FamilyId');
  const type = program.getTypeChecker().getTypeAtLocation(alias.name);
  const members = type.isUnion() ? type.types : [type];
  if (!members.every((t) => t.isStringLiteral())) throw new Error('FamilyId is not a union of string literals: a family lost its literal id');
  return members.map((t) => t.value);
}

if (process.argv.includes('--package')) {
  // The library: `import { analyze, decode, lookup } from 'faultline'` anywhere ES modules run (no Node APIs).
  await build({
    entryPoints: [`${root}src/index.ts`],
    outfile: `${root}dist/lib/index.js`,
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    target: 'es2022',
    // Readable: a stack trace from a user's code lands on names they can search for.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [withoutZodLocales],
  });
  // One self-contained .d.ts: the engine's own types, no import of zod or of files not in the package.
  const { generateDtsBundle } = await import('dts-bundle-generator');
  const bundleDts = (filePath) => generateDtsBundle([{ filePath, output: { noBanner: true, exportReferencedTypes: false } }], { preferredConfigPath: `${root}tsconfig.json` })[0] ?? '';
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  // The sources derive FamilyId from the family registry; the package declares the literal union it resolves to,
  // so a consumer sees the ids, not the registry's internals. A second pass drops what only that derivation used.
  const derived = 'export type FamilyId = RegisteredFamilyId | PipelineFamilyId;';
  const first = bundleDts(`${root}src/index.ts`);
  if (!first.includes(derived)) throw new Error(`the declarations no longer contain "${derived}": update build-cli.mjs`);
  const staging = mkdtempSync(join(tmpdir(), 'faultline-dts-'));
  writeFileSync(join(staging, 'index.d.ts'), first.replace(derived, `export type FamilyId = ${(await familyIds()).map((id) => JSON.stringify(id)).join(' | ')};`));
  const declarations = bundleDts(join(staging, 'index.d.ts'));
  rmSync(staging, { recursive: true, force: true });
  writeFileSync(`${root}dist/lib/index.d.ts`, declarations);

  // What `npm pack` would put in the tarball, measured by npm itself (scripts ignored: this is one of them).
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`faultline package: ${pack.filename} ${kb(pack.size)} packed, ${kb(pack.unpackedSize)} unpacked, ${pack.entryCount} files:`);
  for (const file of pack.files) console.log(`  ${kb(file.size).padStart(10)}  ${file.path}`);
}
