// Handlebars templates of the dashboard preview and its index. They see a view model of preformatted
// strings (render.ts): dashboard text is data, never template source, and Handlebars escapes it.
// Everything is inline and uses system fonts: the page makes no request when opened.

const STYLE = `
:root { color-scheme: dark; }
* { box-sizing: border-box; }
body { margin: 0; padding: 16px; background: #111217; color: #ccccdc; font: 12px/1.4 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
code, pre { font: 12px/1.35 ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; }
a { color: #6e9fff; }
h1 { margin: 0 0 4px; font-size: 18px; font-weight: 500; color: #e6e6f0; }
.meta { margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; color: #9fa7b3; }
.tag { background: #1f60c4; color: #fff; border-radius: 2px; padding: 0 6px; }
.dashboard-description { margin: 0 0 8px; color: #9fa7b3; }
table.variables { border-collapse: collapse; margin: 0 0 8px; }
table.variables th, table.variables td { border: 1px solid #2c3235; padding: 2px 8px; text-align: left; vertical-align: top; }
table.variables th { background: #181b1f; font-weight: 500; color: #9fa7b3; }
.summary { margin: 0 0 12px; color: #7b8087; }
.grid { position: relative; }
.row-header { position: absolute; left: 0; width: calc(100% - 8px); height: 30px; display: flex; gap: 12px; align-items: center; padding: 0 4px; border-bottom: 1px solid #2c3235; font-size: 14px; font-weight: 500; color: #e6e6f0; }
.row-header .note { font-size: 12px; font-weight: 400; color: #7b8087; }
.panel { position: absolute; display: flex; flex-direction: column; overflow: hidden; background: #181b1f; border: 1px solid #2c3235; border-radius: 2px; }
.panel.in-collapsed-row { border-style: dashed; }
.panel.outside-grid { border-color: #f2495c; }
.panel-header { display: flex; gap: 6px; align-items: baseline; padding: 4px 8px; min-height: 26px; }
.panel-header h2 { margin: 0; font-size: 12px; font-weight: 500; color: #e6e6f0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.badge { flex: none; border: 1px solid #2c3235; border-radius: 2px; padding: 0 4px; color: #9fa7b3; }
.badge.unit { color: #8ab8ff; }
.panel-body { flex: 1; min-height: 0; overflow: auto; padding: 0 8px 6px; }
.panel-body p { margin: 0 0 4px; }
.panel-description, .range { color: #9fa7b3; }
.warning { color: #ff7383; }
.thresholds { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 10px; margin: 0 0 4px; padding: 0; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border: 1px solid #2c3235; vertical-align: -1px; }
.color-name { color: #7b8087; }
.query { margin: 0 0 6px; padding: 4px 6px; background: #111217; border-left: 2px solid #3274d9; }
.query .ref { margin-right: 6px; color: #8ab8ff; font-weight: 600; }
.query .flags { margin-right: 6px; color: #7b8087; }
.query code, pre.content { display: block; white-space: pre-wrap; overflow-wrap: anywhere; margin: 2px 0 0; color: #d8d9da; }
.legend { color: #9fa7b3; }
.legend code { display: inline; }
ul.pages { margin: 4px 0 16px; }
`;

export const PREVIEW_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · dashboard preview</title>
<style>${STYLE}</style>
</head>
<body>
<header class="dashboard">
<h1>{{title}}</h1>
<p class="meta"><span>uid <code class="uid">{{uid}}</code></span>{{#each tags}}<span class="tag">{{this}}</span>{{/each}}</p>
{{~#if description}}<p class="dashboard-description">{{description}}</p>{{/if}}
{{#if variables.length}}
<table class="variables">
<tr><th>variable</th><th>type</th><th>query</th></tr>
{{#each variables}}
<tr data-variable="{{name}}"><td><code>\${{name}}</code>{{#if label}} ({{label}}){{/if}}</td><td>{{type}}</td><td><code>{{query}}</code></td></tr>
{{/each}}
</table>
{{/if}}
<p class="summary">{{summary}}</p>
</header>
<main class="grid" style="{{gridStyle}}">
{{#each rows}}
<div class="row-header{{#if collapsed}} collapsed{{/if}}" data-row-title="{{title}}" data-grid="{{grid}}" data-drawn-y="{{drawnY}}" style="{{style}}"><span>{{title}}</span>{{#if collapsed}}<span class="note">collapsed in Grafana; its panels are drawn below it</span>{{/if}}</div>
{{/each}}
{{#each panels}}
<section class="{{classes}}" data-panel-id="{{id}}" data-panel-type="{{type}}" data-grid="{{grid}}" data-drawn-y="{{drawnY}}" style="{{style}}">
<header class="panel-header"><h2 title="{{title}}">{{title}}</h2><span class="badge type">{{type}}</span>{{#if unit}}<span class="badge unit">{{unit}}</span>{{/if}}</header>
<div class="panel-body">
{{~#if outside}}<p class="warning">extends beyond Grafana's 24 grid columns</p>{{/if}}
{{~#if description}}<p class="panel-description">{{description}}</p>{{/if}}
{{~#if range}}<p class="range">{{range}}</p>{{/if}}
{{~#if thresholds.length}}<ul class="thresholds">{{#each thresholds}}<li><span class="swatch" style="background: {{css}}"></span>{{value}} <span class="color-name">{{color}}</span></li>{{/each}}</ul>{{/if}}
{{~#each queries}}<div class="query"><span class="ref">{{refId}}</span>{{#if flags}}<span class="flags">{{flags}}</span>{{/if}}<code class="expr">{{expr}}</code>{{#if legend}}<div class="legend">legend <code>{{legend}}</code></div>{{/if}}</div>{{/each}}
{{~#if content}}<pre class="content">{{content}}</pre>{{/if}}
</div>
</section>
{{/each}}
</main>
</body>
</html>
`;

export const INDEX_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dashboard previews</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Dashboard previews</h1>
<p class="summary">{{summary}}</p>
{{#each folders}}
<section class="folder" data-folder="{{name}}">
<h2>{{name}}</h2>
<ul class="pages">
{{#each pages}}
<li><a href="{{file}}">{{title}}</a></li>
{{/each}}
</ul>
</section>
{{/each}}
</body>
</html>
`;
