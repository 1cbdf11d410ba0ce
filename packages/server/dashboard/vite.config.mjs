// Builds the dashboard into ../dist/web, shipped with dist/ inside the faultline package (no CDN),
// and then the report front end into ../dist/web-report (report.html, report.js, report.css:
// fixed names, one script and one style sheet, which `faultline report` inlines into its file).
import { URL, fileURLToPath } from 'node:url';
import { build, defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The report's build: one entry, no code splitting, so its files can be inlined whole. */
const reportBuild = {
  configFile: false,
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web-report', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    reportCompressedSize: true,
    rolldownOptions: {
      input: fileURLToPath(new URL('./report.html', import.meta.url)),
      output: {
        entryFileNames: 'report.js',
        assetFileNames: 'report[extname]',
        codeSplitting: false,
      },
    },
  },
};

export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  plugins: [
    {
      name: 'faultline-report-build',
      apply: 'build',
      async closeBundle() {
        await build(reportBuild);
      },
    },
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // No inline <script>: the pages' Content-Security-Policy allows only our own files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
