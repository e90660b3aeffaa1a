/**
 * A printable sheet of labels for a set of samples (/labels?codes=A,B,C): each a QR code of the
 * sample's page URL and the code in text, sized for small sample bags. The QR codes are drawn as
 * inline SVG paths (no image URLs), so the page needs nothing the strict CSP forbids.
 */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { encode } from 'uqr';

/** One SVG path of the dark modules of a QR code: a 1×1 square per module, in module units. */
export function qrPath(text: string): { size: number; d: string } {
  const qr = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  qr.data.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
  return { size: qr.size, d };
}

function Label({ code }: { code: string }) {
  const url = `${window.location.origin}/samples/${encodeURIComponent(code)}`;
  const { size, d } = useMemo(() => qrPath(url), [url]);
  return (
    <figure className="label">
      <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label={`QR code of ${url}`} shapeRendering="crispEdges">
        <rect width={size} height={size} fill="#fff" />
        <path d={d} fill="#000" />
      </svg>
      <figcaption>{code}</figcaption>
    </figure>
  );
}

export default function LabelsPage() {
  const [params] = useSearchParams();
  const codes = [
    ...new Set(
      (params.get('codes') ?? '')
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter((c) => /^[A-Z0-9-]{1,40}$/.test(c)),
    ),
  ];
  return (
    <main id="main" className="page labels-page">
      <div className="no-print">
        <h1>Labels</h1>
        <p>
          {codes.length} label{codes.length === 1 ? '' : 's'}; each QR code opens the sample&apos;s page.{' '}
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </p>
        {codes.length === 0 && (
          <p>
            No codes given. Open a ribbon from <Link to="/samples">Samples</Link> and choose &ldquo;Print labels&rdquo;.
          </p>
        )}
      </div>
      <div className="sheet" aria-label="Label sheet">
        {codes.map((c) => (
          <Label key={c} code={c} />
        ))}
      </div>
    </main>
  );
}
