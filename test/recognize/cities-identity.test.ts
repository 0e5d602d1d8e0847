/**
 * Identity of every real document in ../shared/corpus/cities: kind, year (as the document prints
 * it — 西安 files saved as 2026 are the 2020/2022 budgets, 无锡 信访局/发改 the 2025 ones), entity
 * (the 预算单位 a 上海 单位预算 names, not its department; no 本级/汇总 marker, no trailing 部门) and
 * scope (department 部门/汇总, own 本级, unit 单位预算). Checked on each cover and title by hand.
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkFile } from '../../src/pipeline.js';
import { CORPUS, sharedOnly } from '../helpers/shared.js';

type Row = [suffix: string, kind: string, year: number, entity: string, scope: string | null];

const EXPECTED: Row[] = [
  ["_misfiled/2026年武汉市信访局部门预算.pdf", "budget", 2026, "国家信访局", "department"],
  ["上海/2026年上海市交通运输局_部门预算.pdf", "budget", 2026, "上海交通职业技术学院", "unit"],
  ["上海/2026年上海市人力资源和社会保障局_部门预算.pdf", "budget", 2026, "上海市职业能力考试院", "unit"],
  ["上海/2026年上海市住房和建设局_部门预算.pdf", "budget", 2026, "上海市住房和城乡建设管理委员会人才开发评价中心", "unit"],
  ["上海/2026年上海市信访局_部门预算.pdf", "budget", 2026, "上海市信访办公室", "unit"],
  ["上海/2026年上海市公安局_部门预算.pdf", "budget", 2026, "上海市刑事科学技术研究院", "unit"],
  ["上海/2026年上海市医疗保障局_部门预算.pdf", "budget", 2026, "上海市医疗保险事业管理中心", "unit"],
  ["上海/2026年上海市卫生健康委员会_部门预算.pdf", "budget", 2026, "上海市中医文献馆", "unit"],
  ["上海/2026年上海市发展和改革局_部门预算.pdf", "budget", 2026, "上海市域外农场管理办公室", "unit"],
  ["上海/2026年上海市司法局_部门预算.pdf", "budget", 2026, "上海市戒毒康复中心", "unit"],
  ["上海/2026年上海市商务局_部门预算.pdf", "budget", 2026, "上海钻石宝玉石交易联合管理办公室", "unit"],
  ["北京/2026年北京市交通委员会部门预算.pdf", "budget", 2026, "北京市交通委员会", "department"],
  ["北京/2026年北京市人力资源和社会保障局部门预算.pdf", "budget", 2026, "北京市人力资源和社会保障局", "department"],
  ["北京/2026年北京市人民政府办公厅部门预算.pdf", "budget", 2026, "北京市人民政府办公厅", "department"],
  ["北京/2026年北京市人民政府国有资产监督管理委员会部门预算.pdf", "budget", 2026, "北京市人民政府国有资产监督管理委员会", "department"],
  ["北京/2026年北京市住房和城乡建设委员会部门预算.pdf", "budget", 2026, "北京市住房和城乡建设委员会", "department"],
  ["北京/2026年北京市信访办公室部门预算.pdf", "budget", 2026, "北京市信访办公室", "department"],
  ["北京/2026年北京市公安局交通管理局部门预算.pdf", "budget", 2026, "北京市公安局交通管理局", "department"],
  ["北京/2026年北京市公安局部门预算.pdf", "budget", 2026, "北京市公安局", "department"],
  ["北京/2026年北京市医疗保障局部门预算.pdf", "budget", 2026, "北京市医疗保障局", "department"],
  ["北京/2026年北京市卫生健康委员会部门预算.pdf", "budget", 2026, "北京市卫生健康委员会", "department"],
  ["无锡/2026年无锡市交通运输局部门预算.pdf", "budget", 2026, "无锡市交通运输局", "unit"],
  ["无锡/2026年无锡市住房和建设局部门预算.pdf", "budget", 2026, "无锡市住房和城乡建设局", "unit"],
  ["无锡/2026年无锡市教育局部门预算.pdf", "budget", 2026, "无锡市教育局", "unit"],
  ["无锡/2026年无锡市统计局部门预算.pdf", "budget", 2026, "无锡市统计局", "department"],
  ["无锡/人力资源和社会保障局_2026年部门预算.pdf", "budget", 2026, "无锡市人力资源和社会保障局", "department"],
  ["无锡/信访局_2026年部门预算.pdf", "budget", 2025, "无锡市信访局", "department"],
  ["无锡/发展和改革局_2026年部门预算.pdf", "budget", 2025, "无锡市发展和改革委员会", "department"],
  ["无锡/商务局_2026年部门预算.pdf", "budget", 2026, "无锡市商务局", "department"],
  ["无锡/城市管理和综合执法局_2026年部门预算.pdf", "budget", 2026, "无锡市应急管理综合行政执法监督局", "unit"],
  ["无锡/应急管理局_2026年部门预算.pdf", "budget", 2026, "无锡市应急管理局", "department"],
  ["苏州/2026年苏州市交通运输局部门预算.pdf", "budget", 2026, "苏州市交通运输局", "department"],
  ["苏州/2026年苏州市审计局部门预算.pdf", "budget", 2026, "苏州市审计局", "department"],
  ["苏州/2026年苏州市应急管理局部门预算.pdf", "budget", 2026, "苏州市应急管理局", "department"],
  ["苏州/2026年苏州市数据局部门预算.pdf", "budget", 2026, "苏州市数据局", "department"],
  ["苏州/2026年苏州市水务局部门预算.pdf", "budget", 2026, "苏州市水务局", "unit"],
  ["苏州/2026年苏州市科技创新局部门预算.pdf", "budget", 2026, "苏州市科学技术局", "unit"],
  ["苏州/2026年苏州市自然资源和规划局部门预算.pdf", "budget", 2026, "苏州市自然资源和规划局", "department"],
  ["苏州/生态环境局_2026年部门预算.pdf", "budget", 2026, "苏州市生态环境局", "unit"],
  ["杭州/2026年杭州市交通运输局部门预算.pdf", "budget", 2026, "杭州市交通运输局", "department"],
  ["杭州/2026年杭州市公安局部门预算.pdf", "budget", 2026, "杭州市公安局", "department"],
  ["杭州/2026年杭州市司法局部门预算.pdf", "budget", 2026, "杭州市司法局", "department"],
  ["杭州/2026年杭州市气象局部门预算.pdf", "budget", 2026, "杭州市气象局", "department"],
  ["湖州/2026年湖州市交通运输局部门预算.pdf", "budget", 2026, "湖州市交通运输局", "department"],
  ["湖州/2026年湖州市卫生健康委员会部门预算.pdf", "budget", 2026, "湖州市卫生健康委员会", "department"],
  ["湖州/2026年湖州市财政局部门预算.pdf", "budget", 2026, "湖州市财政局", "department"],
  ["湖州/2026年湖州市退役军人事务局部门预算.pdf", "budget", 2026, "湖州市退役军人事务局", "department"],
  ["西安/2026年西安市人民政府办公厅部门预算.pdf", "budget", 2026, "西安市人民政府办公厅", "department"],
  ["西安/2026年西安市信访局部门预算.pdf", "budget", 2026, "西安市信访局", "department"],
  ["西安/2026年西安市公安局部门预算.pdf", "budget", 2026, "西安市公安局", "department"],
  ["西安/2026年西安市司法局部门预算.pdf", "budget", 2026, "西安市司法局", "department"],
  ["西安/2026年西安市审计局部门预算.pdf", "budget", 2026, "西安市审计局", "department"],
  ["西安/2026年西安市统计局部门预算.pdf", "budget", 2026, "西安市统计局", "department"],
  ["西安/2026年西安市财政局部门预算.pdf", "budget", 2026, "西安市财政局", "department"],
  ["西安/交通运输局_2026年部门预算.pdf", "budget", 2022, "西安市交通运输局", "department"],
  ["西安/人力资源和社会保障局_2026年部门预算.pdf", "budget", 2020, "西安市人力资源和社会保障局", "department"],
  ["西安/住房和建设局_2026年部门预算.pdf", "budget", 2022, "西安市住房和城乡建设局", "department"],
  ["烟台/2026年烟台市交通运输局部门预算.pdf", "budget", 2026, "烟台市交通运输局", "department"],
  ["烟台/2026年烟台市人力资源和社会保障局部门预算.pdf", "budget", 2026, "烟台市人力资源和社会保障局", "department"],
  ["烟台/2026年烟台市人民政府办公室部门预算.pdf", "budget", 2026, "烟台市人民政府办公室", "department"],
  ["烟台/2026年烟台市住房和城乡建设局部门预算.pdf", "budget", 2026, "烟台市住房和城乡建设局", "department"],
  ["烟台/2026年烟台市信访局部门预算.pdf", "budget", 2026, "烟台市信访局", "department"],
  ["烟台/2026年烟台市医疗保障局部门预算.pdf", "budget", 2026, "烟台市医疗保障局", "department"],
  ["烟台/2026年烟台市发展和改革委员会部门预算.pdf", "budget", 2026, "烟台市发展和改革委员会", "department"],
  ["烟台/2026年烟台市司法局部门预算.pdf", "budget", 2026, "烟台市司法局", "department"],
  ["烟台/2026年烟台市商务局部门预算.pdf", "budget", 2026, "烟台市商务局", "department"],
  ["烟台/2026年烟台市大数据局部门预算.pdf", "budget", 2026, "烟台市大数据局", "department"],
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? (n === '_not-disclosures' ? [] : walk(p)) : n.endsWith('.pdf') ? [p] : [];
  });
}

test('every city document: kind, year, entity and scope as the document says', sharedOnly, async () => {
  const files = walk(join(CORPUS, 'cities'));
  assert.equal(files.length, EXPECTED.length);
  for (const f of files) {
    const row = EXPECTED.find(([suffix]) => f.endsWith(`/${suffix}`));
    assert.ok(row, `no expectation for ${f}`);
    const { document: d } = await checkFile(f);
    assert.deepEqual([d.kind, d.year, d.entity.name, d.entity.scope], row.slice(1), f);
  }
});
