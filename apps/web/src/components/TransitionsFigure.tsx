/**
 * The report's transitions figure (the study's Fig. 4(c)) in the app: the option comes from the
 * same libs/charts builder as the HTML report's SVG, with `interactive` on, so every point names
 * its piece (hover for the curve and temperature; a click opens the piece where `onOpen` is given).
 */
import { useCallback } from 'react';
import { transitionFigureHeight, transitionFigureOption, type TransitionPiece, type TransitionPoint } from '../../../../libs/charts/src/transition-figure';
import Chart from './Chart';

const ROW_HEIGHT = 300;

/** Panels per row at a width: one on a phone, two on a tablet, three on a desk. */
const columnsAt = (width: number) => (width < 560 ? 1 : width < 900 ? 2 : 3);

export function TransitionsFigure({ pieces, onOpen }: { pieces: readonly TransitionPiece[] | undefined; onOpen?: (code: string) => void }) {
  // The height follows the rows, so the columns are chosen before the chart's box is measured: from the window.
  const columns = columnsAt(window.innerWidth);
  const option = useCallback(
    (width: number) => transitionFigureOption(pieces ?? [], { width, rowHeight: ROW_HEIGHT, columns, interactive: true }),
    [pieces, columns],
  );
  const click = useCallback(
    (data: unknown) => {
      const code = (data as Partial<TransitionPoint> | null)?.name;
      if (code && onOpen) onOpen(code);
    },
    [onOpen],
  );
  if (!pieces) return <div aria-busy="true" />;
  if (pieces.length === 0) return <p className="muted">No piece has an analysed ZFC sweep yet.</p>;
  const codes = pieces.map((p) => p.code).join(', ');
  return (
    <Chart
      option={option}
      height={transitionFigureHeight(pieces.length, { rowHeight: ROW_HEIGHT, columns })}
      label={`−dχ/dT of the ZFC and FC sweeps and dR/dT, each normalised to its peak, against temperature for ${codes}${onOpen ? '; select a point to open that piece' : ''}`}
      onItemClick={click}
      testId="transitions-chart"
    />
  );
}
