import QRCode from 'qrcode';

/** A QR code as inline SVG (deterministic for the same text); medium error correction survives a worn print. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/** The item's page on the public portal, which the printed guide's QR code opens. */
export function itemPageUrl(publicBaseUrl: string, regionCode: string, itemCode: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/regions/${encodeURIComponent(regionCode)}/items/${encodeURIComponent(itemCode)}`;
}
