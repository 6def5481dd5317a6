// The inbox's configuration file (KLARSKJEMA_INBOX_CONFIG, --inbox-config): the offices, which office each
// form's applications go to, the caseworker accounts of the embedded sign-in, and OpenID Connect for
// deployments. JSON, owner-only (0600): it holds password hashes. `klarskjema-receiver add-caseworker` writes it.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { isPasswordHash } from './password.ts';

export interface CaseworkerAccount {
  /** The name typed at sign-in; also who the access log names. */
  username: string;
  /** Shown in the inbox's header. */
  name: string;
  office: string;
  /** hashPassword's "scrypt$…". */
  password: string;
}

export interface OidcSettings {
  /** https://login.example.no/realms/nav (its /.well-known/openid-configuration is read at start). */
  issuer: string;
  clientId: string;
  /** The environment variable that holds the client secret (never the secret itself in this file). */
  clientSecretEnv: string;
  /** https://saksbehandling.example.no/saksbehandling/oidc/callback */
  redirectUri: string;
  /** The ID token's claim that names the caseworker's office. Default "office". */
  officeClaim?: string;
  /** The claim shown as the caseworker's name. Default "name". */
  nameClaim?: string;
}

export interface InboxConfig {
  /** The office of applications whose form has no office of its own, and of those stored before offices existed. */
  office: string;
  /** Office ids and their names. */
  offices: Record<string, string>;
  /** A form id → the office its applications go to (a form instance per office). */
  formOffices: Record<string, string>;
  caseworkers: CaseworkerAccount[];
  oidc?: OidcSettings;
}

export class InboxConfigError extends Error {
  override readonly name = 'InboxConfigError';
}

const OFFICE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a parsed file; every mistake is named (never a password hash). */
export function parseInboxConfig(value: unknown): InboxConfig {
  const fail = (what: string): never => {
    throw new InboxConfigError(`The inbox configuration: ${what}.`);
  };
  if (!isObject(value)) return fail('it is not a JSON object');
  const offices = isObject(value.offices) ? value.offices : fail('"offices" is not an object of id → name');
  for (const [id, name] of Object.entries(offices)) {
    if (!OFFICE_ID.test(id)) fail(`the office id "${id}" is not lowercase letters, digits and "-"`);
    if (typeof name !== 'string' || name.trim() === '') fail(`the office "${id}" has no name`);
  }
  const knownOffice = (id: unknown, where: string): string =>
    typeof id === 'string' && Object.hasOwn(offices, id) ? id : fail(`${where} names no office of "offices"`);
  const office = knownOffice(value.office, '"office"');
  const formOffices: Record<string, string> = {};
  if (value.formOffices !== undefined) {
    if (!isObject(value.formOffices)) fail('"formOffices" is not an object of form id → office id');
    for (const [form, id] of Object.entries(value.formOffices as Record<string, unknown>))
      formOffices[form] = knownOffice(id, `formOffices["${form}"]`);
  }
  const caseworkers: CaseworkerAccount[] = [];
  const list = value.caseworkers ?? [];
  if (!Array.isArray(list)) fail('"caseworkers" is not a list');
  for (const [index, account] of (list as unknown[]).entries()) {
    if (!isObject(account)) return fail(`caseworkers[${index}] is not an object`);
    if (typeof account.username !== 'string' || !USERNAME.test(account.username))
      fail(`caseworkers[${index}].username is not 2 to 64 lowercase letters, digits, ".", "_" or "-"`);
    if (caseworkers.some((c) => c.username === account.username))
      fail(`the username "${String(account.username)}" is there twice`);
    if (typeof account.name !== 'string' || account.name.trim() === '') fail(`caseworkers[${index}].name is missing`);
    if (typeof account.password !== 'string' || !isPasswordHash(account.password))
      fail(`caseworkers[${index}].password is not a hash made by klarskjema-receiver add-caseworker`);
    caseworkers.push({
      username: account.username as string,
      name: account.name as string,
      office: knownOffice(account.office, `caseworkers[${index}].office`),
      password: account.password as string,
    });
  }
  let oidc: OidcSettings | undefined;
  if (value.oidc !== undefined) {
    const o = isObject(value.oidc) ? value.oidc : fail('"oidc" is not an object');
    for (const key of ['issuer', 'clientId', 'clientSecretEnv', 'redirectUri'] as const)
      if (typeof o[key] !== 'string' || o[key] === '') fail(`oidc.${key} is missing`);
    oidc = {
      issuer: o.issuer as string,
      clientId: o.clientId as string,
      clientSecretEnv: o.clientSecretEnv as string,
      redirectUri: o.redirectUri as string,
      ...(typeof o.officeClaim === 'string' ? { officeClaim: o.officeClaim } : {}),
      ...(typeof o.nameClaim === 'string' ? { nameClaim: o.nameClaim } : {}),
    };
  }
  return {
    office,
    offices: Object.fromEntries(Object.entries(offices) as Array<[string, string]>),
    formOffices,
    caseworkers,
    ...(oidc ? { oidc } : {}),
  };
}

export async function readInboxConfig(file: string): Promise<InboxConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InboxConfigError(
      `Cannot read the inbox configuration ${file} (${(error as NodeJS.ErrnoException).code}).`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InboxConfigError(`The inbox configuration ${file} is not JSON.`);
  }
  return parseInboxConfig(value);
}

/** Writes the file whole (a temporary file renamed over it), owner-only. */
export async function writeInboxConfig(file: string, config: InboxConfig): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}
