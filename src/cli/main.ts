/**
 * The gongkai command line. Each command is a small module loaded when it runs (`--help` loads
 * none of them); this file only wires them.
 */
import { Option } from 'commander';
import { addCheckCommand } from './check-command.js';
import { parsePort, parsePositiveInt, parseWorkers } from './options.js';
import { gongkaiProgram, runProgram } from './program.js';

const DB = '数据库：SQLite 文件路径或 postgres:// 地址（默认环境变量 DATABASE_URL，未设置时为 ./data/gongkai.db）';

const program = gongkaiProgram();

// check's own quick start (launch.ts) runs the same definition with the reading thread started first.
addCheckCommand(program, async (files, request) => (await import('./check.js')).runCheck(files, request));

program
  .command('import')
  .description('把文件或文件夹中的公开文件检查后导入数据库（重复文件自动跳过，同一单位同一年度的新文件成为新版本）')
  .argument('<paths...>', '文件或文件夹')
  .option('--db <file|url>', DB)
  .option('--workers <n>', '并行工作线程数（0 表示在主线程中检查；默认为 CPU 核数）', parseWorkers)
  .option('--queue', '只把文件放入 PostgreSQL 中的任务队列，由 gongkai worker（可在多台机器上）检查和存储')
  .option('--job-timeout <秒>', '与 --queue 同用：工作进程处理一个文件超过此时间（如进程中断）即交给其他工作进程', parsePositiveInt, 120)
  .action(async (paths: string[], opts) => {
    if (opts.queue) {
      const { runEnqueue } = await import('./queue.js');
      process.exitCode = await runEnqueue(paths, { db: opts.db, jobTimeout: opts.jobTimeout });
      return;
    }
    const { runImport } = await import('./store-commands.js');
    process.exitCode = await runImport(paths, { db: opts.db, workers: opts.workers });
  });

program
  .command('worker')
  .description('从 PostgreSQL 任务队列取出 gongkai import --queue 排队的文件，检查并存入数据库（可在多台机器上同时运行；中断的文件由其他工作进程重做，每个文件只存一次）')
  .option('--db <url>', DB)
  .option('--workers <n>', '同时检查的文件数（工作线程；默认为 CPU 核数）', parsePositiveInt)
  .option('--until-done', '队列中没有待处理的文件时退出（默认一直运行，Ctrl-C 停止）')
  .action(async (opts) => {
    const { runWorker } = await import('./queue.js');
    process.exitCode = await runWorker({ db: opts.db, workers: opts.workers, untilDone: !!opts.untilDone });
  });

program
  .command('jobs')
  .description('任务队列的进度：每批文件排队、处理中、已导入、已存在、失败的数量及失败原因')
  .option('--db <url>', DB)
  .option('--batch <name>', '只看这一批（gongkai import --queue 打印的批次名）')
  .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json']).default('text'))
  .action(async (opts) => {
    const { runJobs } = await import('./queue.js');
    process.exitCode = await runJobs({ db: opts.db, batch: opts.batch, format: opts.format });
  });

program
  .command('serve')
  .description('启动 HTTP API（OpenAPI：/api/openapi.json，文档：/api/docs）')
  .option('--port <n>', '端口（0 表示任选空闲端口）', parsePort, 8080)
  .option('--host <host>', '监听地址', '127.0.0.1')
  .option('--db <file|url>', DB)
  .option('--public-read', '监听非本机地址时，未登录也可查询（写入仍须账户）')
  .option('--insecure-cookies', '会话 Cookie 不加 Secure（仅用于没有 HTTPS 的可信内网）')
  .action(async (opts) => {
    const { runServe } = await import('./store-commands.js');
    process.exitCode = await runServe({ port: opts.port, host: opts.host, db: opts.db, publicRead: !!opts.publicRead, insecureCookies: !!opts.insecureCookies });
  });

program
  .command('user')
  .description('账户（监听非本机地址时须登录）：add <名称> --role <角色>、list、passwd <名称>、set <名称>、disable <名称>、enable <名称>；密码取自环境变量 GONGKAI_PASSWORD 或标准输入的一行')
  .argument('<action>', 'add、list、passwd、set、disable 或 enable')
  .argument('[name]', '账户名')
  .option('--role <role>', '角色：admin（管理员）、reviewer（审核人员）、editor（部门填报人员）、viewer（查看人员）')
  .option('--region <name>', '审核人员负责的地区（省略为不限）')
  .option('--entity <name>', '部门填报人员所属单位（只能上传该单位的文件）')
  .option('--db <file|url>', DB)
  .action(async (action: string, name: string | undefined, opts) => {
    const { runUser } = await import('./accounts.js');
    process.exitCode = await runUser(action, name, opts);
  });

