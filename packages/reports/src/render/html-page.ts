/**
 * The page shell shared by report pages and the index: one inline stylesheet, the system font stack
 * (no web font), no script. FFT's banding shades (FAQ 2) live here, and the print rules: landscape,
 * no scroll boxes, colours kept so the circles print.
 * @module
 */
import { escapeHtml as e } from './escape.js';

const CSS = `
:root{--ink:#1b1b1b;--muted:#555;--rule:#c9ccd1;--head:#eef1f5;--zebra:#f7f8fa;--total:#e6eef8;--accent:#1d4f91}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:var(--ink);line-height:1.4;background:#fff}
main{padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
a{color:var(--accent)}
.meta{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem;margin:.5rem 0 1rem;font-size:.9rem}
.meta dt{font-weight:600;color:var(--muted)}.meta dd{margin:0}
.wrap{overflow:auto;position:relative;border:1px solid var(--rule);border-radius:4px;max-width:100%;width:max-content}
.wrap.tall{max-height:80vh}
table{border-collapse:separate;border-spacing:0;font-size:.875rem}
caption{text-align:left;font-weight:600;padding:.4rem .5rem;caption-side:top}
th,td{padding:.3rem .55rem;white-space:nowrap;border-right:1px solid #e1e4e8;border-bottom:1px solid #e1e4e8;text-align:left}
thead th{position:sticky;top:0;z-index:2;background:var(--head);vertical-align:bottom;white-space:normal;min-width:4.5rem;max-width:11rem;border-bottom:2px solid var(--rule);font-weight:600}
thead th.n{text-align:right}
tbody th{position:sticky;left:0;z-index:1;background:#fff;font-weight:600;border-right:2px solid var(--rule)}
thead th:first-child{left:0;z-index:3}
tbody tr:nth-child(even) td,tbody tr:nth-child(even) th{background:var(--zebra)}
tbody tr.total td,tbody tr.total th{background:var(--total);font-weight:700;border-bottom:2px solid var(--rule)}
tbody tr.subtotal td,tbody tr.subtotal th{font-weight:700;border-top:2px solid var(--rule);background:#f3f6fa}
tbody tr.group-start td,tbody tr.group-start th{border-top:2px solid var(--rule)}
tbody tr.part-start td,tbody tr.part-start th{border-top:3px solid #6b7280}
tbody tr.own td,tbody tr.own th{background:#fff1c2;font-weight:700;border-top:2px solid #8a6d00;border-bottom:2px solid #8a6d00}
tbody tr.own th{box-shadow:inset 5px 0 0 #8a6d00}
.marker{font-weight:600;font-size:.8rem;color:#5c4700;margin-left:.3rem}
tbody tr.compare th{font-weight:600;color:#333}
tbody tr.compare td,tbody tr.compare th{background:#f1f3f6}
tbody tr.compare-start td,tbody tr.compare-start th{border-top:3px double #6b7280}
.aside{display:block;font-weight:400;font-size:.75rem;color:var(--muted)}
tbody tr:hover td,tbody tr:hover th{background:#fff6d6}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.band,.band-none{display:inline-block;width:1.75em;height:1.75em;line-height:1.6em;border-radius:50%;text-align:center;font-size:.72rem;font-weight:700;margin-left:.35rem;vertical-align:middle}
.band{border:1px solid #4a4a4a}
.better-1{background:#d5efd5;color:#0b3d0b}.better-2{background:#74c476;color:#06300a}.better-3{background:#17692b;color:#fff}
.worse-1{background:#fbd9d9;color:#5c0a0a}.worse-2{background:#f08080;color:#3d0303}.worse-3{background:#a51c1c;color:#fff}
td.q,th.q{text-align:center}
.quartile{display:inline-block;min-width:1.7em;padding:.05em .35em;border-radius:3px;font-size:.75rem;font-weight:700;text-align:center;line-height:1.45;border:1px solid #08306b}
.q1{background:#08306b;color:#fff}.q2{background:#2171b5;color:#fff}.q3{background:#9ecae1;color:#0b1f33}.q4{background:#e3eef9;color:#0b1f33}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.key{margin:.75rem 0;font-size:.85rem;color:var(--muted)}
.legend-list{list-style:none;padding:0;margin:.3rem 0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;color:var(--ink)}
svg{font-family:inherit}
svg.chart{width:100%;max-width:52rem;height:auto;margin:.5rem 0 1rem;font-size:12px;display:block}
svg .grid{stroke:#e3e3e3}svg .baseline,svg .tick{stroke:#888}svg .axis{fill:#444}svg .axis-title{fill:#333;font-weight:600}
svg .legend text{fill:#222}
svg .line-local{stroke:#b0125b;stroke-width:2.5;fill:none}svg .pt-local{fill:#b0125b}
svg .line-cmp{stroke:#4d4d4d;stroke-width:2;stroke-dasharray:6 4;fill:none}svg .pt-cmp{fill:#fff;stroke:#4d4d4d;stroke-width:1.5}
.multiples{margin:.5rem 0 1rem}.multiples figcaption{font-size:.85rem;color:var(--muted);margin-bottom:.4rem}
.multiples svg.key{width:28px;height:8px;vertical-align:middle}
.grid-multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.5rem;max-width:80rem}
svg.multiple{width:100%;height:auto;font-size:11px;border:1px solid #e6e6e6;border-radius:4px}
svg .panel-title{font-weight:600;fill:#222;font-size:12px}
.notes{font-size:.9rem;max-width:60rem}.notes li{margin:.2rem 0}
.status{padding:.75rem 1rem;background:#fff4e5;border-left:4px solid #e08a00;max-width:60rem}
.reports{border-collapse:separate;border-spacing:0;font-size:.95rem;max-width:70rem}
.reports td,.reports th{white-space:normal;vertical-align:top;border-right:0}
.reports th[scope=row]{position:static;border-right:0;min-width:14rem}
.formats{white-space:nowrap}.formats a{margin-right:.5rem}
.lede{max-width:60rem}
@media print{
@page{size:A4 landscape;margin:10mm}
@page wide{size:A3 landscape;margin:10mm}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{padding:0;max-width:none}
.wrap,.wrap.tall{overflow:visible;max-height:none;border:0;width:auto}
main.wide{page:wide}
thead th,tbody th{position:static}
table{font-size:6.5pt}th,td{padding:.1rem .15rem}
thead th{min-width:0;max-width:6em}
.band,.band-none{width:1.45em;height:1.45em;line-height:1.3em;font-size:6pt;margin-left:.15rem}
tr,svg,figure{break-inside:avoid}
tbody tr:hover td,tbody tr:hover th{background:inherit}
tbody tr.own td,tbody tr.own th{background:#fff1c2}
.quartile{font-size:6pt}
a{color:inherit;text-decoration:none}
}
`;

/**
 * A complete HTML document around `body`. `wide` prints on A3 landscape instead of A4 (tables of
 * many columns: the profile's reasons).
 * @example page('Summary', '<h1>Summary</h1>').startsWith('<!doctype html>')
 */
export const page = (title: string, body: string, wide = false): string =>
  `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${e(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main${wide ? ' class="wide"' : ''}>\n${body}\n</main>\n</body>\n</html>\n`;
