// The submission page's script: everything the checker says comes from the `postmortem`
// package; this file only shows it.
import init, { rules, toHtml, validate, version } from 'postmortem';

/** The course's configuration: the standard profile, named people only a warning. */
const CONFIG = { profile: 'standard', rules: { 'named-individual': 'warning' } };

/** Longer findings (a whole section) stay in the list but are not painted in the editor. */
const LONGEST_HIGHLIGHT = 400;

const STARTER = `# Checkout outage

## Issue Summary

On 4 March, checkout failed for about 45% of users from 14:05 to 15:20 because a deploy
changed the database pool size.

## Timeline

- 14:05 - Error rate alert fired and paged the on-call engineer.
- 14:20 - We suspected the payment provider and opened a ticket with them.
- 14:50 - Escalated to the database team.
- 15:20 - Rolled back the deploy; checkout recovered.

## Root Cause and Resolution

A configuration change in the deploy lowered the connection pool from 50 to 5.
`;

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

const editor = document.querySelector('[data-testid="editor"]');
const highlights = document.querySelector('[data-testid="highlights"]');
const backdrop = highlights.parentElement;
const problems = document.querySelector('[data-testid="problems"]');
const problemCount = document.querySelector('[data-testid="problem-count"]');
const checklist = document.querySelector('[data-testid="checklist"]');
const stats = document.querySelector('[data-testid="stats"]');
const preview = document.querySelector('[data-testid="preview"]');
const submit = document.querySelector('[data-testid="submit"]');
const status = document.querySelector('[data-testid="status"]');

await init();
const catalogue = new Map(rules().map((rule) => [rule.code, rule]));
document.querySelector('[data-testid="checker-version"]').textContent = `postmortem ${version()}`;

let current = { diagnostics: [] };

function review() {
  const markdown = editor.value;
  current = validate(markdown, CONFIG);
  showProblems(markdown, current.diagnostics);
  showHighlights(markdown, current.diagnostics);
  showChecklist(current.checklist);
  const { words, timelineEntries, tasks } = current.stats;
  stats.textContent = `${words} words · ${timelineEntries} timeline entries · ${tasks} tasks`;
  const errors = current.diagnostics.filter((d) => d.severity === 'error').length;
  submit.disabled = errors > 0;
  submit.title = errors > 0 ? `Fix the ${errors} error(s) first` : '';
  status.textContent = '';
  if (preview.parentElement.open) preview.innerHTML = toHtml(markdown);
}

function showProblems(markdown, diagnostics) {
  problemCount.textContent = `(${diagnostics.length})`;
  problems.replaceChildren(
    ...diagnostics.map((diagnostic, index) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `problem ${diagnostic.severity}`;
      button.dataset.testid = 'diagnostic';
      button.dataset.code = diagnostic.code;
      button.dataset.index = String(index);
      button.title = catalogue.get(diagnostic.code)?.summary ?? '';
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = `${diagnostic.range.start.line}:${diagnostic.range.start.column}`;
      const message = document.createElement('span');
      message.className = 'message';
      message.textContent = diagnostic.message;
      const code = document.createElement('code');
      code.textContent = diagnostic.code;
      button.append(where, message, code);
      button.addEventListener('click', () => select(diagnostic));
      item.append(button);
      if (diagnostic.help) {
        const help = document.createElement('p');
        help.className = 'help';
        help.textContent = diagnostic.help;
        item.append(help);
      }
      return item;
    }),
  );
}

/** Selects what a finding is about; offsets are UTF-16, like the textarea's. */
function select(diagnostic) {
  editor.focus();
  editor.setSelectionRange(diagnostic.offset.start, diagnostic.offset.end);
  const line = diagnostic.range.start.line - 1;
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
  editor.scrollTop = Math.max(0, line * lineHeight - editor.clientHeight / 3);
}

/** Paints the findings behind the transparent textarea; overlapping ones merge. */
function showHighlights(markdown, diagnostics) {
  const ranges = diagnostics
    .filter(({ offset }) => offset.end > offset.start && offset.end - offset.start <= LONGEST_HIGHLIGHT)
    .map(({ offset, severity, code }) => ({ ...offset, severity, codes: [code] }))
    .sort((a, b) => a.start - b.start);
  const merged = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start < last.end) {
      last.end = Math.max(last.end, range.end);
      if (SEVERITY_RANK[range.severity] > SEVERITY_RANK[last.severity]) last.severity = range.severity;
      last.codes.push(...range.codes);
    } else {
      merged.push(range);
    }
  }
  const parts = [];
  let at = 0;
  for (const range of merged) {
    parts.push(document.createTextNode(markdown.slice(at, range.start)));
    const mark = document.createElement('mark');
    mark.className = range.severity;
    mark.dataset.codes = range.codes.join(' ');
    mark.textContent = markdown.slice(range.start, range.end);
    parts.push(mark);
    at = range.end;
  }
  // A trailing newline needs a character after it to take up a line.
  parts.push(document.createTextNode(`${markdown.slice(at)}\u200b`));
  highlights.replaceChildren(...parts);
  backdrop.scrollTop = editor.scrollTop;
}

function showChecklist(requirements) {
  checklist.replaceChildren(
    ...requirements.map((requirement) => {
      const item = document.createElement('li');
      item.dataset.testid = 'requirement';
      item.dataset.id = requirement.id;
      item.dataset.met = String(requirement.met);
      item.className = requirement.met ? 'met' : 'unmet';
      item.textContent = requirement.label;
      if (!requirement.met) item.title = requirement.reason;
      return item;
    }),
  );
}

editor.addEventListener('input', review);
editor.addEventListener('scroll', () => {
  backdrop.scrollTop = editor.scrollTop;
});
preview.parentElement.addEventListener('toggle', () => {
  if (preview.parentElement.open) preview.innerHTML = toHtml(editor.value);
});
document.querySelector('#submission').addEventListener('submit', (event) => {
  event.preventDefault();
  if (current.diagnostics.some((d) => d.severity === 'error')) return;
  status.textContent = 'Submitted. Your instructor will grade it this week.';
});

editor.value = STARTER;
review();
document.body.dataset.ready = 'true';
