import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { FraudRing, RingNode } from '../../../../preload/contract/fraud-views.ts';
import { useChartPalette, type ChartPalette } from '../../components/charts/palette.ts';

const SHAPES = { account: 'ellipse', device: 'round-rectangle', ip: 'diamond' } as const;

function elements(ring: FraudRing): ElementDefinition[] {
  return [
    ...ring.nodes.map((node) => ({ data: { id: node.key, label: node.id, kind: node.kind, flagged: node.flagged ? 1 : 0, start: node.kind === 'account' && node.id === ring.accountId ? 1 : 0 } })),
    ...ring.edges.map((edge) => ({ data: { id: `${edge.source}>${edge.target}`, source: edge.source, target: edge.target, flagged: edge.flagged ? 1 : 0 } })),
  ];
}

function style(palette: ChartPalette): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: { label: 'data(label)', 'font-size': 9, color: palette.text, 'text-valign': 'bottom', 'text-margin-y': 3, width: 18, height: 18, 'background-color': palette.series[0] ?? palette.axis, 'border-width': 0 },
    },
    ...(Object.entries(SHAPES).map(([kind, shape]) => ({ selector: `node[kind = "${kind}"]`, style: { shape } })) as cytoscape.StylesheetJson),
    { selector: 'node[kind != "account"]', style: { 'background-color': palette.axis, width: 14, height: 14 } },
    { selector: 'node[flagged = 1]', style: { 'background-color': palette.bad } },
    { selector: 'node[start = 1]', style: { width: 28, height: 28, 'border-width': 3, 'border-color': palette.text } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': palette.warn } },
    { selector: 'edge', style: { width: 1, 'line-color': palette.grid, 'curve-style': 'straight' } },
    { selector: 'edge[flagged = 1]', style: { 'line-color': palette.bad, width: 2 } },
  ];
}

/**
 * The ring as a Cytoscape.js graph (a force-directed layout); tapping a node selects it. The graph is drawn on a
 * canvas, so the page lists the same nodes with links for the keyboard and screen readers.
 */
export function RingGraph({ ring, selected, onSelect }: { ring: FraudRing; selected: string | null; onSelect: (node: RingNode | null) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const graph = useRef<Core | null>(null);
  const palette = useChartPalette();
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!host.current) return;
    const byKey = new Map(ring.nodes.map((node) => [node.key, node]));
    const cy = cytoscape({
      container: host.current,
      elements: elements(ring),
      style: style(palette),
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 6000, idealEdgeLength: () => 50 },
      minZoom: 0.2,
      maxZoom: 3,
      selectionType: 'single',
      boxSelectionEnabled: false,
    });
    cy.on('tap', 'node', (event) => select.current(byKey.get(event.target.id() as string) ?? null));
    cy.on('tap', (event) => {
      if (event.target === cy) select.current(null);
    });
    graph.current = cy;
    return () => {
      graph.current = null;
      cy.destroy();
    };
  }, [ring, palette]);

  useEffect(() => {
    const cy = graph.current;
    if (!cy) return;
    cy.nodes().unselect();
    if (selected) cy.getElementById(selected).select();
  }, [selected, ring, palette]);

  return <div ref={host} className="fraud-ring-graph" data-testid="ring-graph" data-nodes={ring.nodes.length} data-edges={ring.edges.length} />;
}
