// Handlebars templates for the markdown and HTML reports. They only ever see a view model of
// preformatted strings (see render.ts): user text is data, never template source, so a Prometheus
// template such as {{ $labels.x }} in a description is printed as written, not evaluated.

export const MARKDOWN_TEMPLATE = `# SLO report: {{project}}

{{subtitle}}

{{#each slos}}
## {{title}}

{{#if description}}
{{description}}

{{/if}}
| objective | period | error budget | budget in full-outage minutes |
| --- | --- | --- | --- |
| {{objective}} | {{period}} | {{errorBudget}} | {{budgetMinutes}} |

{{#if live}}
| SLI over {{period}} | error ratio | events | budget remaining | remaining minutes | alerts |
| --- | --- | --- | --- | --- | --- |
| {{live.sli}} | {{live.errorRatio}} | {{live.events}} | {{live.remaining}} | {{live.remainingMinutes}} | {{live.alerts}} |

| window | error ratio | burn rate | events |
| --- | --- | --- | --- |
{{#each live.windows}}
| {{window}} | {{errorRatio}} | {{burnRate}} | {{events}} |
{{/each}}

Budget burn-down over {{period}} ({{live.burnDownPoints}} points, {{live.burnDownRange}}): \`{{live.sparkline}}\`

{{/if}}
{{#if tiers.length}}
| tier | severity | short | long | factor | error ratio above | budget spent when it fires | time to exhaustion |{{#if live}} condition now |{{/if}}
| --- | --- | --- | --- | --- | --- | --- | --- |{{#if live}} --- |{{/if}}
{{#each tiers}}
| {{group}} | {{severity}} | {{short}} | {{long}} | {{factor}} | {{threshold}} | {{budgetSpent}} | {{exhaustion}} |{{#if ../live}} {{condition}} |{{/if}}
{{/each}}
{{else}}
No burn-rate alert tiers.
{{/if}}

{{/each}}
`;

export const HTML_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SLO report: {{project}}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
table { border-collapse: collapse; margin: .8rem 0; } th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; }
th { background: #f6f8fa; } code { font-size: 90%; } .muted { color: #59636e; }
.firing { color: #cf222e; font-weight: 600; } .pending { color: #9a6700; } .inactive { color: #1a7f37; }
svg.burn-down { display: block; max-width: 100%; height: auto; }
svg.burn-down text { font: 11px system-ui, sans-serif; fill: #59636e; }
</style>
</head>
<body>
<h1>SLO report: {{project}}</h1>
<p class="muted">{{subtitle}}</p>
{{#each slos}}
<section class="slo" id="{{anchor}}" data-slo-id="{{id}}">
<h2>{{title}}</h2>
{{#if description}}<p>{{description}}</p>{{/if}}
<table class="summary">
<tr><th>objective</th><th>period</th><th>error budget</th><th>budget in full-outage minutes</th></tr>
<tr><td>{{objective}}</td><td>{{period}}</td><td>{{errorBudget}}</td><td>{{budgetMinutes}}</td></tr>
</table>
{{#if live}}
<table class="live">
<tr><th>SLI over {{period}}</th><th>error ratio</th><th>events</th><th>budget remaining</th><th>remaining minutes</th><th>alerts</th></tr>
<tr><td class="sli">{{live.sli}}</td><td>{{live.errorRatio}}</td><td>{{live.events}}</td><td class="budget-remaining">{{live.remaining}}</td><td>{{live.remainingMinutes}}</td><td>{{#each live.alertStates}}<span class="{{state}}">{{group}} {{state}}</span> {{/each}}</td></tr>
</table>
<table class="windows">
<tr><th>window</th><th>error ratio</th><th>burn rate</th><th>events</th></tr>
{{#each live.windows}}
<tr><td>{{window}}</td><td>{{errorRatio}}</td><td>{{burnRate}}</td><td>{{events}}</td></tr>
{{/each}}
</table>
<figure>
<figcaption>Error budget remaining over the {{period}} period ({{live.burnDownRange}})</figcaption>
{{{live.chart}}}
</figure>
{{/if}}
{{#if tiers.length}}
<table class="tiers">
<tr><th>tier</th><th>severity</th><th>short</th><th>long</th><th>factor</th><th>error ratio above</th><th>budget spent when it fires</th><th>time to exhaustion</th>{{#if live}}<th>condition now</th>{{/if}}</tr>
{{#each tiers}}
<tr><td>{{group}}</td><td>{{severity}}</td><td>{{short}}</td><td>{{long}}</td><td>{{factor}}</td><td>{{threshold}}</td><td>{{budgetSpent}}</td><td>{{exhaustion}}</td>{{#if ../live}}<td>{{condition}}</td>{{/if}}</tr>
{{/each}}
</table>
{{else}}
<p>No burn-rate alert tiers.</p>
{{/if}}
</section>
{{/each}}
</body>
</html>
`;
