/**
 * 决算: 年初预算 against 支出决算 as the 说明 states it (domain.md §3, §5.12, §5.18): the completion
 * rate is 决算 ÷ 年初预算; 决算数大于/小于/等于预算数 agrees with the figures; a difference has its
 * reason; and the figures are those of the 决算 tables.
 */


export const FINAL = ['final-accounts'] as const;
