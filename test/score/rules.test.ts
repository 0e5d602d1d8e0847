/** The re-scoring rules against their valid and invalid cases (RuleTester). */
import { runCases } from '../rules/tester.js';
import { cases } from './rule-cases.js';

runCases(cases);
