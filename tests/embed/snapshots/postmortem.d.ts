/* tslint:disable */
/* eslint-disable */

/** What `toHtml` writes; every field is optional. */
export interface HtmlOptions {
    /**
     * `"placeholder"` (the default): each image is shown as its description and address, as
     * text, and showing the HTML makes no request. `"https"`: images with an absolute `https:`
     * address are loaded, so the host each names learns who reads the document and when; every
     * other image (relative, same-origin, protocol-relative, any other scheme) stays a
     * placeholder, so a document never makes the page request its own origin.
     */
    images?: "placeholder" | "https";
}

/** How serious a finding is. Only errors fail a check. */
export type Severity = "error" | "warning" | "info";

/** A rule's configured level: off, or the severity that replaces its default. */
export type RuleLevel = "off" | Severity;

/** Which requirements a document is held to. */
export type Profile = "standard" | "sre";

/** What to check and how strictly: the JSON of `.postmortem.json`, shared with the CLI. */
export interface Config {
    /** `standard` (the default) or `sre` (the Google SRE book's template). */
    profile?: Profile;
    /** Levels by rule code (`PM307`) or name (`missing-misleading-path`). */
    rules?: Record<string, RuleLevel>;
    /** The inclusive range of prose words a document should have; overrides the profile's. */
    words?: WordRange | null;
    /** Which files of a repository are postmortems (globs); only the command line reads it. */
    files?: string[];
    /** Where editors find the configuration's JSON Schema; accepted and otherwise ignored. */
    $schema?: string;
}

export interface WordRange {
    min: number;
    max: number;
}

/** A range of UTF-16 offsets: `markdown.slice(span.start, span.end)` is its text. */
export interface Span {
    start: number;
    end: number;
}

/** A 1-based line and a 1-based column counted in UTF-16 code units. */
export interface LineColumn {
    line: number;
    column: number;
}

export interface LineColumnRange {
    start: LineColumn;
    end: LineColumn;
}

/** What `validate` returns. */
export interface Validation {
    /** Sorted by position, then code. */
    diagnostics: Diagnostic[];
    stats: Statistics;
    /** The profile's requirements, met or not, judged by the same findings. */
    checklist: Requirement[];
    /** When the incident started, was detected, escalated and resolved, and the times between. */
    metrics: Metrics;
}

/**
 * The incident's key instants (RFC 3339 with the offset they were written in) and the
 * durations between them; null for what the document does not tell. The summary's window wins
 * for the start and the resolution; the timeline gives the detection and the escalation. A
 * duration the two sources contradict (a detection before the start) is null.
 */
export interface Metrics {
    start: string | null;
    detected: string | null;
    escalated: string | null;
    resolved: string | null;
    /** From the start to the detection. */
    timeToDetectSeconds: number | null;
    /** From the detection to the escalation. */
    timeToEscalateSeconds: number | null;
    /** From the start to the resolution. */
    timeToResolveSeconds: number | null;
    /** The summary's window, else the first to the last timed timeline entry. */
    durationSeconds: number | null;
    /** Which source each instant came from. */
    sources: {
        start: MetricSource | null;
        detected: MetricSource | null;
        escalated: MetricSource | null;
        resolved: MetricSource | null;
    };
}

export type MetricSource = 'summary' | 'timeline';

/** One finding. */
export interface Diagnostic {
    /** `PM` and three digits, such as `PM102`. */
    code: string;
    /** The rule's kebab-case name, such as `missing-section`. */
    name: string;
    severity: Severity;
    /** What is wrong in this document. */
    message: string;
    /** What to do about it, in the imperative; may be empty. */
    help: string;
    range: LineColumnRange;
    /** The flagged text: `markdown.slice(offset.start, offset.end)`. */
    offset: Span;
    /** A mechanical fix, when the rule has one. */
    fix: Fix | null;
    /** The id of the checklist requirement this finding leaves unmet, if any. */
    requirement: string | null;
}

/** Edits that never overlap, applied together. */
export interface Fix {
    title: string;
    edits: Edit[];
}

/** Replaces `offset` with `replacement`: an insertion has an empty span. */
export interface Edit {
    offset: Span;
    replacement: string;
}

/** Counts over one document. */
export interface Statistics {
    /** Prose words, as a reader counts them. */
    words: number;
    sections: SectionStatistics[];
    timelineEntries: number;
    tasks: number;
    tasksDone: number;
    /**
     * How long the outage lasted, in minutes: the summary's window, else its stated length, else
     * the span of the timeline's entries; null when nothing says.
     */
    outageMinutes: number | null;
}

export interface SectionStatistics {
    kind: SectionKind;
    heading: string;
    words: number;
}

