import { sampleBudget, sampleSelfEvaluation } from '../../fixtures/rules/sample-budget.js';
import { fig, para } from '../builder.js';
import { edit } from '../mutate.js';
import type { CaseSet } from '../tester.js';

const B = sampleBudget;
const sample = { name: 'consistent sample budget', doc: B() };

export const cases: CaseSet = {
  'privacy/mobile-number': {
    valid: [
      sample,
      {
        name: 'project codes, ID-like numbers and amounts are no phone numbers',
        doc: edit(B, (d) => {
          d.projects[0].code = '13062522P00456710220G';
          d.paragraphs.push(para('统一社会信用代码 11130102MB1234567X，办公电话 0311-86012345，预算收入13.50万元。'));
        }),
      },
    ],
    invalid: [
      {
        name: 'a contact mobile at the foot of a self-evaluation table',
        doc: edit(sampleSelfEvaluation, (d) => (d.selfEvaluation!.projects[0].problems = '无。填报人：张某 联系电话：13912345678')),
        findings: [{ message: '项目“网络安全培训”绩效自评表存在问题中有手机号码 139****5678（与填报人姓名“张*”一同公开），公开文件不应包含个人手机号码。', where: '项目“网络安全培训”绩效自评表存在问题' }],
      },
      {
        name: 'a mobile under the filler’s name, each on its own line',
        doc: edit(sampleSelfEvaluation, (d) => d.paragraphs.push(para('填报人：'), para('王小明'), para('联系电话：'), para('13812349876'))),
        findings: [{ message: '说明第 4 段中有手机号码 138****9876（与填报人姓名“王**”一同公开），公开文件不应包含个人手机号码。', where: '说明第 4 段' }],
      },
      {
        name: 'a mobile among cell figures',
        doc: edit(B, (d) => {
          d.tables[0].rows[0].values.amount = fig('17712345678');
        }),
        findings: [{ message: '《部门预算收支总表》“一、一般公共预算拨款收入”行中有手机号码 177****5678，公开文件不应包含个人手机号码。' }],
      },
    ],
  },
  'privacy/id-number': {
    valid: [sample, { name: 'eighteen digits with a wrong check digit', doc: edit(B, (d) => d.paragraphs.push(para('编号130102198001011233。'))) }],
    invalid: [
      {
        name: 'a resident ID in the 说明',
        doc: edit(B, (d) => d.paragraphs.push(para('评价组成员张某（身份证号130102198001011232）。'))),
        findings: [{ message: '说明第 14 段中有居民身份证号码 130***********1232，公开文件不应包含身份证号码。', severity: 'error' }],
      },
    ],
  },
};
