/**
 * The registry of rules that run once the roster has the right shape, in report order.
 * Its keys, with `roster-schema`, are the complete list of rule codes: the type below makes
 * the compiler refuse a code without its rule.
 */
import type { Rule } from "../rule.js";
import type { RuleCode } from "../violations.js";
import { checkAvailability } from "./availability.js";
import { checkCapacity } from "./capacity.js";
import { checkClosedLoop } from "./closed-loop.js";
import { checkDormitoryCapacity } from "./dormitory-capacity.js";
import { checkDriver } from "./driver.js";
import { checkEligibility } from "./eligibility.js";
import { checkFixedPerson } from "./fixed-person.js";
import { checkFixedRoute } from "./fixed-route.js";
import { checkFixedStop } from "./fixed-stop.js";
import { checkFixedTesting } from "./fixed-testing.js";
import { checkFixedVehicle } from "./fixed-vehicle.js";
import { checkShiftCoverage } from "./shift-coverage.js";
import { checkUnknownReferences } from "./unknown-reference.js";
import { checkVehicleTiming } from "./vehicle-timing.js";

type RosterRuleCode = Exclude<RuleCode, "roster-schema">;

export const ROSTER_RULES: { readonly [C in RosterRuleCode]: Rule<C> } = {
  "unknown-reference": checkUnknownReferences,
  eligibility: checkEligibility,
  "fixed-vehicle": checkFixedVehicle,
  "fixed-stop": checkFixedStop,
  "fixed-person": checkFixedPerson,
  "fixed-route": checkFixedRoute,
  "fixed-testing": checkFixedTesting,
  "closed-loop": checkClosedLoop,
  "shift-coverage": checkShiftCoverage,
  capacity: checkCapacity,
  "vehicle-timing": checkVehicleTiming,
  driver: checkDriver,
  "dormitory-capacity": checkDormitoryCapacity,
  availability: checkAvailability,
};

/** Every rule code, in report order. */
export const RULE_CODES: readonly RuleCode[] = [
  "roster-schema",
  ...(Object.keys(ROSTER_RULES) as RosterRuleCode[]),
];
