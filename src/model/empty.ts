import type { Disclosure, DocumentKind, Summary } from './disclosure.js';

export function emptySummary(): Summary {
  return {
    revenueTotal: null,
    expenditureTotal: null,
    basicExpenditure: null,
    personnelExpenditure: null,
    publicExpenditure: null,
    projectExpenditure: null,
    operatingCosts: null,
    threePublic: { total: null, abroad: null, vehicle: null, vehiclePurchase: null, vehicleOperation: null, reception: null },
    procurementTotal: null,
    assetsTotal: null,
  };
}

/** A disclosure with nothing recognised yet: the recogniser fills it; tests build on it. */
export function emptyDisclosure(source: Disclosure['source'], kind: DocumentKind = 'budget'): Disclosure {
  return {
    kind,
    year: null,
    title: null,
    entity: { name: null, code: null, level: null, region: null },
    unit: { raw: '', scale: '万元' },
    source,
    summary: emptySummary(),
    duties: [],
    units: [],
    tables: [],
    claims: [],
    performance: { overallGoal: null, subGoals: [], safeguards: [] },
    projects: [],
    procurement: { items: [], unit: null },
    assets: { asOf: null, rows: [] },
    glossary: [],
    selfEvaluation: null,
    paragraphs: [],
  };
}
