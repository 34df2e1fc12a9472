/**
 * Property runs are reproducible: every property's test name carries its seed, and with
 * FC_SEED set (CI sets it) every property runs from that seed, so CI is deterministic.
 * Locally, without FC_SEED, each run explores new cases; rerun a failure with its seed.
 */
import { fc } from "@fast-check/vitest";

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== "") fc.configureGlobal({ seed: Number(seed) });
