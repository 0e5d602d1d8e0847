import type { Disclosure, DocumentKind, ProcurementSplit, Summary, ThreePublicCounts, Loc, SelfEvalProject } from './disclosure.js';

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
    entity: { name: null, code: null, level: null, region: null, scope: null, parent: null },
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
    shares: [],
    percentChanges: [],
    budgetVsFinal: [],
    threePublicCounts: emptyThreePublicCounts(),
    procurementSplit: emptyProcurementSplit(),
    assetCounts: { vehicles: null, vehiclesByUse: [], equipment: [] },
  };
}

export function emptyThreePublicCounts(): ThreePublicCounts {
  return {
    abroadGroups: null,
    abroadPeople: null,
    vehiclesPurchased: null,
    vehiclesHeld: null,
    receptionBatches: null,
    receptionPeople: null,
    foreignReceptionBatches: null,
    foreignReceptionPeople: null,
  };
}

export function emptyProcurementSplit(): ProcurementSplit {
  return { total: null, goods: null, works: null, services: null, smeAwarded: null, smallMicroAwarded: null, smeReserved: null, smallMicroReserved: null };
}

/** A 项目支出绩效自评表 with nothing read yet: the recogniser fills it; tests build on it. */
export function emptySelfEvalProject(name = '', loc: Loc = {}): SelfEvalProject {
  return {
    name,
    unit: null,
    budget: null,
    budgetFiscal: null,
    available: null,
    availableFiscal: null,
    executed: null,
    executedFiscal: null,
    executionRate: null,
    executionScore: null,
    executionWeight: null,
    executionIndicator: null,
    goals: null,
    achievements: null,
    completionRate: null,
    weights: {},
    indicators: [],
    totalScore: null,
    problems: null,
    loc,
  };
}
