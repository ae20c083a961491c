import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MAIL_CONFIG, readMailConfig } from '../../server/config';

describe('mail settings', () => {
  it('reads SMTP_URL, MAIL_FROM and the limits, with defaults that keep mail without a server', () => {
    expect(readMailConfig({})).toEqual(DEFAULT_MAIL_CONFIG);
    expect(DEFAULT_MAIL_CONFIG.smtpUrl).toBeNull();
    expect(
      readMailConfig({
        SMTP_URL: 'smtps://planbord%40sekom.se:hemligt@mail.sekom.se:465',
        MAIL_FROM: 'Planbord <planbord@sekom.se>',
        MAIL_MAX_PER_HOUR: '5',
        DIGEST_HOUR: '0',
        MAIL_RETRY_SECONDS: '10',
      }),
    ).toEqual({ smtpUrl: 'smtps://planbord%40sekom.se:hemligt@mail.sekom.se:465', from: 'Planbord <planbord@sekom.se>', maxPerHour: 5, digestHour: 0, retryBaseMs: 10_000 });
  });

  it('refuses a value it cannot use with a message naming the setting', () => {
    const bad: Array<[Record<string, string>, RegExp]> = [
      [{ SMTP_URL: 'mail.sekom.se' }, /SMTP_URL must be a URL/],
      [{ SMTP_URL: 'http://mail.sekom.se' }, /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
      [{ MAIL_FROM: 'Planbord' }, /MAIL_FROM must be an address/],
      [{ MAIL_FROM: 'a@b.se\r\nBcc: c@d.se' }, /MAIL_FROM/],
      [{ MAIL_FROM: 'a@b.se, c@d.se' }, /MAIL_FROM/],
      [{ MAIL_MAX_PER_HOUR: '0' }, /MAIL_MAX_PER_HOUR must be a whole number from 1/],
      [{ DIGEST_HOUR: '24' }, /DIGEST_HOUR/],
      [{ MAIL_RETRY_SECONDS: '1.5' }, /MAIL_RETRY_SECONDS/],
    ];
    for (const [env, message] of bad) {
      expect(() => readMailConfig(env)).toThrow(ConfigError);
      expect(() => readMailConfig(env)).toThrow(message);
    }
  });
});
