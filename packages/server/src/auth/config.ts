import { resolve } from 'node:path';
import { z } from 'zod';

/** Security settings read from the environment (merged into config/config.ts; documented in docs/security.md). */
export const SECURITY_ENV = {
  /** A care relationship (check-in, episode, referral, appointment, manual start) counts for this many days. */
  CARE_WINDOW_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Comma-separated browser origins allowed by CORS; empty = same origin only. */
  CORS_ORIGINS: z.string().default(''),
  /**
   * Audit partitions older than this many months are dropped by `suckhoe audit prune` (default 120 =
   * 10 years); when set, the server's scheduled jobs also prune (jobs/).
   */
  AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(1200).optional(),
  /** Append-only file of audit-chain anchors outside the database; when set, the server anchors on every job run. */
  AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  /** HMAC key signing the anchors (keep it away from the database and its administrators). */
  AUDIT_ANCHOR_KEY: z.string().min(16, 'AUDIT_ANCHOR_KEY cần ít nhất 16 ký tự').optional(),
  /** Scheduled jobs (partitions, retention, anchors) run at start and then every this many minutes; 0 = off. */
  JOBS_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  /** Refresh-token lifetime (rotating; one working shift by default). */
  REFRESH_TTL_SECONDS: z.coerce.number().int().min(300).max(2_592_000).default(43_200),
  /** Comma-separated previous JWT secrets still accepted (key rotation with JWT_SECRET). */
  JWT_PREVIOUS_SECRETS: z.string().optional(),
  /** Generated signing keys (no JWT_SECRET) are rotated automatically at this age; 0 = never. */
  JWT_KEY_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  /** Failed logins before a username is locked (1 min, doubling each time, at most 1 h). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Failed logins before a client address is locked (higher: a hospital's desks share one NAT address). */
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Login and refresh requests per minute per client address (flood control, in memory). */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
};

export type SecurityEnv = z.infer<z.ZodObject<typeof SECURITY_ENV>>;

export interface SecurityConfig {
  careWindowDays: number;
  corsOrigins: string[];
  auditRetentionMonths: number;
  /** AUDIT_RETENTION_MONTHS when set explicitly: the scheduled jobs prune only then. */
  auditPruneMonths: number | null;
  auditAnchorFile: string | null;
  auditAnchorKey: string | null;
  jobsIntervalMinutes: number;
  refreshTtlSeconds: number;
  jwtPreviousSecrets: string[];
  jwtKeyMaxAgeDays: number;
  loginMaxFailures: number;
  loginIpMaxFailures: number;
  loginLockSeconds: number;
  loginLockMaxSeconds: number;
  loginRatePerMinute: number;
}

const list = (s: string | undefined): string[] =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function securityConfig(e: SecurityEnv): SecurityConfig {
  return {
    careWindowDays: e.CARE_WINDOW_DAYS,
    corsOrigins: list(e.CORS_ORIGINS),
    auditRetentionMonths: e.AUDIT_RETENTION_MONTHS ?? 120,
    auditPruneMonths: e.AUDIT_RETENTION_MONTHS ?? null,
    auditAnchorFile: e.AUDIT_ANCHOR_FILE ? resolve(e.AUDIT_ANCHOR_FILE) : null,
    auditAnchorKey: e.AUDIT_ANCHOR_KEY ?? null,
    jobsIntervalMinutes: e.JOBS_INTERVAL_MINUTES,
    refreshTtlSeconds: e.REFRESH_TTL_SECONDS,
    jwtPreviousSecrets: list(e.JWT_PREVIOUS_SECRETS),
    jwtKeyMaxAgeDays: e.JWT_KEY_MAX_AGE_DAYS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginIpMaxFailures: e.LOGIN_IP_MAX_FAILURES,
    loginLockSeconds: 60,
    loginLockMaxSeconds: 3600,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
  };
}
