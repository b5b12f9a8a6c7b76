/** Helpers of the check-in browser tests: API sessions, seeded people, QR texts, a fake camera video. */
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './browser.ts';

export const DEMO_PASSWORD = 'SucKhoe@2026';
/** The demo registrar (`tiepdon`) works at the demo province's first provincial hospital. */
export const REGISTRAR = 'tiepdon';

export interface Session {
  accessToken: string;
  user: { id: string; username: string; fullName: string; roles: string[]; facilityCode: string | null };
}

export async function apiSession(
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username} failed: ${String(res.status)} ${await res.text()}`);
  return (await res.json()) as Session;
}

/** Start a page already signed in (the app keeps its session in sessionStorage, per tab). */
export async function signIn(context: BrowserContext, session: Session): Promise<void> {
  await context.addInitScript(
    `sessionStorage.setItem('suckhoe.session', ${JSON.stringify(JSON.stringify({ accessToken: session.accessToken, user: session.user }))});`,
  );
}

/** POST JSON with the session's token; the caller narrows `json`. */
export async function apiPost(
  baseUrl: string,
  session: Session,
  path: string,
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

/**
 * A Y4M video (YUV 4:2:0) showing the QR code of `text`, black on white, for chromium's
 * `--use-file-for-fake-video-capture`: a fake camera pointed at a card.
 */
export function writeQrVideo(text: string, file: string, width = 640, height = 480, frames = 6): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (n + 2 * quiet));
  const side = (n + 2 * quiet) * scale;
  const x0 = Math.floor((width - side) / 2);
  const y0 = Math.floor((height - side) / 2);
  const luma = Buffer.alloc(width * height, 0xeb); // white-ish background (video range)
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - quiet;
      const my = Math.floor(y / scale) - quiet;
      const dark = mx >= 0 && my >= 0 && mx < n && my < n && qr.modules.get(my, mx) === 1;
      luma[(y0 + y) * width + x0 + x] = dark ? 0x10 : 0xeb;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 0x80);
  const header = Buffer.from(`YUV4MPEG2 W${String(width)} H${String(height)} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

/** Chromium with a fake camera playing `video` (and camera permission granted without a prompt). */
export function launchWithCamera(video: string): Promise<Browser> {
  return launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
}
