/**
 * The command's entry (bin/gongkai.js runs it). `check` starts on a path of its own, ordered by
 * what the first finding waits for:
 *   1. the reading thread (a new V8 isolate and Node environment, some 50 ms) starts first;
 *   2. `check`'s command-line definition (check-command.ts, with commander) parses the arguments,
 *      and the first file is sent to the thread, which reads it as soon as it has started;
 *   3. meanwhile this thread loads `check`'s compiled script with its code cache (compiled-check.ts).
 * Every other command, and `check --help`, loads the whole command line (main.ts).
 * Bundled, this module is dist/cli-bundle/launch.cjs, a CommonJS script: Node starts it without
 * its ES module loader, some 10 ms sooner (scripts/build.mjs).
 */
import { BoundedReader } from '../workers/bounded-read.js';

const HELP = new Set(['-h', '--help', '-V', '--version']);

// A reader that stops reading (`gongkai check … --format json | head`) is no fault of the command:
// it ends quietly, as other command-line tools do, instead of with Node's stack trace for EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit();
  });
}

async function launch(argv: readonly string[]): Promise<void> {
  if (argv[0] !== 'check' || argv.some((a) => HELP.has(a))) {
    await import('./main.js');
    return;
  }
  const reader = new BoundedReader();
  // Until a file is asked of it the thread does not hold the process open: a usage error still ends it.
  reader.prepare();
  const [{ gongkaiProgram, runProgram }, { addCheckCommand }, { loadForCheck }] = await Promise.all([
    import('./program.js'),
    import('./check-command.js'),
    import('./compiled-check.js'),
  ]);
  const program = gongkaiProgram();
  addCheckCommand(program, async (files, request) => {
    if (files.length > 0) reader.prefetch(files[0], { maxBytes: request.maxBytes });
    // The compiled script when the build made one, else the modules.
    const { runCheck } = loadForCheck()?.module ?? (await import('./check.js'));
    return runCheck(files, { ...request, reader });
  });
  await runProgram(program);
  // The command is done once its output is out: the process ends here, without ending the reading
  // thread first or tearing down the heaps (some 6 ms of the way to the exit status).
  await flushed(process.stdout);
  await flushed(process.stderr);
  process.exit();
}

/**
 * Resolves once what was written to the stream is out: a full pipe takes it later, and ending the
 * process before would cut the report. An empty write's callback runs after every write before it.
 */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return stream.writableLength === 0 ? Promise.resolve() : new Promise((resolve) => stream.write('', () => resolve()));
}

void launch(process.argv.slice(2));
