// What if: a candidate SlaTargets table on a past period, compared with what the clocks really came to. The
// comparison comes from POST /api/simulations, sent with the manager's own login; nothing is deployed.
(function () {
  const { today, labels } = JSON.parse(document.getElementById('sla-desk-data').textContent);
  const form = document.getElementById('simulation');
  const status = document.getElementById('status');
  const METRICS = [['firstResponse', labels.FIRST_RESPONSE], ['expertResponse', labels.EXPERT_RESPONSE],
    ['resolution', labels.RESOLUTION]];
  const SHOWN_FLIPS = 500;
  let chart;

  function text(tag, value, className) {
    const element = document.createElement(tag);
    element.textContent = value == null ? '–' : value;
    if (className) {
      element.className = className;
    }
    return element;
  }

  function percent(compliance) {
    return compliance.percent == null ? '–' : compliance.percent + '%';
  }

  function groupName(group) {
    const values = Object.values(group.group);
    return values.length ? values.map(v => v == null ? labels.none : v).join(' / ') : labels.total;
  }

  async function versions() {
    const response = await fetch(location.origin + '/api/simulations/versions', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      return;
    }
    const select = form.elements.decisionDefinitionId;
    (await response.json()).forEach(v => {
      const option = text('option', 'v' + v.version + (v.versionTag ? ' (' + v.versionTag + ')' : ''));
      option.value = v.id;
      select.appendChild(option);
    });
  }

  function showTable(result) {
    const table = document.getElementById('table-simulation');
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    [labels.group, labels.requests].concat(METRICS.flatMap(([, name]) => [name + ' · ' + labels.now,
      name + ' · ' + labels.candidate]), [labels.breaches + ' · ' + labels.now, labels.breaches + ' · ' + labels.candidate])
      .forEach((h, i) => head.appendChild(text('th', h, i > 0 ? 'number' : '')));
    const body = table.createTBody();
    const rows = result.current.groups.map((g, i) => [g, result.candidate.groups[i]]);
    if (rows.length !== 1 || Object.keys(result.current.groups[0].group).length) {
      rows.push([result.current.total, result.candidate.total]);
    }
    rows.forEach(([now, candidate]) => {
      const row = body.insertRow();
      row.dataset.group = groupName(now);
      row.appendChild(text('td', groupName(now)));
      row.appendChild(text('td', now.requests, 'number'));
      METRICS.forEach(([field]) => {
        row.appendChild(text('td', percent(now[field]), 'number'));
        const changed = now[field].percent !== candidate[field].percent;
        row.appendChild(text('td', percent(candidate[field]), 'number' + (changed ? ' changed' : '')));
      });
      row.appendChild(text('td', now.breaches, 'number'));
      row.appendChild(text('td', candidate.breaches, 'number' + (now.breaches !== candidate.breaches ? ' changed' : '')));
    });
  }

  function showChart(result) {
    const byGroup = result.current.groups.length > 0;
    const groups = byGroup ? result.current.groups.map(groupName) : [labels.total];
    const pick = (figures, field) => (byGroup ? figures.groups : [figures.total]).map(g => g[field].percent);
    const datasets = [];
    METRICS.forEach(([field, name], i) => {
      const shade = ['#1f6feb', '#8e24aa', '#2e7d32'][i];
      datasets.push({ label: name + ' · ' + labels.now, data: pick(result.current, field), backgroundColor: shade + '66' });
      datasets.push({ label: name + ' · ' + labels.candidate, data: pick(result.candidate, field), backgroundColor: shade });
    });
    if (chart) {
      chart.destroy();
    }
    chart = new Chart(document.getElementById('chart-simulation'), { type: 'bar', data: { labels: groups, datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: labels.compliance + ' %' } } } } });
  }

  function showFlips(result) {
    const table = document.getElementById('table-flipped');
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    [labels.request, labels.metric, labels.now, labels.candidate, labels.elapsed, labels.targetNow,
      labels.targetCandidate].forEach(h => head.appendChild(text('th', h)));
    const body = table.createTBody();
    result.flipped.slice(0, SHOWN_FLIPS).forEach(flip => {
      const row = body.insertRow();
      row.className = 'flip ' + flip.candidate;
      const cell = row.insertCell();
      const link = text('a', flip.key);
      link.href = '/manager/requests/' + encodeURIComponent(flip.key);
      cell.appendChild(link);
      [labels[flip.metric] || flip.metric, labels[flip.current], labels[flip.candidate], minutesOf(flip.elapsedSeconds),
        iso(flip.currentTarget), iso(flip.candidateTarget)].forEach(v => row.appendChild(text('td', v)));
    });
    if (result.flipped.length > SHOWN_FLIPS) {
      body.insertRow().appendChild(text('td', labels.more.replace('{0}', result.flipped.length - SHOWN_FLIPS)));
    }
  }

  const minutesOf = s => Math.round(s / 6) / 10 + ' min';

  /** An ISO-8601 duration as people write it: PT15M is 15 min, PT4H 4 h, P3D 3 d, PT1H30M 1 h 30 min. */
  function iso(duration) {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration || '');
    if (!m) {
      return duration;
    }
    const parts = [[m[1], 'd'], [m[2], 'h'], [m[3], 'min'], [m[4], 's']].filter(([n]) => n && +n > 0);
    return parts.map(([n, unit]) => n + ' ' + unit).join(' ') || '0 s';
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    status.textContent = labels.running;
    document.body.removeAttribute('data-loaded');
    const data = new FormData(form);
    if (!form.elements.candidate.files.length) {
      data.delete('candidate');
    }
    try {
      const response = await fetch(location.origin + '/api/simulations', { method: 'POST', body: data,
        headers: { Accept: 'application/json' } });
      const result = await response.json();
      if (!response.ok) {
        status.textContent = result.detail || response.status;
        document.body.setAttribute('data-loaded', 'error');
        return;
      }
      status.textContent = '';
      document.getElementById('summary').textContent = labels.summary.replace('{0}', result.candidateTable)
        .replace('{1}', result.current.total.requests).replace('{2}', result.flipped.length);
      showTable(result);
      showChart(result);
      showFlips(result);
      document.body.setAttribute('data-loaded', 'true');
    } catch (e) {
      status.textContent = e.message;
      document.body.setAttribute('data-loaded', 'error');
    }
  });

  const start = new Date(today + 'T00:00:00Z');
  start.setUTCMonth(start.getUTCMonth() - 3);
  form.elements.from.value = start.toISOString().slice(0, 10);
  form.elements.to.value = today;
  versions().finally(() => document.body.setAttribute('data-ready', 'true'));
})();
