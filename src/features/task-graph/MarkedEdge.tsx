import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEdgeMark } from './findMarks';
import { markedEdgeStyle } from './flowElements';

/**
 * React Flow's default (bezier) edge, drawn the same, with its search/filter/lineage mark read from
 * the graph's mark store: a keystroke re-renders only the drawn edges whose mark changed.
 */
function MarkedEdgeView(props: EdgeProps) {
  const { source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const mark = useEdgeMark(source, target);
  const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <BaseEdge
      path={path}
      style={markedEdgeStyle(props.style, mark)}
      markerStart={props.markerStart}
      markerEnd={props.markerEnd}
      interactionWidth={props.interactionWidth}
    />
  );
}

export const MarkedEdge = memo(MarkedEdgeView);
