#!/usr/bin/env node
// `postmortem check FILE...` on the package's wasm, for `npx`: the native checker's exit codes
// (0 no errors, 1 errors found, 2 could not run) and one line per finding. Directories, globs,
// `--fix` and the other formats are the native checker's (`cargo install`).
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { validate, version } from './node.js';

const EXIT_FINDINGS = 1;
const EXIT_FAILURE = 2;
const CONFIG_NAMES = ['.postmortem.json', 'postmortem.json'];

const USAGE = `Usage: postmortem check [--profile standard|sre] [--config FILE | --no-config] FILE...

Checks incident postmortems (Markdown or plain text files; - for standard input) and prints one
line per finding: path:line:column: severity[CODE] message. Lines and columns are 1-based,
columns count characters.

Without --config, the first .postmortem.json or postmortem.json found in the current directory
or a parent directory is used.

Exit status: 0 no errors (warnings and infos alone exit 0), 1 errors found, 2 could not run.
Directories, globs, --fix and the json, sarif and github formats need the native checker.
`;

/** Why the command could not run: printed on standard error, exit code 2. */
class Failure extends Error {}
/** A command line this checker does not take: the usage follows the message. */
class UsageFailure extends Failure {}

/** The command line's options and files, or a Failure. */
function parseArguments(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return { help: true };
  if (command === '--version' || command === '-V') return { version: true };
  if (command !== 'check') {
    throw new UsageFailure(command === undefined ? 'no command given' : `unknown command \`${command}\``);
  }
  const parsed = { paths: [], profile: null, config: null, noConfig: false };
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index];
    const value = () => {
      index += 1;
      if (index >= rest.length) throw new UsageFailure(`${argument} needs a value`);
      return rest[index];
    };
    if (argument === '--help' || argument === '-h') return { help: true };
    else if (argument === '--profile') parsed.profile = value();
    else if (argument.startsWith('--profile=')) parsed.profile = argument.slice('--profile='.length);
    else if (argument === '--config') parsed.config = value();
    else if (argument.startsWith('--config=')) parsed.config = argument.slice('--config='.length);
    else if (argument === '--no-config') parsed.noConfig = true;
    else if (argument === '--') {
      parsed.paths.push(...rest.slice(index + 1));
      break;
    }
    else if (argument.startsWith('-') && argument !== '-') throw new UsageFailure(`unknown option \`${argument}\``);
    else parsed.paths.push(argument);
  }
  if (parsed.profile !== null && !['standard', 'sre'].includes(parsed.profile)) {
    throw new UsageFailure(`unknown profile \`${parsed.profile}\` (expected \`standard\` or \`sre\`)`);
  }
  if (parsed.config !== null && parsed.noConfig) throw new UsageFailure('--config and --no-config exclude each other');
  if (parsed.paths.length === 0) throw new UsageFailure('name the files to check (the npm checker walks no directory)');
  return parsed;
}

/** Text from bytes that must be UTF-8, as the native checker requires. */
function utf8(bytes, shown) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Failure(`${shown} is not UTF-8 text; save it as UTF-8 and check again`);
  }
}

async function readText(path, shown) {
  let bytes;
  try {
    bytes = path === '-' ? await readStdin() : await readFile(path);
  } catch (error) {
    const reason = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'is a directory (name its files)' : error.message;
    throw new Failure(`cannot read ${shown}: ${reason}`);
  }
  return utf8(bytes, shown);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The configuration's JSON text (`--config`, or the nearest file by name), or null. */
async function readConfig({ config, noConfig }) {
  if (config !== null) return readText(config, config);
  if (noConfig) return null;
  for (let directory = resolve('.'); ; directory = dirname(directory)) {
    for (const name of CONFIG_NAMES) {
      const text = await readFile(join(directory, name)).then((bytes) => utf8(bytes, join(directory, name)), (error) => {
        if (error.code === 'ENOENT' || error.code === 'EISDIR') return null;
        throw new Failure(`cannot read ${join(directory, name)}: ${error.message}`);
      });
      if (text !== null) return text;
    }
    if (dirname(directory) === directory) return null;
  }
}

/** The configuration for `validate`: the file's, with `--profile` over its profile. */
function configuration(text, profile) {
  if (profile === null) return text;
  let config = {};
  if (text !== null) {
    try {
      config = JSON.parse(text);
    } catch (error) {
      throw new Failure(`invalid configuration: ${error.message}`);
    }
  }
  return { ...config, profile };
}

/** A diagnostic's start as 1-based line and column, the column in characters (code points). */
function position(text, { range, offset }) {
  const lineStart = offset.start - (range.start.column - 1);
  return { line: range.start.line, column: [...text.slice(lineStart, offset.start)].length + 1 };
}

function plural(count, noun) {
  return count === 1 ? `1 ${noun}` : `${count} ${noun}s`;
}

async function main(argv) {
  const request = parseArguments(argv);
  if (request.help || request.version) {
    process.stdout.write(request.help ? USAGE : `postmortem ${version()}\n`);
    return 0;
  }
  const config = configuration(await readConfig(request), request.profile);
  // Every file is read before any is reported: a run that cannot check them all reports nothing.
  const files = [];
  for (const path of request.paths) {
    const shown = path === '-' ? '<stdin>' : path;
    files.push({ shown, text: await readText(path, shown) });
  }
  const counts = { error: 0, warning: 0, info: 0 };
  let report = '';
  for (const { shown, text } of files) {
    let validation;
    try {
      validation = validate(text, config);
    } catch (error) {
      throw new Failure(error.message);
    }
    for (const diagnostic of validation.diagnostics) {
      const { line, column } = position(text, diagnostic);
      counts[diagnostic.severity] += 1;
      report += `${shown}:${line}:${column}: ${diagnostic.severity}[${diagnostic.code}] ${diagnostic.message}\n`;
    }
  }
  const checked = plural(files.length, 'file');
  report +=
    counts.error + counts.warning + counts.info === 0
      ? `Checked ${checked}: no problems found.\n`
      : `Checked ${checked}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info.\n`;
  process.stdout.write(report);
  return counts.error > 0 ? EXIT_FINDINGS : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (!(error instanceof Failure)) throw error;
    process.stderr.write(`error: ${error.message}\n${error instanceof UsageFailure ? `\n${USAGE}` : ''}`);
    process.exitCode = EXIT_FAILURE;
  },
);
