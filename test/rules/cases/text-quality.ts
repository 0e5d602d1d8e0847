import { sampleBudget, sampleSelfEvaluation } from '../../fixtures/rules/sample-budget.js';
import { budget, para, project } from '../builder.js';
import { edit } from '../mutate.js';
import type { CaseSet } from '../tester.js';

const B = sampleBudget;
const SE = sampleSelfEvaluation;
const sample = { name: 'consistent sample budget', doc: B() };

export const cases: CaseSet = {
  'text-quality/template-instruction': {
    valid: [sample, { name: 'an ordinary sentence with 填写', doc: edit(B, (d) => d.paragraphs.push(para('各单位按要求填写了绩效目标表，并经财政部门审核。'))) }],
    invalid: [
      {
        name: 'an instruction to the person filling the template',
        doc: edit(B, (d) => d.paragraphs.push(para('本年度无拟购置固定资产的写：我部门本年度无国有资产购置计划，拟购置金额为0。', 'assets'))),
        findings: [{ message: '说明第 14 段（assets）残留模板填写说明：“…无拟购置固定资产的写：我部门本年度无国有资产购置计划，拟购置…”。', where: '说明第 14 段（assets）' }],
      },
      {
        name: 'a fill-in request',
        doc: edit(B, (d) => d.paragraphs.push(para('（请据实填写本部门其他需要说明的事项）'))),
        findings: [{ message: '说明第 14 段残留模板填写说明：“（请据实填写本部门其他需要说明的事项）”。' }],
      },
    ],
  },
  'text-quality/placeholder': {
    valid: [sample, { name: 'Latin letters in a word are no placeholder', doc: edit(B, (d) => d.paragraphs.push(para('通过 XXL 规格的展板和 Excel 表格开展宣传。'))) }],
    invalid: [
      {
        name: 'XX left for the unit name',
        doc: edit(B, (d) => d.paragraphs.push(para('XX单位2022年部门预算收入如下。'))),
        findings: [{ message: '说明第 14 段残留占位符“XX”：“XX单位2022年部门预算收入如下。”。' }],
      },
      {
        name: 'a {单位} field in a table title',
        doc: edit(B, (d) => (d.tables[0].title = '{单位}部门预算收支总表')),
        findings: [{ message: '《{单位}部门预算收支总表》标题残留占位符“{单位}”：“{单位}部门预算收支总表”。' }],
      },
    ],
  },
  'text-quality/duplicate-paragraph': {
    valid: [
      sample,
      {
        name: 'the same figures in two parallel parts of the template (财政拨款 and 一般公共预算 basic expenditure)',
        doc: edit(B, (d) => {
          const staff = '（一）人员经费308.20万元。主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费。';
          d.paragraphs.push(para('六、财政拨款基本支出预算情况说明'), para('2022年财政拨款基本支出预算330.50万元，其中：'), para(staff));
          d.paragraphs.push(para('七、一般公共预算基本支出预算情况说明'), para('2022年一般公共预算财政拨款基本支出预算330.50万元，其中：'), para(staff));
        }),
      },
    ],
    invalid: [
      {
        name: 'a paragraph repeated with another number',
        doc: edit(B, (d) => d.paragraphs.push(para('3、支出说明：2022年部门支出预算为410.50万元，其中基本支出330.50万元，包括人员经费308.20万元和日常公用经费22.30万元；项目支出80.00万元，主要为网络安全检测服务30.00万元，舆情监测服务50.00万元。'))),
        findings: [{ message: '说明第 14 段与第 6 段重复：“3、支出说明：2022年部门支出预算为410.50万元，其中…”。' }],
      },
      {
        name: 'a figures paragraph twice under one heading',
        doc: edit(B, (d) => {
          const staff = '（一）人员经费308.20万元。主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费。';
          d.paragraphs.push(para('六、财政拨款基本支出预算情况说明'), para(staff), para(staff));
        }),
        findings: [{ message: '说明第 16 段与第 15 段重复：“（一）人员经费308.20万元。主要包括：基本工资、津贴补贴…”。' }],
      },
      {
        name: 'a passage pasted twice inside one paragraph',
        doc: edit(B, (d) => {
          const duty = '统筹协调全区网络安全保障体系建设，组织开展网络安全检查、通报和应急处置，指导各乡镇和有关部门做好网络安全工作；';
          d.paragraphs.push(para(`主要职责是：${duty}负责网络舆情收集研判。主要职责是：${duty}`, 'duties'));
        }),
        findings: [{ message: '说明第 14 段中同一段文字前后出现两遍（重复 61 字）：“主要职责是：统筹协调全区网络安全保障体系建设，组织开展网络安…”。', where: '说明第 14 段' }],
      },
    ],
  },
  'text-quality/wrong-level-glossary': {
    valid: [sample],
    invalid: [
      {
        name: '省级 in a district glossary',
        doc: edit(B, (d) => (d.glossary[1].definition = '纳入区级财政预算管理的“三公”经费，是指省级部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。')),
        findings: [{ message: '名词解释““三公”经费”中出现“省级”，而本单位为区县级单位：“…三公”经费，是指省级部门用财政拨款安排的因公出国（境）费、公…”。', severity: 'warning' }],
      },
    ],
  },
  'text-quality/wrong-level-text': {
    valid: [sample],
    invalid: [
      {
        name: '我省 in a district 说明',
        doc: edit(B, (d) => d.paragraphs.push(para('按照预算管理有关规定，目前我省部门预算的编制实行综合预算管理。'))),
        findings: [{ message: '说明第 14 段以“我省”自称，而本单位为区县级单位：“…理有关规定，目前我省部门预算的编制实行综合预算管理。”。', severity: 'info' }],
      },
    ],
  },
  'text-quality/title-year': {
    valid: [sample, { name: 'a comparison with the year before', doc: edit(B, (d) => d.paragraphs.push(para('较2021年部门预算增加20.00万元。'))) }],
    invalid: [
      {
        name: 'a table title of last year',
        doc: edit(B, (d) => (d.tables[0].title = '2021年部门预算收支总表')),
        findings: [{ message: '《2021年部门预算收支总表》写的是 2021 年（“2021年部门预算收支总表”），而本文件为 2022 年度。' }],
      },
    ],
  },
  'text-quality/goal-restates-duties': {
    valid: [sample],
    invalid: [
      {
        name: 'the duties as the goal',
        doc: edit(B, (d) => (d.performance.overallGoal = `主要职责是：${d.duties.join('')}`)),
        findings: [{ message: /^部门整体绩效目标与部门职责的文字重合 9\d%，目标只是重述职责。$/ }],
      },
      {
        name: 'sub-goals that are the duties cut in pieces',
        doc: edit(B, (d) => {
          d.performance.subGoals = [
            { name: '网络安全协调', goal: d.duties[0], indicators: '检测覆盖率不低于95%。', loc: {} },
            { name: '舆情研判报送', goal: '按时报送舆情。', indicators: d.duties[1], loc: {} },
            { name: '宣传活动', goal: '开展一次全民网络安全宣传活动，发放宣传册两千份。', indicators: '活动参与人数不少于五百人。', loc: {} },
          ];
        }),
        findings: [{ message: '分项绩效目标 3 项中有 2 项（“网络安全协调”“舆情研判报送”）的绩效目标或绩效指标与部门职责的文字重合八成以上，只是重述职责。', where: '分项绩效目标' }],
      },
    ],
  },
  'text-quality/duplicate-goal': {
    valid: [
      sample,
      { name: 'two goals that differ', doc: budget({ projects: [project('聘用人员经费', { goals: ['1、按月足额发放聘用人员报酬', '2、按时缴纳聘用人员社会保险'] })] }) },
    ],
    invalid: [
      {
        name: 'the first goal copied as the second',
        doc: budget({ projects: [project('聘用人员经费', { goals: ['1、按月足额发放聘用人员报酬', '2、按月足额发放聘用人员报酬。'] })] }),
        findings: [{ message: '项目“聘用人员经费”绩效目标表第 1、2 条绩效目标相同：“按月足额发放聘用人员报酬”。', where: '项目“聘用人员经费”绩效目标表绩效目标', severity: 'warning' }],
      },
    ],
  },
  'text-quality/foreign-topic': {
    valid: [
      sample,
      { name: 'consistent sample self-evaluation', doc: SE() },
      {
        name: 'next steps about the department’s own work',
        doc: edit(SE, (d) => d.paragraphs.push(para('五、存在的问题及改进措施'), para('下一步将加强舆情监测运行管理，提高舆情监测报送时效，确保舆情监测全年不间断。'))),
      },
    ],
    invalid: [
      {
        name: 'next steps about another department’s business',
        doc: edit(SE, (d) => d.paragraphs.push(para('五、存在的问题及改进措施'), para('下一步将加强库存粮食管理，确保库存粮食数量准确，按期完成库存轮换任务。'))),
        findings: [
          {
            message: '说明第 2 段反复提到“库存”（3 次，其中“库存粮食” 2 次），而文件其余部分从未出现，疑为照抄其他部门的文字：“下一步将加强库存粮食管理，确保库存粮食数量准确，按期完成库存…”。',
            where: '说明第 2 段',
            severity: 'warning',
          },
        ],
      },
    ],
  },
};
