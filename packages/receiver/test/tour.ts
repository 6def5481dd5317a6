// A run through every route of the receiver, answers good and bad, with personal-looking data in bodies,
// paths, queries and file names wherever a sender could put it: for the OpenAPI test (every answer is
// described), the log test (none of it is logged) and the metrics test (all of it is counted).
import { randomUUID } from 'node:crypto';
import {
  disposition,
  FILES,
  kontaktSubmission,
  postJson,
  send,
  stotteSubmission,
  type RawResponse,
} from './helpers.ts';

/** What must never appear in a log line or a metric. */
export const PERSONAL = [
  'Kari',
  'Nordmann',
  '01010000110',
  '91234567',
  'kari@example.no',
  'Storgata',
  'utkastelse',
  'hemmelig',
  'kontoutskrift-mars',
  'Ola Hansen',
  '86011117947',
];

export interface TourStep {
  /** The request, for failure messages. */
  what: string;
  method: string;
  /** The route template (ROUTES), or null for a path no route has. */
  route: string | null;
  response: RawResponse;
}

export async function tour(base: string): Promise<TourStep[]> {
  const steps: TourStep[] = [];
  const step = async (
    what: string,
    method: string,
    route: string | null,
    request: Promise<RawResponse>,
  ): Promise<RawResponse> => {
    const response = await request;
    steps.push({ what, method, route, response });
    return response;
  };
  const api = `${base}/api`;
  const submissions = (form: string): string => `${api}/forms/${form}/submissions`;
  const SUBMIT = '/api/forms/{form}/submissions';
  const LOOKUP = '/api/forms/{form}/submissions/{id}';
  const TOKEN = '/api/forms/{form}/submissions/{id}/upload-token';
  const UPLOAD = '/api/forms/{form}/submissions/{id}/attachments';

  await step('live', 'GET', '/api/live', send(`${api}/live`, { method: 'GET' }));
  await step('live, headers only', 'HEAD', '/api/live', send(`${api}/live`, { method: 'HEAD' }));
  await step('health', 'GET', '/api/health', send(`${api}/health`, { method: 'GET' }));
  await step('openapi', 'GET', '/api/openapi.json', send(`${api}/openapi.json`, { method: 'GET' }));
  await step('live by POST', 'POST', '/api/live', send(`${api}/live`, { headers: { 'Content-Length': '0' } }));

  // Submissions
  const kontakt = kontaktSubmission();
  await step('a submission', 'POST', SUBMIT, postJson(submissions('kontakt'), kontakt));
  await step(
    'the same again',
    'POST',
    SUBMIT,
    postJson(submissions('kontakt'), { ...kontakt, submittedAt: '2026-03-03T10:05:00.000Z' }),
  );
  await step(
    'the same id, another body',
    'POST',
    SUBMIT,
    postJson(submissions('kontakt'), { ...kontakt, answers: { ...kontakt.answers, navn: 'Kari Nordmann Hansen' } }),
  );
  await step(
    'the same id for another form',
    'POST',
    SUBMIT,
    postJson(submissions('stotte'), stotteSubmission({ id: kontakt.id })),
  );
  await step(
    'invalid answers',
    'POST',
    SUBMIT,
    postJson(
      submissions('kontakt'),
      kontaktSubmission({
        answers: {
          ...kontakt.answers,
          epost: 'kari@example.no Storgata 1',
          fodselsnummer: '01010000110x',
          hemmelig: 'Ola Hansen 86011117947',
        },
      }),
    ),
  );
  await step(
    'not JSON',
    'POST',
    SUBMIT,
    postJson(submissions('kontakt'), '{"navn": "Kari Nordmann", "fodselsnummer": "01010000110"'),
  );
  await step(
    'plain text',
    'POST',
    SUBMIT,
    send(submissions('kontakt'), { headers: { 'Content-Type': 'text/plain' }, body: 'Kari Nordmann 01010000110' }),
  );
  await step(
    'too large',
    'POST',
    SUBMIT,
    postJson(submissions('kontakt'), JSON.stringify({ navn: `Kari Nordmann ${'x'.repeat(1024 * 1024)}` })),
  );
  await step(
    'idempotency key not the id',
    'POST',
    SUBMIT,
    postJson(submissions('kontakt'), kontaktSubmission(), { 'Idempotency-Key': 'Kari-Nordmann-01010000110' }),
  );
  await step('a form that is a name', 'POST', SUBMIT, postJson(submissions('Kari%20Nordmann'), kontaktSubmission()));
  await step('GET on the submissions', 'GET', SUBMIT, send(submissions('kontakt'), { method: 'GET' }));
  await step(
    'a path that is not valid',
    'POST',
    null,
    postJson(`${api}/forms/%E0%A4%A/submissions`, kontaktSubmission()),
  );

  // Look-ups
  await step(
    'look up a stored submission',
    'GET',
    LOOKUP,
    send(`${submissions('kontakt')}/${kontakt.id}`, { method: 'GET' }),
  );
  await step(
    'look up, headers only',
    'HEAD',
    LOOKUP,
    send(`${submissions('kontakt')}/${kontakt.id}`, { method: 'HEAD' }),
  );
  await step(
    'look up an id never sent',
    'GET',
    LOOKUP,
    send(`${submissions('kontakt')}/Kari-Nordmann-01010000110?fnr=01010000110`, { method: 'GET' }),
  );

  // Uploads
  const id = randomUUID();
  const issued = await step(
    'an upload token',
    'POST',
    TOKEN,
    send(`${submissions('stotte')}/${id}/upload-token`, { headers: { 'Content-Length': '0' } }),
  );
  const token = (issued.json as { token: string }).token;
  await step(
    'an upload token with a query',
    'POST',
    TOKEN,
    send(`${submissions('stotte')}/${id}/upload-token?navn=Kari+Nordmann`, { headers: { 'Content-Length': '0' } }),
  );
  await step(
    'an upload token for a bad id',
    'POST',
    TOKEN,
    send(`${submissions('stotte')}/Kari%20Nordmann/upload-token`, { headers: { 'Content-Length': '0' } }),
  );
  const file = (document: string, bytes: Buffer, headers: Record<string, string>): Promise<RawResponse> =>
    send(`${submissions('stotte')}/${id}/attachments?document=${document}`, {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(bytes.length),
        'Upload-Token': token,
        'Content-Disposition': disposition('hemmelig kontoutskrift-mars Kari.pdf'),
        ...headers,
      },
      body: bytes,
    });
  await step('a file', 'POST', UPLOAD, file('kontoutskrift', FILES.pdf, {}));
  await step('the same file again', 'POST', UPLOAD, file('kontoutskrift', FILES.pdf, {}));
  await step(
    'a file with a forged token',
    'POST',
    UPLOAD,
    file('kontoutskrift', FILES.pdf, { 'Upload-Token': `${token}x` }),
  );
  await step('a file named in the URL', 'POST', UPLOAD, file('kontoutskrift&name=hemmelig-Kari.pdf', FILES.pdf, {}));
  await step('a text file', 'POST', UPLOAD, file('kontoutskrift', FILES.text, { 'Content-Type': 'application/pdf' }));
  await step('a document the form does not ask for', 'POST', UPLOAD, file('Kari-Nordmann', FILES.pdf, {}));
  await step('an empty file', 'POST', UPLOAD, file('kontoutskrift', Buffer.alloc(0), {}));

  // Documents sent later, through the receipt's link (follow-up.ts).
  const later = stotteSubmission();
  (later.answers.dokumenter as Record<string, unknown>).husleiekontrakt = { status: 'later' };
  const receipt = await step(
    'a submission with documents later',
    'POST',
    SUBMIT,
    postJson(submissions('stotte'), later),
  );
  const { link } = (receipt.json as { followUp: { link: string } }).followUp;
  const bearer = { Authorization: `Bearer ${link}` };
  const FOLLOW_UP = '/api/follow-up';
  const laterFile = (document: string, body: Buffer, headers: Record<string, string>) =>
    send(`${api}/follow-up/attachments?document=${document}`, {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': disposition('hemmelig-Kari.pdf'),
        ...headers,
      },
      body,
    });
  await step('the link', 'POST', FOLLOW_UP, send(`${api}/follow-up`, { headers: bearer }));
  await step(
    'a wrong link',
    'POST',
    FOLLOW_UP,
    send(`${api}/follow-up`, { headers: { Authorization: `${bearer.Authorization}x` } }),
  );
  await step('no link', 'POST', FOLLOW_UP, send(`${api}/follow-up`, {}));
  await step('GET the link', 'GET', FOLLOW_UP, send(`${api}/follow-up`, { method: 'GET', headers: bearer }));
  await step('a file sent later', 'POST', `${FOLLOW_UP}/attachments`, laterFile('lonnsslipp', FILES.pdf, bearer));
  await step(
    'the same file later again',
    'POST',
    `${FOLLOW_UP}/attachments`,
    laterFile('lonnsslipp', FILES.pdf, bearer),
  );
  await step('a text file later', 'POST', `${FOLLOW_UP}/attachments`, laterFile('lonnsslipp', FILES.text, bearer));
  await step(
    'a document not listed',
    'POST',
    `${FOLLOW_UP}/attachments`,
    laterFile('Kari-Nordmann', FILES.pdf, bearer),
  );
  await step('a file later, wrong link', 'POST', `${FOLLOW_UP}/attachments`, laterFile('lonnsslipp', FILES.pdf, {}));
  const notHad = (value: unknown, headers: Record<string, string> = bearer) =>
    postJson(`${api}/follow-up/not-had`, value, headers);
  await step(
    '«har ikke» later',
    'POST',
    `${FOLLOW_UP}/not-had`,
    notHad({ document: 'kontoutskrift', reason: 'hemmelig grunn, Kari' }),
  );
  await step(
    '«har ikke» without a reason',
    'POST',
    `${FOLLOW_UP}/not-had`,
    notHad({ document: 'kontoutskrift', reason: '' }),
  );
  await step(
    '«har ikke» not JSON',
    'POST',
    `${FOLLOW_UP}/not-had`,
    send(`${api}/follow-up/not-had`, { headers: { ...bearer, 'Content-Type': 'application/json' }, body: '{Kari' }),
  );
  await step(
    '«har ikke» as text',
    'POST',
    `${FOLLOW_UP}/not-had`,
    send(`${api}/follow-up/not-had`, { headers: { ...bearer, 'Content-Type': 'text/plain' }, body: 'Kari' }),
  );

  // Paths no route has, with personal data in them.
  await step(
    'no such route',
    'GET',
    null,
    send(`${api}/Kari-Nordmann/01010000110?epost=kari@example.no`, { method: 'GET' }),
  );
  await step('outside /api/', 'GET', null, send(`${base}/Kari/Nordmann`, { method: 'GET' }));
  await step('metrics', 'GET', '/metrics', send(`${base}/metrics`, { method: 'GET' }));
  return steps;
}
