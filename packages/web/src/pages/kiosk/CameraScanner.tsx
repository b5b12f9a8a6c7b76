import { Box, Center, Loader, Stack, Text } from '@mantine/core';
import { BrowserQRCodeReader, type IScannerControls } from '@zxing/browser';
import { DecodeHintType } from '@zxing/library';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';

interface CameraScannerProps {
  /** Called once with the decoded text; the camera stops. */
  onResult: (text: string) => void;
}

/** Live camera preview decoding QR codes (UTF-8: Vietnamese names on the ID card QR). */
export function CameraScanner({ onResult }: CameraScannerProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const resultRef = useRef(onResult);
  resultRef.current = onResult;
  const [status, setStatus] = useState<'starting' | 'running' | 'unavailable'>('starting');

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.CHARACTER_SET, 'UTF-8']]);
    const reader = new BrowserQRCodeReader(hints, {
      delayBetweenScanAttempts: 120,
      delayBetweenScanSuccess: 1500,
    });
    let controls: IScannerControls | null = null;
    let done = false;
    reader
      .decodeFromConstraints(
        { video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false },
        video,
        (result, _error, c) => {
          if (!result || done) return;
          done = true;
          c.stop();
          resultRef.current(result.getText());
        },
      )
      .then((c) => {
        controls = c;
        if (done) c.stop();
        else setStatus('running');
      })
      .catch(() => {
        if (!done) setStatus('unavailable');
      });
    return () => {
      done = true;
      controls?.stop();
    };
  }, []);

  return (
    <Box
      pos="relative"
      w="100%"
      maw={640}
      style={{ aspectRatio: '4 / 3', borderRadius: 24, overflow: 'hidden', background: '#0b2e2b' }}
    >
      <video
        ref={videoRef}
        aria-label={t('kiosk.cameraLabel')}
        muted
        playsInline
        style={{ width: '100%', height: '100%', objectFit: 'cover', transform: 'scaleX(-1)' }}
      />
      {/* Aiming frame */}
      <Box
        pos="absolute"
        style={{
          inset: '18% 24%',
          border: '4px solid rgba(255,255,255,0.9)',
          borderRadius: 20,
          boxShadow: '0 0 0 2000px rgba(0,0,0,0.25)',
          pointerEvents: 'none',
        }}
      />
      {status !== 'running' && (
        <Center pos="absolute" inset={0}>
          <Stack align="center" gap="sm" c="white" p="xl">
            {status === 'starting' ? <Loader color="white" /> : <Icon name="camera" size={48} />}
            <Text fz={22} ta="center" c="white">
              {status === 'starting' ? t('kiosk.cameraStarting') : t('kiosk.cameraUnavailable')}
            </Text>
          </Stack>
        </Center>
      )}
    </Box>
  );
}
