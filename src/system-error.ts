/**
 * Errors from Node and the operating system (ENOENT, EADDRINUSE, ECONNREFUSED …) said in Chinese
 * for the user, with the code kept in brackets for whoever searches for it. Anything else keeps
 * its own first line.
 */
const CODES: Record<string, string> = {
  ENOENT: '文件或目录不存在',
  EACCES: '没有权限',
  EPERM: '操作不被允许',
  EISDIR: '是一个目录，不是文件',
  ENOTDIR: '路径中有一段不是目录',
  EEXIST: '已经存在',
  ENOSPC: '磁盘空间不足',
  EROFS: '文件系统只读',
  EMFILE: '打开的文件过多',
  EADDRINUSE: '端口已被占用',
  EADDRNOTAVAIL: '本机没有这个地址',
  ECONNREFUSED: '连接被拒绝（服务没有运行？）',
  ECONNRESET: '连接被对方断开',
  ETIMEDOUT: '连接超时',
  ENOTFOUND: '找不到该主机',
  EAI_AGAIN: '暂时无法解析主机名',
};

/** One Chinese line for an error; `what` names the file, port or server it concerns. */
export function describeError(e: unknown, what?: string): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CODES[code]) return `${what ? `${what}：` : ''}${CODES[code]}（${code}）`;
  const line = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return what ? `${what}：${line}` : line;
}
