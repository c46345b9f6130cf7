// Draws the exposure chart of a page from the JSON the server embedded (no inline script: the CSP forbids it).
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('exposure-chart');
  const source = document.getElementById('exposure-data');
  if (!canvas || !source || typeof Chart === 'undefined') return;
  const data = JSON.parse(source.textContent);
  canvas.dataset.points = String(data.values.length);
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: [{ label: 'targets exposed', data: data.values, stepped: true, pointRadius: 0, borderWidth: 2,
                   borderColor: '#b42318', backgroundColor: 'rgba(180, 35, 24, 0.12)', fill: true }]
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: { x: { ticks: { maxTicksLimit: 8 } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: false } }
    }
  });
  canvas.dataset.drawn = 'true';
});
