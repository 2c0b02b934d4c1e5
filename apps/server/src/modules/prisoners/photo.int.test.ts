import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Prisoner } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { admitPrisoner } from '../../testing/prisoner-fixtures.ts';
import { PHOTO_MAX_SIDE } from './photo.ts';
import { factories, type Factories } from '../../testing/factories.ts';

/** A camera's JPEG: make, copyright and where it was taken in its EXIF block. */
const cameraJpeg = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: '#7a6a5a' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'WitnessCam', Copyright: 'Officer K' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 33/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '68/1 46/1 0/1' } })
    .toBuffer();

describe(`prisoner photographs are re-encoded on the server (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let officer: Client;
  let facilityId: string;

  const upload = async (p: Prisoner, image: Buffer | string, contentType: string) => {
    const body = typeof image === 'string' ? image : new Uint8Array(image);
    const res = await fetch(`${officer.base}/api/v1/prisoners/${p.id}/photo`, { method: 'PUT', headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': contentType }, body });
    return { status: res.status, body: await res.json() };
  };
  const stored = async (p: Prisoner) => {
    const img = await fetch(`${officer.base}/api/v1/prisoners/${p.id}/photo`, { headers: { cookie: officer.cookie } });
    assert.equal(img.status, 200);
    return { contentType: img.headers.get('content-type'), bytes: Buffer.from(await img.arrayBuffer()) };
  };

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityId = (await factory.facility('PHO-A')).id;
    officer = await t.signedIn(['officer'], { facilityIds: [facilityId] });
  });
  after(() => t.close());

  test('a camera JPEG is accepted and re-encoded without its EXIF (no GPS, no make)', async () => {
    const p = await admitPrisoner(t, facilityId);
    const original = await cameraJpeg();
    assert.ok((await sharp(original).metadata()).exif, 'the test image does carry EXIF');
    const r = await upload(p, original, 'image/jpeg');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.hasPhoto, true);
    const { contentType, bytes } = await stored(p);
    assert.equal(contentType, 'image/jpeg');
    assert.notDeepEqual(bytes, original);
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.deepEqual([meta.width, meta.height], [64, 48]);
    assert.equal(meta.exif, undefined);
    assert.equal(bytes.includes('WitnessCam'), false);
  });

  test('a PNG is accepted as a PNG; a large image is brought within the bound', async () => {
    const p = await admitPrisoner(t, facilityId);
    const big = await sharp({ create: { width: PHOTO_MAX_SIDE * 2, height: PHOTO_MAX_SIDE, channels: 3, background: '#203040' } }).png().toBuffer();
    assert.equal((await upload(p, big, 'image/png')).status, 200);
    const { contentType, bytes } = await stored(p);
    assert.equal(contentType, 'image/png');
    const meta = await sharp(bytes).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', PHOTO_MAX_SIDE, PHOTO_MAX_SIDE / 2]);
  });

  test('a text file sent as a JPEG is refused with 415', async () => {
    const p = await admitPrisoner(t, facilityId);
    const r = await upload(p, 'this is not a photograph, only named like one.jpg', 'image/jpeg');
    assert.equal(r.status, 415);
    assert.equal(r.body.code, 'photo-format');
    // Bytes that start like a JPEG are no better when nothing follows.
    const fake = await upload(p, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('hello')]), 'image/jpeg');
    assert.equal(fake.status, 415);
  });

  test('a truncated image is refused with 415, and nothing is stored', async () => {
    const p = await admitPrisoner(t, facilityId);
    const jpeg = await cameraJpeg(200, 150);
    const png = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#405060' } }).png().toBuffer();
    for (const [whole, type] of [[jpeg, 'image/jpeg'], [png, 'image/png']] as const) {
      const r = await upload(p, whole.subarray(0, Math.floor(whole.length * 0.6)), type);
      assert.equal(r.status, 415, `${type}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.code, 'photo-format');
    }
    assert.equal((await officer.get(`/api/v1/prisoners/${p.id}`)).body.hasPhoto, false);
  });
});
