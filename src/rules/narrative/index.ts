import type { Rule } from '../types.js';
import { plannedPurchasesListed } from './planned-purchases.js';
import { changeDirection, claimYear, projectItemBudget, share, threePublic, threePublicChange } from './statements.js';
import {
  basicPartsSum,
  changeSum,
  expenditurePartsSum,
  operatingCostsItemsSum,
  projectListSum,
  revenueSourcesSum,
  threePublicPartsSum,
  threePublicVehicleSum,
} from './sums.js';
import {
  assetsTotal,
  basicExpenditure,
  expenditureTotal,
  operatingCosts,
  personnel,
  procurementTotal,
  projectExpenditure,
  publicFunds,
  revenueSource,
  revenueTotal,
} from './vs-tables.js';

export const narrativeRules: Rule[] = [
  revenueTotal,
  revenueSource,
  expenditureTotal,
  basicExpenditure,
  personnel,
  publicFunds,
  projectExpenditure,
  operatingCosts,
  threePublic,
  procurementTotal,
  assetsTotal,
  revenueSourcesSum,
  expenditurePartsSum,
  basicPartsSum,
  projectListSum,
  projectItemBudget,
  changeSum,
  changeDirection,
  operatingCostsItemsSum,
  threePublicPartsSum,
  threePublicVehicleSum,
  threePublicChange,
  share,
  claimYear,
  plannedPurchasesListed,
];
