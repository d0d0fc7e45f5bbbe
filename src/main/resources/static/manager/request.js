// The request history page: diagram with the path taken, a bar per SLA clock, and the merged timeline.
(function () {
  const { key, labels } = JSON.parse(document.getElementById('sla-desk-data').textContent);

  async function get(path) {
    const response = await fetch(location.origin + path, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(path + ' answered ' + response.status);
    }
    return response.json();
  }

  /** Seconds in an ISO-8601 duration such as P1DT2H30M or PT15M. */
  function seconds(iso) {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso || '');
    return m ? (+(m[1] || 0)) * 86400 + (+(m[2] || 0)) * 3600 + (+(m[3] || 0)) * 60 + (+(m[4] || 0)) : 0;
  }

  function text(tag, value, className) {
    const element = document.createElement(tag);
    element.textContent = value == null ? '' : value;
    if (className) {
      element.className = className;
    }
    return element;
  }

  function local(instant) {
    return instant ? new Date(instant).toLocaleString() : '';
  }

  async function showDiagram() {
    const diagram = await get('/api/requests/' + key + '/diagram');
    if (diagram.xml == null) {
      // an administrator deleted the process version; the timeline still tells the story
      document.getElementById('diagram').appendChild(text('p', labels.versionRemoved));
      return;
    }
    const viewer = new BpmnJS({ container: '#diagram' });
    await viewer.importXML(diagram.xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    diagram.passed.filter(id => registry.get(id)).forEach(id => canvas.addMarker(id, 'passed'));
    diagram.active.filter(id => registry.get(id)).forEach(id => canvas.addMarker(id, 'active'));
    canvas.zoom('fit-viewport');
  }

  function pausedSpans(request, metric) {
    const spans = [];
    let start = null;
    request.events.filter(e => e.metric === metric).forEach(e => {
      if (e.type === 'PAUSED') {
        start = e.at;
      } else if (e.type === 'RESUMED' && start) {
        spans.push([start, e.at]);
        start = null;
      }
    });
    if (start) {
      spans.push([start, null]);
    }
    return spans;
  }

  function showClocks(request) {
    const container = document.getElementById('clocks');
    request.clocks.forEach(clock => {
      const box = document.createElement('div');
      box.className = 'clock ' + clock.state + (clock.everBreached ? ' ever-breached' : '');
      box.dataset.metric = clock.metric;
      box.appendChild(text('strong', clock.metric + ' · ' + clock.state));
      const target = seconds(clock.target);
      const elapsed = seconds(clock.elapsed);
      const scale = Math.max(target, elapsed) * 1.1 || 1;
      const bar = text('div', '', 'bar');
      const fill = text('div', '', 'fill');
      fill.style.width = (100 * elapsed / scale) + '%';
      const mark = text('div', '', 'target');
      mark.style.left = (100 * target / scale) + '%';
      bar.append(fill, mark);
      box.appendChild(bar);
      box.appendChild(text('small', labels.elapsed + ' ' + clock.elapsed + ' / ' + labels.target + ' ' + clock.target
          + (clock.paused && clock.paused !== 'PT0S' ? ' · ' + labels.paused + ' ' + clock.paused : '')));
      // wall-clock line from start to stop (or now) with the paused spans hatched
      const spans = pausedSpans(request, clock.metric);
      if (spans.length) {
        const from = Date.parse(clock.startedAt);
        const to = clock.stoppedAt ? Date.parse(clock.stoppedAt) : Date.now();
        const wall = text('div', '', 'wall');
        spans.forEach(([start, end]) => {
          const pause = text('div', '', 'pause');
          const left = Math.max(0, (Date.parse(start) - from) / (to - from));
          const right = Math.min(1, ((end ? Date.parse(end) : to) - from) / (to - from));
          pause.style.left = (100 * left) + '%';
          pause.style.width = (100 * (right - left)) + '%';
          pause.title = local(start) + ' – ' + local(end);
          wall.appendChild(pause);
        });
        box.appendChild(wall);
      }
      container.appendChild(box);
    });
  }

  function showTimeline(entries) {
    const body = document.querySelector('#timeline tbody');
    entries.forEach(entry => {
      const row = document.createElement('tr');
      row.className = entry.source + ' ' + entry.type;
      const details = Object.entries(entry.details || {})
          .map(([name, value]) => name + ': ' + (typeof value === 'object' ? JSON.stringify(value) : value)).join(' · ');
      row.append(text('td', local(entry.at)), text('td', entry.title), text('td', entry.user),
          text('td', details, 'details'));
      body.appendChild(row);
    });
  }

  async function show() {
    const [request, history] = await Promise.all([get('/api/requests/' + key), get('/api/requests/' + key + '/history')]);
    document.getElementById('request-subject').textContent = request.subject;
    document.getElementById('request-summary').textContent = [request.status, request.channel, request.customerTier,
      request.priority, request.team, request.category].join(' · ');
    showClocks(request);
    showTimeline(history);
    await showDiagram();
    document.body.dataset.loaded = 'true';
  }

  show().catch(error => {
    document.body.dataset.loaded = 'error';
    document.querySelector('header').appendChild(text('p', error.message, 'error'));
  });
})();
