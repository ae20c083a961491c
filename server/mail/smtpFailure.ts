// What a failed attempt means. nodemailer's errors carry the SMTP reply code
// (responseCode), the server's answer (response) and its own code for failures below
// SMTP (a refused or dropped connection, a timeout, TLS).

export interface SmtpFailure {
  /** The mail server's answer, or what went wrong on the way to it; shown on Utkorg. */
  answer: string;
  /** Refused for good (5xx): trying again gives the same answer. */
  permanent: boolean;
  /** The server could not be reached or is not taking mail now: the other mails wait too. */
  unreachable: boolean;
}

const BELOW_SMTP = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROTOCOL', 'ECONNREFUSED', 'ECONNRESET']);

export function smtpFailure(err: unknown): SmtpFailure {
  const { code, responseCode, response, message } = (err ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const answer = (typeof response === 'string' && response) || [code, message].filter((p) => typeof p === 'string' && p).join(': ') || String(err);
  const reply = typeof responseCode === 'number' ? responseCode : null;
  // A refused sign-in (535) is the installation's setting, not the mail's: retried, like an outage.
  const signIn = code === 'EAUTH';
  return {
    answer: answer.slice(0, 1000),
    permanent: reply !== null && reply >= 500 && !signIn,
    unreachable: signIn || reply === 421 || reply === null || BELOW_SMTP.has(String(code)),
  };
}
