import { cases } from './cases/classification.js';
import { runCases } from './tester.js';

runCases(cases);
