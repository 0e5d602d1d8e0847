/**
 * Signs a template or another document was copied without care (domain.md §8): instructions to
 * whoever fills the template, placeholders, duplicated paragraphs, the wrong administrative level
 * or year, a goal that only restates the duties.
 */


export const LEVEL_NAMES = { county: '区县级', city: '市级', province: '省级' } as const;
