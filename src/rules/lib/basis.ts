/** The texts rules cite as their basis, spelled once. */
export const BASIS = {
  procedure: '《地方预决算公开操作规程》（财预〔2016〕143号）',
  budgetLaw: '《中华人民共和国预算法》及其实施条例',
  classification: '《政府收支分类科目》（财政部，逐年印发）',
  performance: '《项目支出绩效评价管理办法》（财预〔2020〕10号）',
  coreIndicators: '《关于委托第三方机构参与预算绩效管理的指导意见》及核心绩效指标指引（财预〔2021〕101号）',
  privacy: '《中华人民共和国个人信息保护法》；《政府信息公开条例》第十五条',
  identities: (section: string) => `部门预决算公开统一表样的表内表间勾稽关系（domain.md §5.${section}）`,
  practice: (what: string) => `编制实践（${what}），domain.md`,
} as const;
