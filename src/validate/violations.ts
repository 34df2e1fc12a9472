/**
 * Violations as a typed union in the manner of zod's issues: a small shared base (code,
 * message, the ids involved) and one interface per rule code with its own typed data.
 * `RuleCode` is derived from the union, never listed by hand.
 */
import type { TripDirection } from "../roster/schema.js";

/** Fields every violation may carry: the ids a person needs to find the problem. */
export interface ViolationBase {
  message: string;
  tripId?: string;
  personId?: string;
  vehicleId?: string;
  loopId?: string;
  siteId?: string;
  /** A local date `YYYY-MM-DD` (a trip's departure date, a shift's start date). */
  date?: string;
  /** Where in the roster input, for shape and reference problems. */
  path?: (string | number)[];
}

export interface RosterSchemaViolation extends ViolationBase {
  code: "roster-schema";
  path: (string | number)[];
}

export interface UnknownReferenceViolation extends ViolationBase {
  code: "unknown-reference";
  path: (string | number)[];
  referenceKind: "person" | "vehicle" | "driver" | "loop" | "site" | "enterprise";
  reference: string;
}

export interface EligibilityViolation extends ViolationBase {
  code: "eligibility";
  tripId: string;
  personId: string;
  date: string;
  enterpriseId: string;
}

export interface FixedVehicleViolation extends ViolationBase {
  code: "fixed-vehicle";
  vehicleId: string;
  reasons: string[];
}

export interface FixedStopViolation extends ViolationBase {
  code: "fixed-stop";
  tripId: string;
  loopId: string;
  expected: { from: string; to: string };
  found: { from: string; to: string };
}

export interface FixedPersonViolation extends ViolationBase {
  code: "fixed-person";
  personId: string;
  reasons: string[];
}

export interface FixedRouteViolation extends ViolationBase {
  code: "fixed-route";
  loopId: string;
  direction: TripDirection;
  reasons: string[];
}

export interface FixedTestingViolation extends ViolationBase {
  code: "fixed-testing";
  /** Test kinds a boarding lacks (empty for a problem with the tests themselves). */
  missingKinds: string[];
  reasons: string[];
}

export interface ClosedLoopViolation extends ViolationBase {
  code: "closed-loop";
  tripId: string;
  personId: string;
  reason: "starts-at-plant" | "does-not-alternate" | "overlaps" | "ends-at-plant";
}

export interface ShiftCoverageViolation extends ViolationBase {
  code: "shift-coverage";
  personId: string;
  date: string;
  shiftId: string;
  missing: TripDirection[];
}

export interface CapacityViolation extends ViolationBase {
  code: "capacity";
  tripId: string;
  vehicleId: string;
  /** Passengers carried and the vehicle's capacity, for an overloaded trip. */
  carried?: number;
  capacity?: number;
  /** The seat at fault, for a shared or out-of-range seat. */
  seat?: number;
}

export interface VehicleTimingViolation extends ViolationBase {
  code: "vehicle-timing";
  tripId: string;
  vehicleId: string;
  reasons: string[];
}

export interface DriverViolation extends ViolationBase {
  code: "driver";
  personId: string;
  /** Minutes driven on `date` and the limit, for an over-long day. */
  minutes?: number;
  limit?: number;
}

export interface DormitoryCapacityViolation extends ViolationBase {
  code: "dormitory-capacity";
  siteId: string;
  residents: number;
  beds: number;
}

export interface AvailabilityViolation extends ViolationBase {
  code: "availability";
  tripId: string;
  /** The trip's local date of departure, inside the period. */
  date: string;
  /** Who is unavailable: a passenger, the trip's driver, or its vehicle. */
  subject: "person" | "driver" | "vehicle";
  /** The scenario's `unavailable` period that holds the date (the first listed, if several). */
  period: { from: string; to?: string };
  /** The period's `reason`, when it gives one. */
  reason?: string;
}

/** Every break of a rule the validator can report. */
export type Violation =
  | RosterSchemaViolation
  | UnknownReferenceViolation
  | EligibilityViolation
  | FixedVehicleViolation
  | FixedStopViolation
  | FixedPersonViolation
  | FixedRouteViolation
  | FixedTestingViolation
  | ClosedLoopViolation
  | ShiftCoverageViolation
  | CapacityViolation
  | VehicleTimingViolation
  | DriverViolation
  | DormitoryCapacityViolation
  | AvailabilityViolation;

/** The stable code of each rule. */
export type RuleCode = Violation["code"];

/** The violation type of one code. */
export type ViolationOf<C extends RuleCode> = Extract<Violation, { code: C }>;
