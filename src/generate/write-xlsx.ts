export async function writeXlsx(): Promise<Buffer> {
  throw new Error('todo');
}
