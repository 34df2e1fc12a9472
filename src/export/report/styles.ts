/**
 * The report's only style sheet, inline in the page: readable on screen at 1,280 px and in
 * print, where each manifest starts on a new page (`break-before: page`).
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1312px; padding: 16px; color: #111827; background: #ffffff;
  font: 14px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; }
header p { margin: 2px 0; color: #374151; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #e5e7eb; }
h3 { font-size: 15px; margin: 16px 0 6px; }
nav ul { list-style: none; padding: 0; margin: 12px 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
a { color: #1d4ed8; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 12px; }
.card { border: 1px solid #d1d5db; border-radius: 8px; padding: 12px 14px; }
.card h3 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; color: #4b5563; }
.card p { margin: 4px 0; }
.card ul { margin: 4px 0; padding-left: 18px; }
.big { font-size: 26px; font-weight: 700; }
.of { font-size: 15px; font-weight: 400; color: #4b5563; }
.verdict.ok, .verdict-line.ok { border-color: #16a34a; background: #f0fdf4; }
.verdict.bad, .verdict-line.bad { border-color: #dc2626; background: #fef2f2; }
.verdict-line { border: 1px solid; border-radius: 6px; padding: 8px 12px; font-weight: 600; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #e5e7eb; padding: 3px 8px; text-align: left; vertical-align: top; }
thead th { background: #f3f4f6; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { text-align: right; }
.bad { color: #b91c1c; font-weight: 600; }
.eligibility td { text-align: center; padding: 3px 5px; }
.eligibility td.yes { color: #15803d; }
.eligibility td.no { color: #b91c1c; background: #fef2f2; font-weight: 700; }
.eligibility thead th { font-weight: 600; font-size: 12px; text-align: center; }
.scroll { overflow-x: auto; }
.left-out { background: #fffbeb; border-left: 4px solid #d97706; padding: 8px 12px; }
.warning { background: #fef2f2; border-left: 4px solid #dc2626; padding: 8px 12px; }
.muted { color: #6b7280; }
.id, code, .path, .person { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.path { font-size: 12px; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; }
svg { display: block; max-width: 100%; height: auto; }
figure { margin: 16px 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
.manifest { margin-top: 28px; }
.manifest-index p { margin: 4px 0; line-height: 1.7; }
.manifest-index .entry { white-space: nowrap; margin-right: 6px; }
.manifest-index a { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.collapsed .manifest { display: none; }
.collapsed .manifest:target, #all-manifests:target .manifest { display: block; }
.manifest h3 { margin-bottom: 2px; }
.manifest-table { min-width: 640px; }
tr.trip-head th { background: #eef2ff; font-weight: 600; }
.direction.to-plant { color: #1d4ed8; }
.direction.to-dormitory { color: #b45309; }
@page { margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .scroll { overflow: visible; }
  .manifest-index, .back { display: none; }
  .collapsed .manifest { display: block; }
  .manifest { break-before: page; margin-top: 0; }
  .manifest tbody.trip { break-inside: avoid; }
}
`;
