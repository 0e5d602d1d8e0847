/** Where a command's result goes: `-o FILE`, else standard output. */
import { writeFile } from 'node:fs/promises';
import { describeError } from '../system-error.js';

/** Writes the result; false (after one Chinese line on stderr) when the file cannot be written. */
export async function emit(content: string | Buffer, output?: string): Promise<boolean> {
  if (!output) {
    process.stdout.write(content);
    return true;
  }
  try {
    await writeFile(output, content);
    return true;
  } catch (e) {
    console.error(`错误 无法写入 ${describeError(e, output)}`);
    return false;
  }
}
