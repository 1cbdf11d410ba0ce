/**
 * The page's only stylesheet, inline so the page is one request and works offline. Colours pass
 * WCAG AA contrast on white (at least 4.5:1); every state is also written in words and drawn with
 * a different bar height, so colour is never the only signal.
 */
export const PAGE_STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;background:#fff;line-height:1.5}
body{margin:0 auto;max-width:60rem;padding:1rem}
h1{font-size:1.75rem;margin:.5rem 0}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
h3{font-size:1.1rem;margin:.25rem 0}
a{color:#0550ae}a:focus-visible{outline:3px solid #0550ae;outline-offset:2px}
.overall{font-weight:600;padding:.5rem .75rem;border-left:.4rem solid}
.overall.none{border-color:#1a7f37}.overall.minor{border-color:#9a6700}.overall.major,.overall.critical{border-color:#cf222e}
ul.components,ol.incidents,ol.updates{list-style:none;padding:0}
ul.components>li{border:1px solid #d0d7de;border-radius:6px;padding:.75rem;margin:.5rem 0}
.state{font-weight:600;margin:0}
.operational{color:#1a7f37}.degraded_performance{color:#9a6700}.partial_outage{color:#bc4c00}.major_outage{color:#cf222e}
ol.bars{display:flex;gap:1px;align-items:flex-end;height:2rem;list-style:none;padding:0;margin:.25rem 0}
ol.bars li{flex:1;min-width:2px}
.day-operational{height:40%;background:#1a7f37}.day-degraded{height:70%;background:#9a6700}.day-outage{height:100%;background:#cf222e}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.legend{font-size:.875rem;color:#57606a}
.text{white-space:pre-line;margin:.25rem 0 .75rem}
.meta{color:#57606a;font-size:.9rem;margin:0}
footer{margin-top:2rem;font-size:.9rem;color:#57606a}
`;
