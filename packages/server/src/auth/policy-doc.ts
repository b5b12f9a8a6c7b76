import { ROLE_NAMES, ROLES } from '@suckhoe/domain';
import { rolesAllow, type RouteEntry } from './policy.ts';

const SHORT: Record<string, string> = {
  citizen: 'cit',
  clinician: 'clin',
  registrar: 'reg',
  station_staff: 'stn',
  facility_admin: 'fadm',
  analyst: 'anl',
  police_liaison: 'pol',
  integration_client: 'api',
  admin: 'adm',
};

/** The route × role table of docs/security.md, generated from the running app's route table. */
export function renderPolicyTable(routes: readonly RouteEntry[]): string {
  const head = `| Route | ${ROLE_NAMES.map((r) => SHORT[r] ?? r).join(' | ')} | Also |`;
  const sep = `|---|${ROLE_NAMES.map(() => ':-:').join('|')}|---|`;
  const rows = routes.map((r) => {
    const cells = ROLE_NAMES.map((role) => (r.public ? 'pub' : rolesAllow(r, [role]) ? '✔' : ''));
    const also = [
      r.facilityParam ? `own facility (\`:${r.facilityParam}\`)` : '',
      r.person ? `person: ${r.person.access}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return `| \`${r.method} ${r.url}\` | ${cells.join(' | ')} | ${also} |`;
  });
  const legend = ROLE_NAMES.map((r) => `\`${SHORT[r] ?? r}\` ${r} (${ROLES[r]})`).join(', ');
  return [head, sep, ...rows, '', `Roles: ${legend}. \`pub\` = no login.`].join('\n');
}
