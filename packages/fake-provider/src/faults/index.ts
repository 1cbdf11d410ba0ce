/** Fault rules: types, validation, matching and selection. */
export { FAULT_KINDS, MODIFIER_KINDS } from './fault.js';
export type {
  AnswerFault,
  DropFault,
  EmptyFault,
  Fault,
  FaultKind,
  FaultRule,
  GarbledFault,
  HtmlFault,
  LatencyFault,
  MalformedJsonFault,
  OverloadFault,
  RefusalFault,
  ResetFault,
  SlowTokensFault,
  StallFault,
  StatusFault,
  StreamErrorFault,
  TruncateFault,
} from './fault.js';
export { checkFaultRule, validateFaultRules } from './validate-fault-rule.js';
export { compileRule } from './compile-rule.js';
export { compileGlob } from './glob-matcher.js';
export type { CompiledRule, RequestFacts } from './compile-rule.js';
export { selectFaults } from './select-faults.js';
export type { FaultSelection, MainFault } from './select-faults.js';
export { FaultStore } from './fault-store.js';
