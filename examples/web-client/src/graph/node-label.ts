/**
 * @module
 * Node labels on the graph picture: centred under their node and kept inside the canvas, so that
 * long group names near an edge are not cut off and two nodes side by side do not write over
 * each other's names.
 */

const GAP = 4;

/**
 * Where a label is written (its left end and baseline), in canvas pixels.
 *
 * @param node - the node's centre and radius.
 * @param textWidth - the label's measured width.
 * @param textSize - the label's font size.
 * @param canvasWidth - the canvas' width.
 * @returns centred under the node, shifted to stay within `[0, canvasWidth]` when it can.
 */
export function labelPosition(
  node: { readonly x: number; readonly y: number; readonly size: number },
  textWidth: number,
  textSize: number,
  canvasWidth: number,
): { x: number; y: number } {
  const centred = node.x - textWidth / 2;
  const x = Math.max(0, Math.min(centred, canvasWidth - textWidth));
  return { x, y: node.y + node.size + GAP + textSize };
}

/** The label settings the drawing reads (a part of sigma's settings). */
interface LabelSettings {
  readonly labelSize: number;
  readonly labelFont: string;
  readonly labelWeight: string;
  readonly labelColor: { readonly attribute?: string; readonly color?: string };
}

/** Sigma's disc-node label (its `defaultDrawNodeLabel`), placed by {@link labelPosition}. */
export function drawNodeLabel(
  context: CanvasRenderingContext2D,
  data: { readonly x: number; readonly y: number; readonly size: number; readonly label?: string | null },
  settings: LabelSettings,
): void {
  if (!data.label) return;
  const size = settings.labelSize;
  const color = settings.labelColor.attribute
    ? String(
        (data as Record<string, unknown>)[settings.labelColor.attribute] ??
          settings.labelColor.color ??
          '#000',
      )
    : (settings.labelColor.color ?? '#000');
  context.fillStyle = color;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const width = context.measureText(data.label).width;
  const { x, y } = labelPosition(data, width, size, context.canvas.clientWidth || context.canvas.width);
  context.fillText(data.label, x, y);
}
