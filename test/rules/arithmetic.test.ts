import { cases } from './cases/arithmetic.js';
import { runCases } from './tester.js';

runCases(cases);
