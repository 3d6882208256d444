import { getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEdgeMarkRef } from './findMarks';
import classes from './TaskGraph.module.css';

/**
 * React Flow's default (bezier) edge, drawn as its BaseEdge draws it (the path, and a wider invisible
 * one to hover), with its search/filter/lineage mark written to the path's `data-mark` from the graph's
 * mark store (findMarks.ts): a keystroke re-renders no edge; CSS draws the mark over the status style.
 */
function MarkedEdgeView(props: EdgeProps) {
  const { source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, interactionWidth = 20 } = props;
  const markRef = useEdgeMarkRef<SVGPathElement>(source, target);
  const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <path
        ref={markRef}
        d={path}
        fill="none"
        className={`react-flow__edge-path ${classes.edgePath}`}
        style={props.style}
        markerStart={props.markerStart}
        markerEnd={props.markerEnd}
      />
      {interactionWidth ? (
        <path d={path} fill="none" strokeOpacity={0} strokeWidth={interactionWidth} className="react-flow__edge-interaction" />
      ) : null}
    </>
  );
}

export const MarkedEdge = memo(MarkedEdgeView);
