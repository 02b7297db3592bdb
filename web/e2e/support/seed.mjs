// A small world made through the public REST API, for tests that look at screens rather than build them.
import { signedIn } from './browser.mjs';
import { restClient } from './rest.mjs';

export async function seed(baseUrl) {
  const { call, person } = restClient(baseUrl);

  const ana = await person('Ana Coordinator');
  const organisation = await call('POST', '/api/v1/organisations', {
    name: 'Red de Tierras Comunales', kind: 'civil-society-organisation', country: 'CO', topics: ['land rights', 'water'],
    description: 'Defensa de la tierra comunal.',
  }, ana.token);
  await call('POST', '/api/v1/organisations', {
    name: 'شبكة المدافعات عن الأرض', kind: 'network-secretariat', country: 'LB', topics: ['land rights'],
  }, ana.token);
  const coalition = await call('POST', '/api/v1/coalitions', {
    name: 'Coalición por el Agua', country: 'SN', topics: ['water'], description: 'Agua para todas las comunidades.\nالماء حق للجميع.',
  }, ana.token);
  const workingGroup = await call('POST', `/api/v1/coalitions/${coalition.id}/working-groups`, {
    name: 'Grupo de Incidencia', purpose: 'Incidencia ante el ministerio.',
  }, ana.token);
  await call('POST', `/api/v1/coalitions/${coalition.id}/forums`, { name: 'Foro Regional del Agua' }, ana.token);
  const invitation = await call('POST', `/api/v1/coalitions/${coalition.id}/invitations`, { role: 'member' }, ana.token);
  const layla = await person('ليلى حسن', invitation.token);
  const kofi = await person('Kofi Mensah');
  await call('POST', `/api/v1/organisations/${organisation.id}/join-requests`, { message: 'Quisiera participar.' }, kofi.token);
  await call('POST', `/api/v1/organisations/${organisation.id}/api-keys`, { name: 'Reporting', scope: 'read' }, ana.token);

  return {
    ana, layla, kofi,
    urls: {
      organisation: `/organisations/${organisation.id}`,
      coalition: `/coalitions/${coalition.id}`,
      workingGroup: `/working-groups/${workingGroup.id}`,
    },
    /** Browser storage of a signed-in person, in the shape the app keeps it (see src/auth/session.tsx). */
    storageState: (who) => signedIn(baseUrl, who),
  };
}
