/**
 * The font stack every chart uses. Family names are quoted with ' because ECharts' SVG renderer
 * writes fontFamily into an attribute without escaping: a " would make the SVG ill-formed.
 */
export const CHART_FONT = "system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