program
  .command('token')
  .description('程序用的 API 令牌：create <账户> [--name 用途]（令牌打印到标准输出，只显示一次）、list、revoke <编号>')
  .argument('<action>', 'create、list 或 revoke')
  .argument('[arg]', '账户名（create）或令牌编号（revoke）')
  .option('--name <label>', '令牌用途')
  .option('--db <file|url>', DB)
  .action(async (action: string, arg: string | undefined, opts) => {
    const { runToken } = await import('./accounts.js');
    process.exitCode = await runToken(action, arg, opts);
  });

program
  .command('backup')
  .description('把 SQLite 数据库在线备份到一个文件（服务和导入可继续运行）；PostgreSQL 请用 pg_dump')
  .argument('<file>', '备份文件（不得已存在）')
  .option('--db <file|url>', DB)
  .action(async (file: string, opts) => {
    const { runBackup } = await import('./store-commands.js');
    process.exitCode = await runBackup(file, { db: opts.db });
  });

program
  .command('restore')
  .description('用备份文件替换 SQLite 数据库（请先停止 gongkai serve）；PostgreSQL 请用 pg_restore')
  .argument('<file>', '备份文件')
  .option('--db <file|url>', DB)
  .option('--force', '目标数据库已有文件时也覆盖')
  .action(async (file: string, opts) => {
    const { runRestore } = await import('./store-commands.js');
    process.exitCode = await runRestore(file, { db: opts.db, force: !!opts.force });
  });

program
  .command('score')
  .description('按计分办法重新计算绩效自评的执行率、各指标得分、总分、等级和部门得分，与文件所填对照')
  .argument('<file>', '绩效自评报告文件')
  .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json']).default('text'))
  .option('-o, --output <file>', '输出写入文件')
  .option('-p, --profile <name>', '计分办法（profiles/scoring/ 下的名称、文件路径或 auto）', 'auto')
  .action(async (file: string, opts) => {
    const { runScore } = await import('./score.js');
    process.exitCode = await runScore(file, { format: opts.format, output: opts.output, profile: opts.profile });
  });

program
  .command('report')
  .description('生成报告：self-evaluation 由输入的年度数据、预期指标值和实际完成值计算得分，生成部门整体支出绩效自评报告（.docx）')
  .argument('<kind>', '报告类型：self-evaluation')
  .argument('[input]', '输入 JSON（格式见 --schema 与 examples/self-evaluation-input.json）')
  .option('-o, --output <file>', '输出的 .docx 文件（--schema 时为 JSON Schema 文件）')
  .option('-p, --profile <name>', '计分办法（profiles/scoring/ 下的名称或文件路径；默认取输入中的 scoringProfile 或 national）')
  .option('--schema', '打印输入 JSON 的 JSON Schema')
  .action(async (kind: string, input: string | undefined, opts) => {
    const { runReport } = await import('./report.js');
    process.exitCode = await runReport(kind, input, { output: opts.output, profile: opts.profile, schema: opts.schema });
  });

program
  .command('generate')
  .description('由预算（决算）数据生成公开文件：表格与说明中的数字全部由数据计算，生成前先检查数据本身')
  .argument('<kind>', '文件类型：budget 或 final-accounts')
  .argument('[input]', '数据：JSON（格式见 --schema）、gongkai 填报表或预算系统导出的 .xlsx，或已公开的文件')
  .option('-o, --output <file>', '输出文件，格式由扩展名决定：.docx .xlsx .pdf .html')
  .option('-t, --template <name>', '地区模板：hebei-2022、jiangsu、shanghai（决算：national-final）')
  .option('--prior <file>', '上年公开文件：其数字作为上年数，职责、机构、名词解释作为初稿')
  .option('--draft', '数据有错误时仍生成，输出带“草稿”水印')
  .option('--schema', '打印数据 JSON 的 JSON Schema')
  .action(async (kind: string, input: string | undefined, opts) => {
    const { runGenerate } = await import('./generate.js');
    process.exitCode = await runGenerate(kind, input, { output: opts.output, template: opts.template, prior: opts.prior, draft: opts.draft, schema: opts.schema });
  });

