export async function inputWorkbook(): Promise<Buffer> {
  throw new Error('todo');
}
