import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first configuration:
 * 19 MiB of memory, 2 passes, 1 lane.
 */
// Algorithm.Argon2id is 2 (a const enum, which isolatedModules cannot read).
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_LENGTH = 12;
export const MAX_LENGTH = 256;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Same work as a real check, so timing does not tell which accounts exist.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * Passwords of 12 or more characters that people still choose: the usual lists'
 * long entries, Italian ones and the names of this hub. Compared without case.
 */
const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456123456', '111111111111', '000000000000',
  '123123123123', 'qwertyuiopas', 'qwertyuiop12', 'qwertyuiop123', 'qwerty123456', '1q2w3e4r5t6y',
  '1qaz2wsx3edc', 'qazwsxedcrfv', 'asdfghjkl123', 'zxcvbnm12345', 'password1234', 'password12345',
  'password123456', 'passwordpassword', 'passw0rd1234', 'password!123', 'iloveyou1234', 'letmein12345',
  'welcome12345', 'welcome123456', 'administrator', 'admin1234567', 'adminadmin12', 'changeme1234',
  'sunshine1234', 'football1234', 'princess1234', 'abcdefghijkl', 'abc123abc123', 'abcd12345678',
  'trustno11234', 'superman1234', 'baseball1234', 'starwars1234', 'dragon123456', 'monkey123456',
  'ciao12345678', 'ciaociaociao', 'amoremio1234', 'ti amo per sempre', 'tiamo1234567', 'juventus1897',
  'juventus1234', 'forzajuve123', 'forzainter12', 'forzamilan12', 'napoli123456', 'forzanapoli1',
  'cambiami1234', 'benvenuto123', 'benvenuto1234', 'passwordsegreta', 'segreto12345', 'nonlosocodice',
  'lodi12345678', 'welfare12345', 'welfarelodi1', 'ufficiodipiano', 'ufficiodipiano1', 'servizisociali',
  'comunedilodi', 'comunedilodi1', 'caritas12345', 'associazione', 'associazione1', 'volontariato',
]);

/** What is wrong with a new password, in Italian, or undefined when it will do. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < MIN_LENGTH) return `La password deve avere almeno ${MIN_LENGTH} caratteri.`;
  if (password.length > MAX_LENGTH) return `La password può avere al massimo ${MAX_LENGTH} caratteri.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size <= 2) return 'Questa password è tra le più usate: scegline una meno prevedibile.';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'La password non deve contenere il tuo indirizzo email.';
  return undefined;
}
