// The SLA dashboard: every figure comes from /api/reports, read with the manager's own login.
(function () {
  const { complianceTarget, today, zone, labels } = JSON.parse(document.getElementById('sla-desk-data').textContent);
  const charts = {};
  const filters = document.getElementById('filters');
  const COLORS = { met: '#2e7d32', breached: '#c62828', requests: '#1f6feb', target: '#000',
    QUEUE: '#f9a825', AGENT: '#1f6feb', EXPERTS: '#8e24aa', ESCALATION: '#c62828', DELIVERY: '#6d4c41',
    FOLLOW_UP: '#00897b',
    average: '#1f6feb', median: '#2e7d32', p90: '#c62828' };

  async function get(path) {
    // an absolute URL: a page opened as http://user:password@host/ may not fetch relative URLs
    const response = await fetch(location.origin + path, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(path + ' → ' + response.status);
    }
    return response.json();
  }

  function text(tag, value, className) {
    const element = document.createElement(tag);
    element.textContent = value == null ? '–' : value;
    if (className) {
      element.className = className;
    }
    return element;
  }

  /** Business seconds as minutes or hours with one decimal, as the charts show them. */
  const minutes = s => s == null ? null : Math.round(s / 6) / 10;
  const hours = s => s == null ? null : Math.round(s / 360) / 10;
  const seconds = s => s == null ? null : Math.round(s);

  function query(extra) {
    const params = new URLSearchParams();
    new FormData(filters).forEach((value, name) => { if (value) params.set(name, value); });
    Object.entries(extra || {}).forEach(([name, value]) => params.set(name, value));
    return params.toString();
  }

  function draw(id, config) {
    if (charts[id]) {
      charts[id].destroy();
    }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function table(id, headers, rows) {
    const element = document.getElementById(id);
    element.replaceChildren();
    const head = element.createTHead().insertRow();
    headers.forEach((h, i) => head.appendChild(text('th', h, i > 0 ? 'number' : '')));
    const body = element.createTBody();
    rows.forEach(cells => {
      const row = body.insertRow();
      cells.forEach((cell, i) => row.appendChild(cell instanceof Node ? wrap(cell)
        : text('td', cell, i > 0 ? 'number' : '')));
    });
  }

  function wrap(node) {
    const cell = document.createElement('td');
    cell.appendChild(node);
    return cell;
  }

  function requestLink(key) {
    const link = text('a', key);
    link.href = '/manager/requests/' + encodeURIComponent(key);
    return link;
  }

  function showTotals(report) {
    const kpis = document.getElementById('kpis');
    kpis.replaceChildren();
    // the service chain in order: acknowledgement, first response, expert response, resolution, follow-up
    const metrics = [['acknowledgement', labels.acknowledgement], ['firstResponse', labels.firstResponse],
      ['expertResponse', labels.expertResponse], ['resolution', labels.resolution], ['followUp', labels.followUp]];
    metrics.forEach(([field, label]) => {
      const c = report.total[field];
      const card = text('div', null, 'kpi' + (c.percent != null && c.percent < complianceTarget ? ' below' : ''));
      card.replaceChildren(text('span', label), text('strong', c.percent == null ? '–' : c.percent + '%'),
        text('small', labels.met + ' ' + c.met + ' · ' + labels.breached + ' ' + c.breached + ' · '
          + labels.target + ' ' + complianceTarget + '%'));
      card.dataset.metric = field;
      kpis.appendChild(card);
    });
    draw('chart-compliance', { type: 'bar', data: { labels: metrics.map(m => m[1]), datasets: [
      // a bar below the compliance target is red, at or above it green
      { label: labels.compliance, data: metrics.map(([f]) => report.total[f].percent),
        backgroundColor: metrics.map(([f]) => report.total[f].percent != null
            && report.total[f].percent < complianceTarget ? COLORS.breached : COLORS.met) },
      { label: labels.target, type: 'line', data: metrics.map(() => complianceTarget), borderColor: COLORS.target,
        borderDash: [6, 4], pointRadius: 0 }] },
      options: { indexAxis: 'y', scales: { x: { min: 0, max: 100 } } } });
  }

  function showTrend(id, points, scale) {
    draw(id, { type: 'line', data: { labels: points.map(p => p.period), datasets: [
      { label: labels.average, data: points.map(p => scale(p.averageSeconds)), borderColor: COLORS.average },
      { label: labels.median, data: points.map(p => scale(p.medianSeconds)), borderColor: COLORS.median },
      { label: labels.p90, data: points.map(p => scale(p.p90Seconds)), borderColor: COLORS.p90 }] } });
  }

  function showBreakdown(dimension, report) {
    const names = report.rows.map(r => r.group[dimension] == null ? labels.none : r.group[dimension]);
    draw('chart-by-' + dimension, { type: 'bar', data: { labels: names, datasets: [
      { label: labels.requests, data: report.rows.map(r => r.requests), backgroundColor: COLORS.requests },
      { label: labels.breaches, data: report.rows.map(r => r.breaches), backgroundColor: COLORS.breached }] } });
    table('table-by-' + dimension, [labels[dimension], labels.requests, labels.acknowledgement,
      labels.firstResponse, labels.resolution, labels.followUp, labels.medianAck, labels.medianFrt,
      labels.medianTtr, labels.medianFollowUp, labels.breaches, labels.openBreached],
    report.rows.map((r, i) => [names[i], r.requests, pct(r.acknowledgement), pct(r.firstResponse),
      pct(r.resolution), pct(r.followUp), seconds(r.acknowledgementTime.medianSeconds),
      minutes(r.firstResponseTime.medianSeconds), hours(r.timeToResolution.medianSeconds),
      hours(r.followUpTime.medianSeconds), r.breaches, r.openBreached]));
    if (dimension === 'team') {
      const list = document.getElementById('teams');
      list.replaceChildren(...names.map(n => Object.assign(document.createElement('option'), { value: n })));
    }
  }

  const pct = c => c.percent == null ? '–' : c.percent + '%';

  function showCauses(report) {
    const causes = ['QUEUE', 'AGENT', 'EXPERTS', 'DELIVERY', 'FOLLOW_UP', 'ESCALATION'];
    // minutes while every bar shown at first (the time after the breach starts hidden) stays below an hour (a
    // 5-minute budget is not "0.1 h"), hours above
    const longest = Math.max(0, ...report.rows.map(r => causes.filter(c => c !== 'ESCALATION')
        .reduce((sum, c) => sum + (r.seconds[c] || 0), 0)));
    const inMinutes = longest < 3600;
    const scale = inMinutes ? minutes : hours;
    draw('chart-causes', { type: 'bar', data: {
      labels: report.rows.map(r => r.group.team == null ? labels.none : r.group.team),
      // the time after the breach can dwarf the budget; it is one legend click away, and says so
      datasets: causes.map(cause => ({ label: labels['cause' + cause] + (cause === 'ESCALATION'
          ? ' (' + labels.clickToShow + ')' : ''), backgroundColor: COLORS[cause],
        hidden: cause === 'ESCALATION', data: report.rows.map(r => scale(r.seconds[cause])) })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, title: { display: true,
        text: inMinutes ? labels.unitMinutes : labels.unitHours } } } } });
    table('table-breaches', [labels.request, labels.team, labels.metric, labels.mainCause, labels.dueAt],
      report.latest.map(b => [requestLink(b.key), b.team, labels[b.metric] || b.metric,
        labels['cause' + b.mainCause] + (b.reason ? ' — ' + b.reason : ''), local(b.dueAt)]));
  }

  function showAtRisk(list) {
    table('table-at-risk', [labels.request, labels.team, labels.priority, labels.metric, labels.dueAt, labels.risk,
      labels.riskReason],
      list.map(r => [requestLink(r.key), r.team, r.priority, labels[r.metric] || r.metric,
        local(r.dueAt), Math.round(r.breachRisk * 100) + ' %', r.riskReason]));
  }

  function showWorkload(workload) {
    const rows = workload.teams.map(q => [q.name, q.tasks, q.unassigned, local(q.oldestCreated), local(q.soonestDue)])
      .concat(workload.agents.map(q => ['@' + q.name, q.tasks, '', local(q.oldestCreated), local(q.soonestDue)]));
    table('table-workload', [labels.queue, labels.tasks, labels.unassigned, labels.oldest, labels.soonestDue], rows);
  }

  /** An instant in the report zone, as the dates of the filters are. */
  const local = instant => instant ? new Date(instant).toLocaleString('sv-SE', { timeZone: zone }) : '–';

  async function refreshAtRisk() {
    showAtRisk(await get('/api/reports/at-risk?' + query({ from: '', to: '' })));
  }

  async function load() {
    const status = document.getElementById('status');
    status.textContent = '';
    try {
      const [total, byTeam, byChannel, byCategory, frt, ttr, causes, workload] = await Promise.all([
        get('/api/reports/sla?' + query()),
        get('/api/reports/sla?' + query({ groupBy: 'team' })),
        get('/api/reports/sla?' + query({ groupBy: 'channel' })),
        get('/api/reports/sla?' + query({ groupBy: 'category' })),
        get('/api/reports/trend?' + query({ metric: 'frt', interval: 'day' })),
        get('/api/reports/trend?' + query({ metric: 'ttr', interval: 'day' })),
        get('/api/reports/breach-causes?' + query({ groupBy: 'team' })),
        get('/api/reports/workload')]);
      showTotals(total);
      showTrend('chart-frt-trend', frt, minutes);
      showTrend('chart-ttr-trend', ttr, hours);
      showBreakdown('team', byTeam);
      showBreakdown('channel', byChannel);
      showBreakdown('category', byCategory);
      showCauses(causes);
      showWorkload(workload);
      await refreshAtRisk();
      document.body.dataset.loaded = query();
    } catch (e) {
      status.textContent = labels.failed + ': ' + e.message;
    }
  }

  const shift = (date, days) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
  const iso = date => date.toLocaleDateString('sv');

  /** Last week is Monday to Sunday before this week; the last 30 days end today (days in the report zone). */
  function setRange(range) {
    const [year, month, date] = today.split('-').map(Number);
    const now = new Date(year, month - 1, date);
    if (range === 'last-week') {
      const monday = shift(now, -((now.getDay() + 6) % 7));
      filters.elements.from.value = iso(shift(monday, -7));
      filters.elements.to.value = iso(shift(monday, -1));
    } else {
      filters.elements.from.value = iso(shift(now, -29));
      filters.elements.to.value = iso(now);
    }
  }

  const params = new URLSearchParams(location.search);
  params.forEach((value, name) => { if (filters.elements[name]) filters.elements[name].value = value; });
  if (!filters.elements.from.value) {
    setRange('last-30-days');
  }
  filters.querySelectorAll('button[data-range]').forEach(button => button.addEventListener('click', () => {
    setRange(button.dataset.range);
    filters.requestSubmit();
  }));
  filters.addEventListener('submit', e => {
    e.preventDefault();
    history.replaceState(null, '', '?' + query());
    load();
  });
  document.getElementById('open-request').addEventListener('submit', e => {
    e.preventDefault();
    location.href = '/manager/requests/' + encodeURIComponent(e.target.elements.key.value.trim());
  });
  setInterval(() => refreshAtRisk().catch(() => {}), 60000);
  load();
}());
