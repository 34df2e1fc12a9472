/**
 * The scenario's staff as columns of small integers, for the checks made once per boarding:
 * comparing numbers in three compact arrays is much cheaper than reaching into a hundred
 * thousand person objects scattered in memory, millions of times. Built once per scenario.
 */
import type { ScenarioModel } from "../scenario/model.js";

export interface StaffColumns {
  /** 1 where the person at this scenario index is a worker. */
  worker: Uint8Array;
  /** Index in `scenario.enterprises`. */
  enterprise: Int32Array;
  /** Site indexes (`scenario.sites`) of where they live and where they work (-1: none). */
  dormitory: Int32Array;
  plant: Int32Array;
  /** Enterprise ids to their index, for loops and vehicles that name one. */
  enterpriseIndex: ReadonlyMap<string, number>;
}

const built = new WeakMap<ScenarioModel, StaffColumns>();

export function staffColumns(model: ScenarioModel): StaffColumns {
  const cached = built.get(model);
  if (cached !== undefined) return cached;
  const { staff, enterprises } = model.scenario;
  const enterpriseIndex = new Map(enterprises.map((enterprise, index) => [enterprise.id, index]));
  const columns: StaffColumns = {
    worker: new Uint8Array(staff.length),
    enterprise: new Int32Array(staff.length),
    dormitory: new Int32Array(staff.length),
    plant: new Int32Array(staff.length),
    enterpriseIndex,
  };
  staff.forEach((person, index) => {
    columns.worker[index] = person.role === "worker" ? 1 : 0;
    columns.enterprise[index] = enterpriseIndex.get(person.enterpriseId) ?? -1;
    columns.dormitory[index] = model.siteIndex.get(person.dormitoryId) ?? -1;
    columns.plant[index] =
      person.plantId === undefined ? -1 : (model.siteIndex.get(person.plantId) ?? -1);
  });
  built.set(model, columns);
  return columns;
}
