/**
 * Deterministic synthetic population of a province (demo seed, `suckhoe generate`, benchmarks).
 * Pure: no I/O, no clock, no global randomness.
 */
export {
  DEFAULT_AS_OF,
  generatePersons,
  type GeneratePersonsOptions,
  type SynthResident,
} from './persons.ts';
export {
  generateFacilities,
  facilityPlan,
  type FacilityPlan,
  type GenerateFacilitiesOptions,
} from './facilities.ts';
export {
  DUPLICATE_KINDS,
  generateDuplicateSet,
  type DuplicateKind,
  type DuplicateLink,
  type DuplicateSet,
  type GenerateDuplicateSetOptions,
} from './duplicates.ts';
export { demoProvince, type DemoOptions, type DemoProvince } from './demo.ts';
export { findProvinceProfile, supportedProvinces } from './province-model.ts';
export type { ProfileDistrict, ProfileHospital, ProvinceProfile } from './profile.ts';
export { Rng, StreamKey, streamKey, type Seed } from './prng.ts';
export type { HouseholdRole } from './households.ts';
export type {
  FacilityLevel,
  SynthAddress,
  SynthBhytCard,
  SynthFacility,
  SynthPerson,
  SynthPersonRecord,
  SynthSex,
} from './types.ts';
export { generateEpisodes, type GenerateEpisodesOptions, type SynthEpisode } from './episodes.ts';
export type { EpisodeKind } from './episodes-visit.ts';
