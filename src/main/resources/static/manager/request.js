// The request history page: the diagram across the page fitted to the path taken, a bar per SLA clock, and the
// readable timeline (one row per thing that happened; the raw entries behind each row's details toggle).
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

  /** The report zone the server tells times in; the page shows every time in it. */
  let zone = 'UTC';

  function local(instant) {
    return instant ? new Date(instant).toLocaleString('sv-SE', { timeZone: zone }) : '';
  }

  /** The box around the given elements' shapes, in diagram coordinates. */
  function boxAround(elements) {
    const shapes = elements.filter(e => !e.waypoints && e.width);
    if (!shapes.length) {
      return null;
    }
    const x = Math.min(...shapes.map(e => e.x));
    const y = Math.min(...shapes.map(e => e.y));
    return { x, y, width: Math.max(...shapes.map(e => e.x + e.width)) - x,
      height: Math.max(...shapes.map(e => e.y + e.height)) - y };
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
    const taken = diagram.passed.concat(diagram.active).map(id => registry.get(id)).filter(Boolean);
    // the outermost stages span the whole model; the path is told by what lies inside them
    const path = boxAround(taken.filter(e => e.type !== 'bpmn:SubProcess')) || boxAround(taken);
    function fitPath() {
      if (!path) {
        canvas.zoom('fit-viewport', 'auto');
        return;
      }
      const margin = 40;
      canvas.viewbox({ x: path.x - margin, y: path.y - margin, width: path.width + 2 * margin,
        height: path.height + 2 * margin });
    }
    function zoomBy(factor) {
      canvas.zoom(canvas.zoom() * factor, 'auto');
    }
    document.getElementById('zoom-in').addEventListener('click', () => zoomBy(1.25));
    document.getElementById('zoom-out').addEventListener('click', () => zoomBy(0.8));
    document.getElementById('zoom-path').addEventListener('click', fitPath);
    document.getElementById('zoom-all').addEventListener('click', () => canvas.zoom('fit-viewport', 'auto'));
    canvas.zoom('fit-viewport', 'auto');
    const wholeScale = canvas.zoom();
    fitPath();
    // for tests and the curious: is every element of the path in view, and at what scale
    window.slaDeskDiagram = {
      check() {
        const box = canvas.viewbox();
        const inView = !path || (path.x >= box.x - 1 && path.y >= box.y - 1
            && path.x + path.width <= box.x + box.width + 1 && path.y + path.height <= box.y + box.height + 1);
        return { pathInView: inView, scale: canvas.zoom(), wholeScale };
      }
    };
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

  function showClocks(request, story) {
    const words = Object.fromEntries(story.clocks.map(clock => [clock.metric, clock]));
    const container = document.getElementById('clocks');
    request.clocks.forEach(clock => {
      const box = document.createElement('div');
      box.className = 'clock ' + clock.state + (clock.everBreached ? ' ever-breached' : '');
      box.dataset.metric = clock.metric;
      const told = words[clock.metric] || {};
      box.appendChild(text('strong', (told.name || clock.metric) + ' · ' + clock.state));
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
      box.appendChild(text('small', labels.elapsed + ' ' + told.elapsed + ' / ' + labels.target + ' ' + told.target
          + (told.paused ? ' · ' + labels.paused + ' ' + told.paused : '')));
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

  function detailsOf(step) {
    const details = document.createElement('details');
    details.appendChild(text('summary', labels.details));
    const list = document.createElement('ul');
    (step.details || []).forEach(entry => {
      const particulars = Object.entries(entry.details || {})
          .map(([name, value]) => name + ': ' + (typeof value === 'object' ? JSON.stringify(value) : value)).join(' · ');
      list.appendChild(text('li', [entry.at, entry.type, entry.title, entry.user, particulars]
          .filter(Boolean).join(' · ')));
    });
    details.appendChild(list);
    return details;
  }

  function row(step) {
    const tr = document.createElement('tr');
    tr.className = 'step ' + (step.kind || '');
    const what = text('td', step.what, 'what');
    tr.append(text('td', step.when, 'when'), what, text('td', step.who, 'who'), text('td', step.duration, 'duration'));
    const more = document.createElement('td');
    more.className = 'more';
    more.appendChild(detailsOf(step));
    tr.appendChild(more);
    return tr;
  }

  function showTimeline(story) {
    const body = document.querySelector('#timeline tbody');
    story.steps.forEach(step => body.appendChild(row(step)));
    const engine = document.querySelector('#engine-steps tbody');
    story.engineSteps.forEach(step => engine.appendChild(row(step)));
  }

  async function show() {
    const [request, story] = await Promise.all([get('/api/requests/' + key),
      get('/api/requests/' + key + '/history/readable')]);
    zone = story.zone;
    document.getElementById('request-subject').textContent = request.subject;
    document.getElementById('request-summary').textContent = [request.status, request.channel, request.customerTier,
      request.priority, request.team, request.category].join(' · ');
    showClocks(request, story);
    showTimeline(story);
    await showDiagram();
    document.body.dataset.loaded = 'true';
  }

  show().catch(error => {
    document.body.dataset.loaded = 'error';
    document.querySelector('header').appendChild(text('p', error.message, 'error'));
  });
})();
