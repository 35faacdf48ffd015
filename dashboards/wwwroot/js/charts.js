// Draws chart specs (built by ChartSpecs.cs) with ApexCharts: every element with a data-chart-spec attribute
// (rendered by the Chart component) is drawn once the page has loaded; render(id, json) redraws one.
window.adiCharts = (function () {
  const charts = {};
  const palette = ['#1b4f9c', '#b3541e', '#2e7d32', '#6a1b9a', '#c62828', '#00695c'];

  function formatter(format) {
    if (format === 'percent') return v => (v === null || v === undefined) ? '' : (v * 100).toFixed(1) + '%';
    if (format === 'count') return v => (v === null || v === undefined) ? '' : Math.round(v).toString();
    return v => (v === null || v === undefined) ? '' : (Math.round(v * 100) / 100).toString();
  }

  function options(spec) {
    const fmt = formatter(spec.format);
    const base = {
      chart: { height: 320, animations: { enabled: false }, toolbar: { show: false }, fontFamily: 'inherit' },
      colors: palette,
      dataLabels: { enabled: false },
      legend: { position: 'bottom' },
      tooltip: { y: { formatter: fmt } },
      yaxis: { labels: { formatter: fmt } },
    };
    if (spec.type === 'funnel') {
      return Object.assign(base, {
        chart: Object.assign(base.chart, { type: 'line' }),
        series: spec.series,
        stroke: { width: spec.series.map(s => s.type === 'scatter' ? 0 : 2), dashArray: spec.series.map((s, i) => i >= 4 ? 6 : 0) },
        markers: { size: spec.series.map(s => s.type === 'scatter' ? 5 : 0) },
        xaxis: { type: 'numeric', title: { text: 'n' } },
      });
    }
    return Object.assign(base, {
      chart: Object.assign(base.chart, { type: spec.type }),
      series: spec.series,
      stroke: { width: spec.type === 'line' ? 2 : 0 },
      xaxis: { categories: spec.categories },
      // Vertical marks at named months (a flag episode's start, assistance, recovery).
      annotations: { xaxis: (spec.marks || []).map(m => ({ x: m.x, borderColor: '#c62828', label: { text: m.label, orientation: 'horizontal' } })) },
    });
  }

  function render(id, specJson) {
    const el = document.getElementById(id);
    if (!el || typeof ApexCharts === 'undefined') return;
    if (charts[id]) { charts[id].destroy(); }
    const chart = new ApexCharts(el, options(JSON.parse(specJson)));
    charts[id] = chart;
    chart.render();
  }

  function renderAll() {
    document.querySelectorAll('[data-chart-spec]').forEach(el => { if (el.id) render(el.id, el.getAttribute('data-chart-spec')); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', renderAll);
  else renderAll();

  return { render: render, renderAll: renderAll };
})();