/** One requirement of the profile and whether the document meets it. */
export interface Requirement {
    /** A stable id such as `summary.timezone`. */
    id: string;
    /** What the requirement asks, for people. */
    label: string;
    met: boolean;
    /** Why it is not met (the finding's message), or what was found that meets it
     * (`start 14:05 UTC, end 15:20 UTC`); empty when there is nothing to show. */
    reason: string;
}

/** One rule of the catalogue. */
export interface Rule {
    code: string;
    name: string;
    /** The first line of `docs`. */
    summary: string;
    /** The rule's documentation in Markdown: what it reports, why, examples. */
    docs: string;
    defaultSeverity: Severity;
    /** Whether its diagnostics carry a mechanical fix. */
    fixable: boolean;
    /** Whether it runs without being turned on in the configuration. */
    enabledByDefault: boolean;
}

/** The canonical sections a postmortem may have, whatever the author called them. */
export type SectionKind =
| "summary"
| "impact"
| "timeline"
| "root-cause"
| "resolution"
| "trigger"
| "detection"
| "measures"
| "lessons"
| "other";

/** A parsed postmortem: what `parse` returns. Every node keeps its span. */
export interface Postmortem {
    /** YAML (`---`) or TOML (`+++`) front matter. */
    frontMatter: Span | null;
    title: Heading | null;
    /** Content between the title and the first recognised section. */
    preamble: Block[];
    sections: Section[];
    /** The facts the issue summary states. */
    summary: Summary;
    timeline: Timeline;
    /** Broad improvements and specific tasks from the measures section(s). */
    measures: Measures;
    /** The source's length in UTF-16 units (`markdown.length`). */
    len: number;
}

export type HeadingStyle = "atx" | "setext" | "html" | "bold" | "plain";

/** A heading, or a label used as one (`**Timeline:**`). */
export interface Heading {
    /** The text without Markdown syntax. */
    text: string;
    level: number;
    style: HeadingStyle;
    span: Span;
}

/** A part of the document under one heading. */
export interface Section {
    kind: SectionKind;
    heading: Heading;
    /** The depth in the outline: heading levels as written, a label one below the last heading. */
    depth: number;
    /** The index in `sections` of the nearest earlier section with a lower depth. */
    parent: number | null;
    /** Whether the heading reads as a section's name, not as a sentence containing one. */
    namesSection: boolean;
    span: Span;
    blocks: Block[];
}

/** A top-level Markdown block. */
export interface Block {
    kind: BlockKind;
    span: Span;
}

export type BlockKind =
| { type: "paragraph"; lines: Line[] }
| { type: "list"; ordered: boolean; items: ListItem[] }
| { type: "table"; header: Cell[]; rows: Cell[][] }
| { type: "heading"; heading: Heading }
| { type: "html"; text: string }
| { type: "code"; text: string }
| { type: "quote"; text: string }
| { type: "thematicBreak" };

/** One source line of a paragraph. */
export interface Line {
    text: string;
    span: Span;
    /** The whole line is strong emphasis (`**Impact:**`). */
    bold: boolean;
}

export interface ListItem {
    text: string;
    span: Span;
    /** `true` or `false` for a `- [x]` or `- [ ]` task, else `null`. */
    task: boolean | null;
    /** The items of a list nested in this one, each with its own span and checkbox. */
    children: ListItem[];
}

export interface Cell {
    text: string;
    span: Span;
}

export type RunOrigin = "paragraph" | "list-item" | "table-row" | "heading" | "html";

/** A run of prose: a paragraph line, a list item, a table row… */
export interface TextRun {
    text: string;
    span: Span;
    origin: RunOrigin;
}

export interface CivilDate {
    year: number;
    month: number;
    day: number;
}

export interface ClockTime {
    hour: number;
    minute: number;
    second: number | null;
}

/** A timezone as written, such as `UTC` or `East Africa Time`. */
export interface WrittenZone {
    text: string;
    span: Span;
    /** Its offset from UTC; `null` when the zone is unknown or ambiguous. */
    offsetMinutes: number | null;
    ambiguous: boolean;
}

export interface Summary {
    /** Where findings about the summary point; `null` when the document has no summary. */
    anchor: Span | null;
    /** The text judged: the summary section and what it runs on to, any impact section, or the opening. */
    runs: TextRun[];
    /** When the outage started and ended, as the summary states. */
    start: WindowTime | null;
    end: WindowTime | null;
    /** A stated length of the outage (`for two hours`) in minutes, and where it is written. */
    statedMinutes: [number, Span] | null;
    zone: WrittenZone | null;
    /** Where the summary gives its impact: the line labelled so, or the first saying what failed. */
    impact: Span | null;
    /** The sentence that says what failed or what users saw (a labelled impact may only count them). */
    experience: Span | null;
    affectedShare: AffectedShare | null;
    rootCause: Span | null;
    /** The sentence that states the root cause, within `rootCause`. */
    rootCauseSentence: Span | null;
}

