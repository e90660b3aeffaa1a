/**
 * The upload's `alsoLinkedTo`: the same bytes (same SHA-256) already belong to a measurement of
 * another sample — usually the file of one piece dropped on another. A warning with links to
 * those samples, so the person can check and retract the wrong link.
 */
import { Link } from 'react-router';
import type { UploadResult } from '../api/upload';

export function AlsoLinkedWarning({ links, fileName }: { links: UploadResult['alsoLinkedTo']; fileName: string }) {
  if (links.length === 0) return null;
  const codes = [...new Set(links.map((l) => l.sampleCode))];
  return (
    <p className="warning also-linked" role="alert" data-testid="also-linked">
      {`${fileName} is the same file as one already on `}
      {codes.map((code, i) => (
        <span key={code}>
          {i > 0 && ', '}
          <Link to={`/samples/${code}`}>{code}</Link>
        </span>
      ))}
      {': was it dropped on the wrong piece? If so, retract the wrong link.'}
    </p>
  );
}
