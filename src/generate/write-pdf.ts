export async function writePdf(): Promise<Buffer> {
  throw new Error('todo');
}
