import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

type Manifest = Exclude<ManifestV3Export, Promise<unknown> | ((...args: never[]) => unknown)>;
type Target = 'chrome' | 'firefox';

const GECKO_ID = 'faultline@faultline.dev';

/** crxjs's manifest type predates `gecko_android`, where Firefox for Android takes its own minimum. */
type FirefoxSettings = NonNullable<Manifest['browser_specific_settings']> & { readonly gecko_android: { readonly strict_min_version: string } };

/**
 * The Firefox flavour of the one manifest.json: Firefox runs MV3 backgrounds as event pages
 * (`scripts`, no `service_worker`), needs a gecko id to keep storage and the extension id stable,
 * and asks every add-on to declare what data it collects (Faultline: none). Firefox reads that
 * declaration from 140 on desktop (the ESR the oldest supported users run) and from 142 on Android,
 * so those are the minimums: lower ones draw addons-linter warnings, higher ones lock ESR 140 out.
 */
function firefoxManifest(chrome: Manifest): Manifest {
  const { background, ...rest } = chrome;
  const worker = background !== undefined && 'service_worker' in background ? background.service_worker : undefined;
  const firefoxSettings: FirefoxSettings = {
    gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    gecko_android: { strict_min_version: '142.0' },
  };
  return {
    ...rest,
    ...(worker === undefined ? {} : { background: { scripts: [worker], type: 'module' as const } }),
    browser_specific_settings: firefoxSettings,
  };
}

// ---- Extension-page rewrites of third-party code (keeps `web-ext lint` clean) --------------------

interface Rewrite {
  /** The module, by the end of its resolved path. */
  readonly module: string;
  /** The code to replace; it must occur exactly once. */
  readonly find: RegExp;
  readonly replace: string;
  readonly why: string;
}

/**
 * Third-party code Faultline never runs in an extension page, which addons-linter (what `web-ext lint`
 * and AMO's review run) reports as UNSAFE_VAR_ASSIGNMENT. The linter has no per-line suppression and
 * would otherwise need to be silenced globally. (zod/mini, which the engine worker bundles, needs no
 * rewrite: only zod's chained API probes `new Function`, to compile object parsers.)
 */
const EXTENSION_PAGE_REWRITES: readonly Rewrite[] = [
  {
    module: '/node_modules/preact/dist/preact.module.js',
    find: /\b(\w+)\.innerHTML=(\w+)\.__html\b/,
    replace: '$1.textContent=$2.__html',
    why:
      "Preact's only innerHTML write implements dangerouslySetInnerHTML, which Faultline never uses (response data " +
      'is rendered as text only): a textContent write keeps even a future use from injecting markup.',
  },
];

/**
 * Applies EXTENSION_PAGE_REWRITES, failing the build when a rewrite no longer matches exactly once
 * (a dependency update): the code must then be looked at again, not silently left in.
 */
function extensionPageRewrites(): Plugin {
  return {
    name: 'faultline:extension-page-rewrites',
    apply: 'build',
    transform(code, id) {
      const path = id.split('?')[0] ?? id;
      const rewrite = EXTENSION_PAGE_REWRITES.find((candidate) => path.endsWith(candidate.module));
      if (rewrite === undefined) return null;
      const matches = code.match(new RegExp(rewrite.find.source, 'g'))?.length ?? 0;
      if (matches !== 1) {
        this.error(`${rewrite.module}: expected the code to rewrite once, found it ${matches} times (${rewrite.why})`);
      }
      return { code: code.replace(rewrite.find, rewrite.replace), map: null };
    },
  };
}

// ---- end of extension-page rewrites ----------------------------------------------------------

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Gzip budgets of the pages that must open fast: everything a page loads before it can render. The
 * decoding engine runs in a worker the page starts (src/ui/engine): it is reported, not capped.
 */
const PAGE_BUDGETS: Readonly<Record<string, number>> = { 'panel.html': 60 * 1024, 'popup.html': 40 * 1024 };

/**
 * Prints, per page (devtools, panel, popup), the gzip size of everything that page loads: its entry
 * chunk, the chunks it imports statically and their CSS; and apart, the workers it starts. Vite lists
 * files; budgets are per page, and a page over its budget fails the build.
 */
function entrySizes(target: Target): Plugin {
  return {
    name: 'faultline:entry-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const gzipped = new Map<string, number>();
      const sourceOf = (fileName: string): string | Uint8Array => {
        const output = bundle[fileName];
        return output === undefined ? '' : output.type === 'chunk' ? output.code : output.source;
      };
      const sizeOf = (fileName: string): number => {
        let size = gzipped.get(fileName);
        if (size === undefined) {
          size = gzipSync(sourceOf(fileName)).length;
          gzipped.set(fileName, size);
        }
        return size;
      };
      const sumOf = (files: Iterable<string>): number => [...files].reduce((sum, file) => sum + sizeOf(file), 0);
      const lines: string[] = [];
      const overBudget: string[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || !output.isEntry || output.facadeModuleId?.endsWith('.html') !== true) continue;
        const files = new Set<string>();
        const visit = (fileName: string): void => {
          if (files.has(fileName)) return;
          files.add(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type !== 'chunk') return;
          chunk.imports.forEach(visit);
          chunk.viteMetadata?.importedCss.forEach((css) => files.add(css));
        };
        visit(output.fileName);
        // A worker is emitted as a file of its own, which the page's code names in `new Worker(new URL(…))`.
        const code = [...files].map((file) => sourceOf(file)).filter((source) => typeof source === 'string');
        const workers = Object.keys(bundle).filter((file) => file.endsWith('.js') && !files.has(file) && code.some((source) => source.includes(file)));
        const total = sumOf(files);
        const page = output.facadeModuleId.split('/').pop() ?? output.name;
        const budget = PAGE_BUDGETS[page];
        const worker = workers.length === 0 ? '' : `  + worker ${formatKb(sumOf(workers))} gzip (${workers.join(', ')})`;
        const cap = budget === undefined ? '' : `  [budget ${formatKb(budget)}]`;
        lines.push(`  ${page.padEnd(14)} ${formatKb(total).padStart(9)} gzip  (${files.size} file${files.size === 1 ? '' : 's'})${cap}${worker}`);
        if (budget !== undefined && total > budget) overBudget.push(`${page} loads ${formatKb(total)} gzip, over its ${formatKb(budget)} budget`);
      }
      console.log(`\nFaultline ${target}: size per page\n${lines.sort().join('\n')}\n`);
      if (overBudget.length > 0) {
        this.error(`${overBudget.join('; ')}. Keep the decoding engine in its worker (src/ui/engine), out of the page's imports.`);
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode !== 'chrome' && mode !== 'firefox') {
    throw new Error(`Build the extension with --mode chrome or --mode firefox (got "${mode}").`);
  }
  const target: Target = mode;
  const root = fileURLToPath(new URL('./extension/', import.meta.url));
  return {
    root,
    publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
    plugins: [
      preact(),
      crx({ manifest: target === 'firefox' ? firefoxManifest(manifest) : manifest, browser: target }),
      extensionPageRewrites(),
      entrySizes(target),
    ],
    build: {
      outDir: fileURLToPath(new URL(`./dist/${target}/`, import.meta.url)),
      emptyOutDir: true,
      target: 'es2022',
      // Extension pages run in current browsers only: no modulepreload polyfill needed.
      modulePreload: { polyfill: false },
      // The panel page is opened by devtools.panels.create(), not named in the manifest.
      rollupOptions: { input: { panel: `${root}panel.html` } },
    },
  };
});
