import { userInfo } from 'node:os';

/** The local user running the command, as the audit trail names them: `console:USER`. */
export function operator(): string {
  try {
    return userInfo().username;
  } catch {
    return 'pitwall';
  }
}
