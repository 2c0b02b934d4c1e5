import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, hotp, newTotpSecret, otpauthUrl, totp, totpStep, verifyTotp } from './totp.ts';

// RFC 4226 Appendix D and RFC 6238 Appendix B use the ASCII secret "12345678901234567890".
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');

test('HOTP matches the RFC 4226 test values', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expected.forEach((code, counter) => assert.equal(hotp(RFC_SECRET, counter), code));
});

test('TOTP (SHA-1, 8 digits) matches the RFC 6238 test vectors', () => {
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [seconds, code] of vectors) assert.equal(hotp(RFC_SECRET, totpStep(seconds * 1000), 8), code, `T=${seconds}`);
});

test('base32 round-trips and decodes the RFC secret as authenticator apps see it', () => {
  assert.equal(base32Encode(RFC_SECRET), 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  assert.deepEqual(base32Decode('gezd gnbv-gy3tqojqgezdgnbvgy3tqojq'), RFC_SECRET);
  const secret = newTotpSecret();
  assert.equal(secret.length, 32); // 160 bits, as RFC 4226 recommends
  assert.equal(base32Encode(base32Decode(secret)), secret);
  assert.throws(() => base32Decode('not base32!'));
});

test('verifyTotp accepts one step of clock drift either side and returns the matched step', () => {
  const secret = base32Encode(RFC_SECRET);
  const now = 1_700_000_000_000;
  const step = totpStep(now);
  assert.equal(verifyTotp(secret, totp(secret, now), now), step);
  assert.equal(verifyTotp(secret, totp(secret, now - 30_000), now), step - 1);
  assert.equal(verifyTotp(secret, totp(secret, now + 30_000), now), step + 1);
  assert.equal(verifyTotp(secret, totp(secret, now - 60_000), now), null);
  assert.equal(verifyTotp(secret, totp(secret, now + 90_000), now), null);
  assert.equal(verifyTotp(secret, '12345', now), null);
});

test('the otpauth URL carries issuer, account and secret for the QR code', () => {
  const url = new URL(otpauthUrl('Vigil', 'a.karimov', 'ABC'));
  assert.equal(url.protocol, 'otpauth:');
  assert.equal(url.host, 'totp');
  assert.equal(decodeURIComponent(url.pathname), '/Vigil:a.karimov');
  assert.equal(url.searchParams.get('secret'), 'ABC');
  assert.equal(url.searchParams.get('issuer'), 'Vigil');
  assert.equal(url.searchParams.get('period'), '30');
});
