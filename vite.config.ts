import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

type Manifest = Exclude<ManifestV3Export, Promise<unknown> | ((...args: never[]) => unknown)>;
type Target = 'chrome' | 'firefox';

const GECKO_ID = 'faultline@faultline.dev';

/**
 * The Firefox flavour of the one manifest.json: Firefox runs MV3 backgrounds as event pages
 * (`scripts`, no `service_worker`), needs a gecko id to keep storage and the extension id stable,
 * and asks every add-on to declare what data it collects (Faultline: none), which Firefox reads
 * from version 140 on desktop and 142 on Android: 142 keeps `web-ext lint` free of warnings.
 */
function firefoxManifest(chrome: Manifest): Manifest {
  const { background, ...rest } = chrome;
  const worker = background !== undefined && 'service_worker' in background ? background.service_worker : undefined;
  return {
    ...rest,
    ...(worker === undefined ? {} : { background: { scripts: [worker], type: 'module' as const } }),
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    },
  };
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Prints, per page (devtools, panel, popup), the gzip size of everything that page loads: its entry
 * chunk, the chunks it imports statically and their CSS. Vite lists files; budgets are per page.
 */
function entrySizes(target: Target): Plugin {
  return {
    name: 'faultline:entry-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const gzipped = new Map<string, number>();
      const sizeOf = (fileName: string): number => {
        let size = gzipped.get(fileName);
        if (size === undefined) {
          const output = bundle[fileName];
          const source = output === undefined ? '' : output.type === 'chunk' ? output.code : output.source;
          size = gzipSync(source).length;
          gzipped.set(fileName, size);
        }
        return size;
      };
      const lines: string[] = [];
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
        const total = [...files].reduce((sum, file) => sum + sizeOf(file), 0);
        const page = output.facadeModuleId.split('/').pop() ?? output.name;
        lines.push(`  ${page.padEnd(14)} ${formatKb(total).padStart(9)} gzip  (${files.size} file${files.size === 1 ? '' : 's'})`);
      }
      console.log(`\nFaultline ${target}: size per page\n${lines.sort().join('\n')}\n`);
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
