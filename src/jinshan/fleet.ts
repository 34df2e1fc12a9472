/**
 * Vehicles and drivers of the built-in Jinshan scenario: minibuses and coaches of 19, 33,
 * 45 and 53 seats, most tied to a staff station (`dormitoryId`) or to the enterprise that
 * hired them (`enterpriseId`), a few in a district pool; and the drivers who live with them
 * inside the loops.
 *
 * The figures are invented but plausible, modelled on Jinshan district, Shanghai, in
 * May 2022. At the load factor of 0.5 a 19-seater carries 9, a 33-seater 16, a 45-seater 22
 * and a 53-seater 26. The fleet is sized at roughly one and a half times what each loop's
 * busiest shift needs, with vehicles chained across shifts.
 */
import type { ScenarioInput } from "../scenario/schema.js";
import { seededRandom } from "../util/seeded-random.js";
import { numberedId, personName, WORKFORCE } from "./staff.js";

type VehicleInput = ScenarioInput["vehicles"][number];
type StaffInput = ScenarioInput["staff"][number];

/** Seed of the drivers' names (apart from the workers', so either list can grow alone). */
const DRIVER_NAME_SEED = 20220517;
/** Spare drivers per staff station, beyond one per vehicle that may be based there. */
const SPARE_DRIVERS = 2;

/** `count` vehicles of one kind; ids are `<prefix>-bus-01`, … numbered per prefix. */
interface FleetRow {
  prefix: string;
  seats: 19 | 33 | 45 | 53;
  count: number;
  enterpriseId?: string;
  dormitoryId?: string;
}

const FLEET: readonly FleetRow[] = [
  // Shihua apartments: the refinery and aromatics loops of the petrochemical complex.
  { prefix: "shihua", seats: 53, count: 3, dormitoryId: "shihua-apartments" },
  {
    prefix: "shihua",
    seats: 45,
    count: 1,
    dormitoryId: "shihua-apartments",
    enterpriseId: "shanghai-petrochem",
  },
  { prefix: "shihua", seats: 33, count: 1, dormitoryId: "shihua-apartments" },
  { prefix: "shihua", seats: 19, count: 1, dormitoryId: "shihua-apartments" },
  // The complex's own coaches, for either of its staff stations.
  { prefix: "petrochem", seats: 45, count: 2, enterpriseId: "shanghai-petrochem" },
  { prefix: "jinshanwei", seats: 45, count: 3, dormitoryId: "jinshanwei-apartments" },
  { prefix: "jinshanwei", seats: 19, count: 1, dormitoryId: "jinshanwei-apartments" },
  // SECCO's own coaches, and the Caojing apartments' buses.
  { prefix: "secco", seats: 53, count: 3, enterpriseId: "secco" },
  { prefix: "caojing", seats: 45, count: 1, dormitoryId: "caojing-apartments" },
  { prefix: "caojing", seats: 33, count: 1, dormitoryId: "caojing-apartments" },
  {
    prefix: "zhujing",
    seats: 53,
    count: 4,
    dormitoryId: "zhujing-apartments",
    enterpriseId: "jinshan-electric",
  },
  { prefix: "zhujing", seats: 45, count: 2, dormitoryId: "zhujing-apartments" },
  { prefix: "zhujing", seats: 33, count: 1, dormitoryId: "zhujing-apartments" },
  {
    prefix: "tinglin",
    seats: 45,
    count: 4,
    dormitoryId: "tinglin-apartments",
    enterpriseId: "jinshan-alloy",
  },
  { prefix: "tinglin", seats: 53, count: 1, dormitoryId: "tinglin-apartments" },
  { prefix: "tinglin", seats: 33, count: 1, dormitoryId: "tinglin-apartments" },
  { prefix: "tinglin", seats: 19, count: 1, dormitoryId: "tinglin-apartments" },
  { prefix: "shanyang", seats: 53, count: 3, dormitoryId: "shanyang-apartments" },
  { prefix: "shanyang", seats: 45, count: 1, dormitoryId: "shanyang-apartments" },
  { prefix: "shanyang", seats: 33, count: 1, dormitoryId: "shanyang-apartments" },
  {
    prefix: "lvxiang",
    seats: 19,
    count: 2,
    dormitoryId: "lvxiang-dormitory",
    enterpriseId: "lvxiang-foods",
  },
  // The district's pool, for any loop.
  { prefix: "district", seats: 45, count: 3 },
];

/** Every vehicle (a fresh array on every call). */
export function jinshanVehicles(): VehicleInput[] {
  const perPrefix = new Map<string, number>();
  const vehicles: VehicleInput[] = [];
  for (const row of FLEET) {
    for (let i = 0; i < row.count; i++) {
      const n = (perPrefix.get(row.prefix) ?? 0) + 1;
      perPrefix.set(row.prefix, n);
      const vehicle: VehicleInput = {
        id: numberedId(`${row.prefix}-bus`, n, 2),
        plate: `沪H·J${String(3101 + vehicles.length * 17).padStart(4, "0")}`,
        seats: row.seats,
        seatsPerRow: row.seats === 19 ? 3 : 4,
      };
      if (row.enterpriseId !== undefined) vehicle.enterpriseId = row.enterpriseId;
      if (row.dormitoryId !== undefined) vehicle.dormitoryId = row.dormitoryId;
      vehicles.push(vehicle);
    }
  }
  return vehicles;
}

/** Each staff station with the enterprises whose workers live there, in workforce order. */
function stationEnterprises(): Map<string, string[]> {
  const stations = new Map<string, string[]>();
  for (const workforce of WORKFORCE) {
    for (const crew of workforce.crews) {
      const enterprises = stations.get(crew.dormitoryId) ?? [];
      if (!enterprises.includes(workforce.enterpriseId)) enterprises.push(workforce.enterpriseId);
      stations.set(crew.dormitoryId, enterprises);
    }
  }
  return stations;
}

/**
 * The drivers, living in the staff stations: per station, one for every vehicle tied to it
 * and one for every vehicle of an enterprise that has workers there but tied to no station,
 * plus two spares (who also cover the district pool). Ids are `driver-<station>-01`, … and
 * each driver drives for the first enterprise living in the station.
 */
export function jinshanDrivers(): StaffInput[] {
  const random = seededRandom(DRIVER_NAME_SEED);
  const drivers: StaffInput[] = [];
  for (const [dormitoryId, enterprises] of stationEnterprises()) {
    const based = FLEET.filter(
      (row) =>
        row.dormitoryId === dormitoryId ||
        (row.dormitoryId === undefined &&
          row.enterpriseId !== undefined &&
          enterprises.includes(row.enterpriseId)),
    ).reduce((sum, row) => sum + row.count, 0);
    const station = dormitoryId.split("-")[0] ?? dormitoryId;
    const enterpriseId = enterprises[0] ?? "";
    for (let n = 1; n <= based + SPARE_DRIVERS; n++) {
      drivers.push({
        id: numberedId(`driver-${station}`, n, 2),
        name: personName(random),
        enterpriseId,
        dormitoryId,
        role: "driver",
      });
    }
  }
  return drivers;
}