export interface WindowTime {
    span: Span;
    clock: ClockTime;
    date: CivilDate | null;
    dateWritten: boolean;
    zone: WrittenZone | null;
    offsetMinutes: number | null;
    /** Minutes since the Unix epoch, when the date and the UTC offset are known. */
    instant: number | null;
}

export interface AffectedShare {
    span: Span;
    /** The share in tenths of a percent (`45%` is 450), when given as a percentage or as "all". */
    perMille: number | null;
}

export type TimelineForm = "missing" | "list" | "lines" | "table" | "prose";

export interface Timeline {
    form: TimelineForm;
    /** One entry per event of the response, in the order written. */
    entries: TimelineEntry[];
    /** Text of the section that is not an entry (an introduction, a label, links); never timed. */
    notes: TimelineEntry[];
    /** A zone declared once for the timeline (`## Timeline (all times EAT)`, `All times UTC`). */
    declaredZone: WrittenZone | null;
}

export interface TimelineEntry {
    text: string;
    span: Span;
    time: EntryTime | null;
    /** What the entry records. */
    milestones: Milestones;
}

export interface EntryTime {
    span: Span;
    clock: ClockTime;
    date: CivilDate | null;
    zone: WrittenZone | null;
    offsetMinutes: number | null;
    /** Minutes since the Unix epoch, when the date and the UTC offset are known. */
    instant: number | null;
    /** Minutes from the timeline's first timed entry: comparable even when `instant` is not. */
    elapsedMinutes: number | null;
}

export interface Milestones {
    detection: boolean;
    action: boolean;
    misleading: boolean;
    escalation: boolean;
    resolution: boolean;
}

export interface Measures {
    improvements: TextRun[];
    tasks: Task[];
    task_lists: TaskList[];
}

export interface Task {
    text: string;
    /** The list item, table row or line the task is read from. */
    span: Span;
    /** The task's own line, where findings about it point. */
    line: Span;
    /** `true` or `false` when written as a checkbox, else `null`. */
    done: boolean | null;
    /** How many actions the task names: `Conduct audits, enforce USB policies` names two. */
    actions: number;
}

export interface TaskList {
    span: Span;
    /** Indices into `measures.tasks`, end exclusive (not text offsets). */
    tasks: { start: number; end: number };
}



/**
 * Returns `markdown` with the mechanical fixes of its findings applied (each diagnostic's
 * `fix`, whole, checking again until none is left). Throws on a bad configuration.
 */
export function applyFixes(markdown: string, config?: Config | string | null): string;

/**
 * Parses a postmortem into the typed model that the rules read. Parsing never fails: missing
 * parts are `null` or empty. Spans are UTF-16 offsets into `markdown`.
 */
export function parse(markdown: string): Postmortem;

/**
 * Renders a postmortem in the canonical layout of the configuration's profile: its sections
 * in order under their canonical headings, the timeline as `- HH:MM TZ - text` bullets.
 * Nothing the model does not restructure is lost. Throws on a bad configuration.
 * @param markdown - the postmortem, in Markdown
 * @param config - chooses the profile; `standard` by default
 */
export function render(markdown: string, config?: Config | string | null): string;

/**
 * The rule catalogue, in code order, with each rule's documentation in Markdown.
 */
export function rules(): Rule[];

/**
 * Renders Markdown as HTML that is safe to insert with `innerHTML`: raw HTML is sanitised,
 * unsafe links are dropped, and nothing in the document can run. Images are placeholders
 * unless `options.images` is `"https"`. The HTML stops past 20 times the document's size
 * (at least 64 KiB) or 200,000 elements, ending with `<p class="truncated">`. Throws on bad
 * options.
 * @param markdown - the postmortem, in Markdown
 * @param options - `{ images: "https" }` loads images from absolute `https:` addresses
 */
export function toHtml(markdown: string, options?: HtmlOptions | null): string;

/**
 * Validates a postmortem and returns its findings, statistics and requirement checklist.
 * Findings are returned, never thrown; a bad configuration throws an `Error`, an argument of
 * the wrong type a `TypeError`.
 * @param markdown - the postmortem, in Markdown
 * @param config - a configuration object, or its JSON text as in `.postmortem.json`
 * @returns the diagnostics (sorted by position), the statistics and the profile's checklist
 */
export function validate(markdown: string, config?: Config | string | null): Validation;

/**
 * The version of the package and of the validator inside it.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly applyFixes: (a: any, b: any) => [number, number, number, number];
    readonly parse: (a: any) => [number, number, number];
    readonly render: (a: any, b: any) => [number, number, number, number];
    readonly rules: () => [number, number, number];
    readonly start: () => void;
    readonly toHtml: (a: any, b: any) => [number, number, number, number];
    readonly validate: (a: any, b: any) => [number, number, number];
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
