/** The health book as the API returns it (the domain's contract types; type-only). */
export type {
  BookAdministrative,
  BookAppointment,
  BookCondition,
  BookDocument,
  BookEpisode,
  BookHistory,
  BookImmunisation,
  BookReferral,
  HealthBook,
  Provenance,
} from '@suckhoe/domain/healthbook/types';
