// Draws chart specs (built by ChartSpecs.cs) with ApexCharts: every element with a data-chart-spec attribute
// (rendered by the Chart component) is drawn once the page has loaded; render(id, json) redraws one.
// Numbers on axes and in tooltips are written like the tables beside them (Localization/NumberText.cs):
// Italian 13.961 · 42,0 % · 3.975,2 · € 606,20; English 13,961 · 42.0% · 3,975.2 · €606.20.
window.adiCharts = (function () {
  const charts = {};
  const palette = ['#1b4f9c', '#b3541e', '#2e7d32', '#6a1b9a', '#c62828', '#00695c'];

  // v with at most maxDecimals and at least minDecimals, the language's group and decimal separators.
  function digits(v, maxDecimals, minDecimals, lang) {
    const negative = v < 0;
    let [whole, fraction = ''] = Math.abs(v).toFixed(maxDecimals).split('.');
    fraction = fraction.replace(/0+$/, '');
    while (fraction.length < minDecimals) fraction += '0';
    whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '.');
    const text = whole + (fraction ? (lang === 'en' ? '.' : ',') + fraction : '');
    return (negative && /[1-9]/.test(text) ? '\u2212' : '') + text;
  }

  function number(v, format, lang) {
    if (v === null || v === undefined || Number.isNaN(v)) return '';
    switch (format) {
      case 'count': return digits(Math.round(v), 0, 0, lang);
      case 'percent': return digits(v * 100, 1, 1, lang) + (lang === 'en' ? '%' : '\u00A0%');
      case 'days': return digits(v, 1, 0, lang);
      case 'eur': return (lang === 'en' ? '€' : '€ ') + digits(Math.round(v), 0, 0, lang);
      case 'eur2': return (lang === 'en' ? '€' : '€ ') + digits(v, 2, 2, lang);
      default: return digits(v, 2, 0, lang);
    }
  }

  function formatter(format, lang) { return v => number(v, format, lang); }

  // A denominator on the funnel's log axis (x is log10 n), to two significant digits: 1,8 · 19 · 350 · 3.500.
  function denominator(x, lang) {
    const n = Math.pow(10, x);
    const step = Math.pow(10, Math.floor(Math.log10(n)) - 1);
    const rounded = Math.round(n / step) * step;
    return number(rounded, rounded >= 10 ? 'count' : 'number', lang);
  }

  function funnel(spec, base) {
    const lang = spec.lang;
    const xs = spec.series.flatMap(s => s.data.map(p => p.x));
    const min = Math.min(...xs), max = Math.max(...xs);
    const flagged = spec.series.slice(1, 3).flatMap((s, i) => s.data.map(p => ({
      x: p.x, y: p.y,
      marker: { size: 0 },
      label: { text: p.label, borderWidth: 0, offsetY: -4, style: { background: 'transparent', color: i === 0 ? '#8a4b00' : '#b71c1c', fontSize: '11px' } },
    })));
    const scatter = spec.series.map(s => s.type === 'scatter');
    return Object.assign(base, {
      chart: Object.assign(base.chart, { type: 'line', height: 380 }),
      colors: ['#1b4f9c', '#e08a00', '#c62828', '#333333', '#e08a00', '#e08a00', '#c62828', '#c62828'],
      series: spec.series.map(s => ({ name: s.name, type: s.type, data: s.data.map(p => ({ x: p.x, y: p.y, label: p.label })) })),
      stroke: { width: scatter.map(s => s ? 0 : 2), curve: 'smooth', dashArray: spec.series.map((s, i) => i >= 4 && i <= 5 ? 6 : 0) },
      markers: { size: spec.series.map((s, i) => !scatter[i] ? 0 : i === 0 ? 4 : 6), strokeWidth: 1, hover: { sizeOffset: 2 } },
      annotations: { points: flagged },
      xaxis: {
        type: 'numeric', min: Number.isFinite(min) ? min - 0.05 : undefined, max: Number.isFinite(max) ? max + 0.05 : undefined,
        tickAmount: Math.max(2, Math.min(10, Math.round((max - min) * 4))),
        title: { text: spec.xTitle + (lang === 'en' ? ' (log scale)' : ' (scala logaritmica)') },
        labels: { formatter: x => denominator(x, lang) },
        tooltip: { enabled: false },
      },
      tooltip: {
        shared: false, intersect: true,
        x: { formatter: x => spec.xTitle + ' = ' + denominator(x, lang) },
        y: {
          formatter: (v, o) => {
            const p = o && o.w ? o.w.config.series[o.seriesIndex].data[o.dataPointIndex] : null;
            return (p && p.label ? p.label + ': ' : '') + number(v, spec.format, lang);
          },
        },
      },
    });
  }

  function options(spec) {
    const fmt = formatter(spec.format, spec.lang);
    const base = {
      chart: { height: 320, animations: { enabled: false }, toolbar: { show: false }, fontFamily: 'inherit', zoom: { enabled: false } },
      colors: palette,
      dataLabels: { enabled: false },
      legend: { position: 'bottom' },
      tooltip: { y: { formatter: fmt } },
      yaxis: { labels: { formatter: fmt } },
    };
    if (spec.type === 'funnel') return funnel(spec, base);
    // ApexCharts does not widen the axis for an annotation: a target above (or below) every value would be off the chart.
    const targetYs = (spec.targets || []).map(t => t.y);
    if (targetYs.length) {
      const ys = spec.series.flatMap(s => s.data).filter(v => typeof v === 'number').concat(targetYs);
      base.yaxis.min = Math.min(0, ...ys);
      base.yaxis.max = Math.max(...ys) * 1.08;
      base.yaxis.forceNiceScale = true;
    }
    return Object.assign(base, {
      chart: Object.assign(base.chart, { type: spec.type }),
      series: spec.series,
      stroke: { width: spec.type === 'line' ? 2 : 0 },
      markers: { size: spec.type === 'line' ? 3 : 0 },
      xaxis: { categories: spec.categories },
      // Vertical marks at named months (a flag episode's start, assistance, recovery; the first month of a measure),
      // and horizontal lines at given values (a programme target, the total beside its members).
      annotations: {
        xaxis: (spec.marks || []).map(m => ({ x: m.x, borderColor: '#c62828', label: { text: m.label, orientation: 'horizontal' } })),
        yaxis: (spec.targets || []).map(t => ({
          y: t.y, borderColor: t.color || '#2e7d32', strokeDashArray: 6,
          label: { text: t.label, position: 'left', textAnchor: 'start', style: { color: '#fff', background: t.color || '#2e7d32' } },
        })),
      },
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

  return { render: render, renderAll: renderAll, number: number };
})();
