/**
 * What recognition itself reports about its reading, as catalog entries (the findings catalog,
 * src/findings/catalog.ts): the default severity given here, switched off or re-graded by profiles.
 */
export const RECOGNITION_FINDINGS = [
  {
    id: 'read/table-uncertain',
    title: '表格读取未能核验',
    severity: 'info',
    description: '表格的读取无法由表内勾稽关系确认（各行合计、类款项、两侧总计不成立之处分散全表，多半是表头或行结构读错）：运算、表间、说明与表格、科目四类规则都不读这张表的数字。',
  },
  {
    id: 'read/unplaced-table',
    title: '含金额的表格未识别',
    severity: 'warning',
    description: '一张含有金额的表格未能识别为任何标准表格（标题和表头都不像），其数字未纳入检查。',
  },
  {
    id: 'read/unparsed-figure',
    title: '金额栏中的文字',
    severity: 'warning',
    description: '金额栏中写的是文字而不是数字（如“详见附表”“—”以外的说明），无法核对；如实报告，不悄悄丢掉。',
  },
] as const;