program
  .command('template')
  .description('生成填报用的 Excel 工作簿：每部分一个工作表，带代码下拉列表、数字校验和填写说明')
  .argument('<kind>', '类型：budget')
  .option('-o, --output <file>', '输出的 .xlsx 文件')
  .action(async (kind: string, opts) => {
    const { runTemplate } = await import('./generate.js');
    process.exitCode = await runTemplate(kind, { output: opts.output });
  });

const ledger = program.command('ledger').description('应公开单位台账：谁应公开、谁已公开、何时公开、缺失或逾期');
ledger
  .command('import')
  .description('导入应公开单位名单（.csv 或 .xlsx；表头 地区、部门、单位，可选 级次、年度、应公开、批复日期、公开日期）')
  .argument('<file>', '名单文件')
  .option('--db <file|url>', DB)
  .option('--year <year>', '名单没有“年度”列时的年度', (v) => parseInt(v, 10))
  .action(async (file: string, opts) => {
    const { runLedgerImport } = await import('./region.js');
    process.exitCode = await runLedgerImport(file, opts);
  });
ledger
  .command('report', { isDefault: true })
  .description('按单位、年度列出已公开、逾期（批复后 20 日）和未公开')
  .option('--db <file|url>', DB)
  .option('--year <year>', '年度', (v) => parseInt(v, 10))
  .option('--region <name>', '地区（名单中的地区名称，包含即可）')
  .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json', 'csv', 'xlsx']).default('text'))
  .option('-o, --output <file>', '输出写入文件（xlsx 格式必需）')
  .action(async (opts) => {
    const { runLedgerReport } = await import('./region.js');
    process.exitCode = await runLedgerReport(opts);
  });

program
  .command('transparency')
  .description('透明度得分（及时性、完整性、细化程度、准确性、公开形式）及每项失分原因：给出文件则检查这些文件，否则按地区对库中文件排名')
  .argument('[files...]', '要评分的文件（省略则评库中文件）')
  .option('--db <file|url>', DB)
  .option('--region <name>', '地区（河北、石家庄市、鹿泉区……含下级）')
  .option('--year <year>', '年度', (v) => parseInt(v, 10))
  .option('--kind <kind>', '类型：budget、final-accounts、self-evaluation')
  .option('-p, --profile <name>', '评分配置（profiles/transparency/ 下的名称或文件路径）')
  .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json', 'csv', 'xlsx']).default('text'))
  .option('-o, --output <file>', '输出写入文件（xlsx 格式必需）')
  .action(async (files: string[], opts) => {
    const { runTransparency } = await import('./region.js');
    process.exitCode = await runTransparency(files, opts);
  });

program
  .command('entities')
  .description('单位与别名：aliases [单位编号] 列出名称键；merge <并入> <保留> 合并两个单位；split <单位编号> <名称> 拆出一个名称')
  .argument('<action>', 'aliases、merge 或 split')
  .argument('[args...]', '操作的参数')
  .option('--db <file|url>', DB)
  .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json', 'csv']).default('text'))
  .action(async (action: string, args: string[], opts) => {
    const { runEntities } = await import('./region.js');
    process.exitCode = await runEntities(action, args, opts);
  });

program
  .command('compare')
  .description('对比：同一单位跨年度（--entity --years）、同年预算与决算（--entity --year）、部门并列（--entities --year）或指定文档（--documents）；按科目编码逐行对应，列出增减和增减率')
  .option('--db <file|url>', DB)
  .option('--documents <ids>', '文档编号，逗号分隔')
  .option('--entity <id>', '单位编号')
  .option('--entities <ids>', '单位编号，逗号分隔')
  .option('--years <years>', '年度，逗号分隔')
  .option('--year <year>', '年度')
  .option('--kind <kind>', '类型：budget、final-accounts')
  .option('--table <kind>', '表格类型（默认一般公共预算财政拨款支出表）')
  .option('--measure <key>', '列（默认 total）')
  .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json', 'csv', 'xlsx']).default('text'))
  .option('-o, --output <file>', '输出写入文件（xlsx 格式必需）')
  .action(async (opts) => {
    const { runCompare } = await import('./region.js');
    process.exitCode = await runCompare(opts);
  });

void runProgram(program);
