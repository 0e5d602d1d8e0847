/** The re-scoring rules' cases live with the scoring tests (test/score/rule-cases.ts); listed here for the coverage test. */
export { cases } from '../../score/rule-cases.js';
