import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reportHtml, scriptSafeJson } from './report-html.js';

const PAGE = `<!doctype html>
<html><head>
<meta charset="utf-8" />
<script type="module" crossorigin src="./report.js"></script>
<link rel="stylesheet" crossorigin href="./report.css">
</head><body><div id="app"></div>
<!-- faultline report data -->
</body></html>`;

describe('reportHtml', () => {
  it('inlines the script and style sheet, and embeds the data with no "<" left', () => {
    const data = { text: '</script><script>alert(1)</script> $& $1 <!--' };
    const html = reportHtml({ html: PAGE, js: 'console.log("</script>")', css: 'a{b:c}' }, data);
    expect(html).not.toMatch(/src=|href=/);
    expect(html).toContain('<script type="module">console.log("<\\/script>")</script>');
    expect(html).toContain('<style>a{b:c}</style>');
    const json = /id="faultline-report">([^<]*)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(json!)).toEqual(data);
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('pins the inlined script by its hash in a policy that allows no loads', () => {
    const js = 'let a = 1 <!--x;';
    const html = reportHtml({ html: PAGE, js, css: '' }, {});
    const inlined = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(inlined).toBe('let a = 1 \\x3C!--x;');
    const hash = createHash('sha256').update(inlined).digest('base64');
    expect(html).toContain(`default-src 'none'; script-src 'sha256-${hash}';`);
  });

  it('refuses a built page that lacks a part to fill in', () => {
    expect(() => reportHtml({ html: '<html></html>', js: '', css: '' }, {})).toThrow(/no charset/);
  });
});

describe('scriptSafeJson', () => {
  it('escapes every "<" and parses back to the same value', () => {
    const v = { a: '<<>>', b: ['</SCRIPT', '<!--'] };
    expect(scriptSafeJson(v)).not.toContain('<');
    expect(JSON.parse(scriptSafeJson(v))).toEqual(v);
  });
});
