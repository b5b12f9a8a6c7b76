/** GET /api/v1/episodes/{facility}/{maLk}/xml130 — a stored episode as a GIAMDINHHS envelope. */
import { z } from 'zod';
import { notFound } from '../http/errors.ts';
import type { Capability } from '../http/types.ts';
import { exportEnvelope, signerFromEnv } from './export.ts';
import { loadEpisode } from './read.ts';

export const episodeRoutes: Capability = async (app, { db }) => {
  const signer = signerFromEnv();

  app.get(
    '/api/v1/episodes/:facility/:maLk/xml130',
    {
      // Staff and API keys of that facility (the guard checks `facilityParam`); admin for all.
      config: { roles: ['integration_client', 'facility_admin', 'clinician'], facilityParam: 'facility' },
      schema: {
        tags: ['xml130'],
        summary: 'Xuất một lượt KCB đã lưu thành tệp GIAMDINHHS (XML 130)',
        description:
          'Every element of every table in table order, inner tables base64; signed (XMLDSig, RSA-SHA256) when ' +
          'XML_SIGNING_KEY_FILE and XML_SIGNING_CERT_FILE are configured.',
        params: z.object({ facility: z.string().regex(/^[0-9A-Z]{5}$/), maLk: z.string().min(1).max(100) }),
      },
    },
    async (req, reply) => {
      const { facility, maLk } = req.params;
      const episode = await loadEpisode(db, facility, maLk);
      if (!episode) throw notFound(`lượt KCB ${maLk} của cơ sở ${facility}`);
      const xml = exportEnvelope(episode, signer);
      await req.audit({
        action: 'export',
        resource: 'Episode',
        resourceId: `${facility}/${maLk}`,
        personId: episode.personId,
        details: { signed: signer !== undefined },
      });
      return reply
        .type('application/xml; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="QD130_${facility}_${encodeURIComponent(maLk)}.xml"`,
        )
        .send(xml);
    },
  );
};
