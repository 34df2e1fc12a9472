/**
 * Enterprises and sites of the built-in Jinshan scenario: six enterprises resuming work in
 * closed loops, their staff stations (converted talent apartments) and their plants.
 *
 * The figures are invented but plausible, modelled on Jinshan district, Shanghai, in
 * May 2022; the enterprises are illustrative composites, not records of real companies.
 * Every site sits at its own gate node, joined to its town in `roads.ts`; it has no
 * `lat`/`lon` of its own and takes its gate's position from `roads.nodes` (so a GTFS stop
 * and the first point of its route's shape coincide).
 */
import type { ScenarioInput } from "../scenario/schema.js";

type EnterpriseInput = ScenarioInput["enterprises"][number];
type SiteInput = ScenarioInput["sites"][number];

/** The enterprises (a fresh array on every call). */
export function jinshanEnterprises(): EnterpriseInput[] {
  return [
    {
      id: "jinshan-alloy",
      name: "Jinshan Alloy Materials Co.",
      closedHousing: true,
      positiveCases: [],
    },
    {
      id: "jinshan-electric",
      name: "Jinshan Electrical Equipment Co.",
      closedHousing: true,
      positiveCases: [],
    },
    {
      // A case on 2022-05-10: with 14 quiet days, ineligible until 2022-05-24 inclusive.
      id: "shanyang-precision",
      name: "Shanyang Precision Machinery Co.",
      closedHousing: true,
      positiveCases: ["2022-05-10"],
    },
    {
      // Its staff dormitory is shared with residents: it never qualifies for a closed loop.
      id: "lvxiang-foods",
      name: "Lvxiang Food Processing Co.",
      closedHousing: false,
      positiveCases: [],
    },
    {
      id: "secco",
      name: "Caojing SECCO Chemical Materials Co.",
      closedHousing: true,
      positiveCases: [],
    },
    {
      id: "shanghai-petrochem",
      name: "Shanghai Petrochemical Complex",
      closedHousing: true,
      positiveCases: [],
    },
  ];
}

/** A testing point: opening hours, slot length and people per slot. */
function testing(opens: string, closes: string, slotMinutes: number, perSlot: number) {
  return { opens, closes, slotMinutes, perSlot };
}

/** The staff stations and plants (a fresh array on every call). */
export function jinshanSites(): SiteInput[] {
  return [
    {
      id: "shihua-apartments",
      name: "Shihua Talent Apartments",
      kind: "dormitory",
      node: "shihua-apartments-gate",
      beds: 420,
      testing: testing("05:00", "22:00", 15, 40),
    },
    {
      id: "jinshanwei-apartments",
      name: "Jinshanwei Talent Apartments",
      kind: "dormitory",
      node: "jinshanwei-apartments-gate",
      beds: 300,
      testing: testing("05:30", "21:30", 20, 30),
    },
    {
      id: "caojing-apartments",
      name: "Caojing Talent Apartments",
      kind: "dormitory",
      node: "caojing-apartments-gate",
      beds: 320,
      testing: testing("05:00", "21:00", 15, 30),
    },
    {
      id: "zhujing-apartments",
      name: "Zhujing Talent Apartments",
      kind: "dormitory",
      node: "zhujing-apartments-gate",
      beds: 250,
      testing: testing("05:00", "22:00", 15, 40),
    },
    {
      id: "tinglin-apartments",
      name: "Tinglin Talent Apartments",
      kind: "dormitory",
      node: "tinglin-apartments-gate",
      beds: 200,
      testing: testing("06:00", "20:00", 10, 20),
    },
    {
      id: "shanyang-apartments",
      name: "Shanyang Talent Apartments",
      kind: "dormitory",
      node: "shanyang-apartments-gate",
      beds: 170,
      testing: testing("05:00", "21:00", 15, 25),
    },
    {
      id: "lvxiang-dormitory",
      name: "Lvxiang Staff Dormitory",
      kind: "dormitory",
      node: "lvxiang-dormitory-gate",
      beds: 110,
      testing: testing("06:00", "20:00", 30, 20),
    },
    {
      id: "petrochem-refinery",
      name: "Shanghai Petrochemical Refinery Works",
      kind: "plant",
      node: "petrochem-refinery-gate",
    },
    {
      id: "petrochem-aromatics",
      name: "Shanghai Petrochemical Aromatics Works",
      kind: "plant",
      node: "petrochem-aromatics-gate",
    },
    { id: "secco-plant", name: "SECCO Caojing Plant", kind: "plant", node: "secco-plant-gate" },
    {
      id: "electric-plant",
      name: "Jinshan Electrical Equipment Plant",
      kind: "plant",
      node: "electric-plant-gate",
    },
    { id: "alloy-plant", name: "Jinshan Alloy Plant", kind: "plant", node: "alloy-plant-gate" },
    {
      id: "precision-plant",
      name: "Shanyang Precision Machinery Plant (Zhangyan)",
      kind: "plant",
      node: "precision-plant-gate",
    },
    {
      id: "foods-plant",
      name: "Lvxiang Food Processing Plant",
      kind: "plant",
      node: "foods-plant-gate",
    },
  ];
}
