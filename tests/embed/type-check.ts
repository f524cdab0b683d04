// A TypeScript consumer of the package, compiled (never run) by types.test.mjs against the
// generated postmortem.d.ts: the API must stay usable as written here, and precise enough that
// the `@ts-expect-error` lines do not compile.
import init, {
  applyFixes,
  initSync,
  parse,
  render,
  rules,
  toHtml,
  validate,
  version,
  type Block,
  type Config,
  type Diagnostic,
  type HtmlOptions,
  type Postmortem,
  type MetricSource,
  type Metrics,
  type Requirement,
  type Rule,
  type Severity,
  type Statistics,
  type Validation,
} from 'postmortem';

// A site: `init` fetches the wasm next to the module, or from where the site says.
await init();
await init({ module_or_path: new URL('https://example.com/assets/postmortem_bg.wasm') });
// Node.js, or a site that already has the bytes.
initSync({ module: new Uint8Array(0) });

const config: Config = {
  profile: 'sre',
  rules: { PM307: 'off', 'vague-task': 'warning' },
  words: { min: 300, max: 900 },
};
const markdown = '# Outage\n';
const validation: Validation = validate(markdown, config);
validate(markdown);
validate(markdown, null);
validate(markdown, '{"profile": "sre"}');

function describe(diagnostic: Diagnostic): string {
  const severity: Severity = diagnostic.severity;
  const flagged: string = markdown.slice(diagnostic.offset.start, diagnostic.offset.end);
  const where = `${diagnostic.range.start.line}:${diagnostic.range.start.column}`;
  const fix: string = diagnostic.fix ? `${diagnostic.fix.title} (${diagnostic.fix.edits.length} edits)` : '';
  const requirement: string = diagnostic.requirement ?? 'none';
  return `${where} ${severity} ${diagnostic.code} ${diagnostic.name}: ${diagnostic.message} [${flagged}] ${diagnostic.help} ${fix} ${requirement}`;
}
validation.diagnostics.map(describe);
const stats: Statistics = validation.stats;
const words: number = stats.words + stats.timelineEntries + stats.tasks + stats.tasksDone;
const unmet: Requirement[] = validation.checklist.filter((requirement) => !requirement.met);
const metrics: Metrics = validation.metrics;
const resolvedFrom: MetricSource | null = metrics.sources.resolved;
const minutesToResolve: number | null = metrics.timeToResolveSeconds === null ? null : metrics.timeToResolveSeconds / 60;
console.log(metrics.start ?? 'unknown start', resolvedFrom, minutesToResolve);
console.log(words, unmet.map((requirement) => `${requirement.id}: ${requirement.reason}`));

const document: Postmortem = parse(markdown);
const title: string | undefined = document.title?.text;
const zone: number | null | undefined = document.summary.start?.zone?.offsetMinutes;
const entries: number = document.timeline.entries.filter((entry) => entry.milestones.detection).length;
console.log(title, zone, entries, document.len, document.measures.tasks.map((task) => task.done));

/** Every block kind is handled: the union is closed. */
function blockText(block: Block): string {
  const kind = block.kind;
  switch (kind.type) {
    case 'paragraph':
      return kind.lines.map((line) => line.text).join('\n');
    case 'list':
      return kind.items.map((item) => `${item.task === null ? '' : '[ ] '}${item.text}`).join('\n');
    case 'table':
      return kind.rows.map((row) => row.map((cell) => cell.text).join(' | ')).join('\n');
    case 'heading':
      return kind.heading.text;
    case 'html':
    case 'code':
    case 'quote':
      return kind.text;
    case 'thematicBreak':
      return '---';
    default: {
      const unhandled: never = kind;
      return unhandled;
    }
  }
}
document.sections.flatMap((section) => section.blocks).map(blockText);

const html: string = toHtml(render(markdown, { profile: 'standard' }));
const loading: HtmlOptions = { images: 'https' };
const withImages: string = toHtml(markdown, loading) + toHtml(markdown, { images: 'placeholder' }) + toHtml(markdown, null);
const catalogue: Rule[] = rules();
const documented = catalogue.filter((rule) => rule.fixable && rule.enabledByDefault && rule.defaultSeverity === 'error');
const fixed: string = applyFixes(markdown, config);
const packageVersion: string = version();
console.log(html, withImages, documented.map((rule) => `${rule.code} ${rule.name}: ${rule.summary}\n${rule.docs}`), fixed, packageVersion);

// Precise types: each of these is a compile error.
// @ts-expect-error: there are two profiles
validate(markdown, { profile: 'google' });
// @ts-expect-error: a level is off, error, warning or info
validate(markdown, { rules: { PM102: 'loud' } });
// @ts-expect-error: unknown configuration field
validate(markdown, { profil: 'sre' });
// @ts-expect-error: the markdown is a string
validate(42);
// @ts-expect-error: images are placeholders or loaded from https only
toHtml(markdown, { images: 'all' });
// @ts-expect-error: three severities
const fatal: Severity = 'fatal';
// @ts-expect-error: a diagnostic is typed, not any
validation.diagnostics[0]?.line;
// @ts-expect-error: render returns a string
const notAnObject: Postmortem = render(markdown);
// @ts-expect-error: a fix may be null
validation.diagnostics[0]?.fix.title;
console.log(fatal, notAnObject);
