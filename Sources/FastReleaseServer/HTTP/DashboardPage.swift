/// The dashboard page: HTML, a style sheet and a script, served as files so that the page's
/// Content-Security-Policy allows no inline script or style. The script fetches
/// `/v1/dashboard/data` with the viewer token given in the address's fragment (`/dashboard#token=…`, never sent to the server or its logs)
/// and draws lane mix over time, latency percentiles, top rules, the profile history and the
/// shadow comparison. Every value is written as text, never as markup.
enum DashboardPage {
    static let html = #"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>FastRelease dashboard</title>
        <link rel="stylesheet" href="/dashboard.css"></head>
        <body>
        <h1>FastRelease <span id="profile"></span></h1>
        <p id="status">loading…</p>
        <h2>Lane mix, last 24 hours (per hour)</h2><div id="lane-mix"></div><div id="lane-totals"></div>
        <h2>Latency per message (most recent <span id="latency-count">0</span>)</h2>
        <table id="latency"><tr><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr><tr></tr></table>
        <h2>Top rules, last 24 hours</h2>
        <table id="rules"><tr><th>rule</th><th>hits</th><th>with result</th><th>hit rate</th></tr></table>
        <h2>Profile versions</h2>
        <table id="history"><tr><th>version</th><th>when</th><th>who</th><th>what changed</th></tr></table>
        <h2>Shadow</h2><p id="shadow"></p><table id="shadow-lanes"><tr><th>live → shadow</th><th>declarations</th></tr></table>
        <script src="/dashboard.js"></script>
        </body></html>
        """#

    /// The page's style sheet, served at `/dashboard.css`.
    static let style = #"""
        body{font:14px system-ui,sans-serif;margin:1.5em;max-width:1200px;color:#1a202c}
        h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
        table{border-collapse:collapse}td,th{border:1px solid #cbd5e0;padding:3px 8px;text-align:right}
        td:first-child,th:first-child{text-align:left}#status{color:#718096}
        .release{fill:#38a169}.document{fill:#d69e2e}.sample-release{fill:#3182ce}.inspect-release{fill:#805ad5}
        .hold{fill:#e53e3e}.withdrawn{fill:#a0aec0}
        """#

    /// The page's script, served at `/dashboard.js`.
    static let script = #"""
        "use strict";
        const lanes = ["release", "document", "sample-release", "inspect-release", "hold", "withdrawn"];
        const fragment = new URLSearchParams(location.hash.slice(1));
        const token = fragment.get("token") || sessionStorage.getItem("fastrelease-token") || "";
        if (fragment.get("token")) sessionStorage.setItem("fastrelease-token", token);
        function cell(row, text) { const td = document.createElement("td"); td.textContent = text; row.appendChild(td); }
        function row(table, values) {
          const tr = document.createElement("tr"); values.forEach(v => cell(tr, v)); document.getElementById(table).appendChild(tr);
        }
        function svg(name, attributes) {
          const node = document.createElementNS("http://www.w3.org/2000/svg", name);
          for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
          return node;
        }
        function drawLanes(counts) {
          const buckets = [...new Set(counts.map(c => c.bucket))].sort((a, b) => a - b);
          const totals = buckets.map(b => counts.filter(c => c.bucket === b).reduce((s, c) => s + c.count, 0));
          const largest = Math.max(1, ...totals);
          const width = 40, height = 160;
          const chart = svg("svg", {id: "lane-mix-chart", width: Math.max(200, buckets.length * width + 60), height: height + 40, role: "img"});
          buckets.forEach((bucket, index) => {
            let y = height;
            for (const lane of lanes) {
              const count = counts.filter(c => c.bucket === bucket && c.lane === lane).reduce((s, c) => s + c.count, 0);
              if (!count) continue;
              const h = count / largest * height;
              y -= h;
              const rect = svg("rect", {class: lane, x: 40 + index * width, y: y, width: width - 6, height: h});
              const title = svg("title", {}); title.textContent = lane + ": " + count; rect.appendChild(title);
              chart.appendChild(rect);
            }
            const label = svg("text", {x: 40 + index * width, y: height + 14, "font-size": 10});
            label.textContent = new Date(bucket).toISOString().slice(11, 16);
            chart.appendChild(label);
          });
          document.getElementById("lane-mix").replaceChildren(chart);
          const totalsByLane = lanes.map(lane => lane + " " + counts.filter(c => c.lane === lane).reduce((s, c) => s + c.count, 0));
          document.getElementById("lane-totals").textContent = "decisions: " + totals.reduce((s, t) => s + t, 0) + " (" + totalsByLane.join(", ") + ")";
        }
        function render(data) {
          document.getElementById("profile").textContent = data.profile;
          drawLanes(data.lanes);
          const latency = data.latency;
          document.getElementById("latency-count").textContent = latency.messages;
          const latencyRow = document.querySelector("#latency tr:last-child");
          latencyRow.replaceChildren();
          [latency.p50_ms, latency.p90_ms, latency.p99_ms, latency.p999_ms, latency.max_ms].forEach(v => cell(latencyRow, v.toFixed(2) + " ms"));
          for (const id of ["rules", "history", "shadow-lanes"]) {
            const table = document.getElementById(id); while (table.rows.length > 1) table.deleteRow(1);
          }
          data.rules.forEach(r => row("rules", [r.rule, r.hits, r.with_result, r.with_result ? (100 * r.nonconforming / r.with_result).toFixed(1) + "%" : "-"]));
          data.history.forEach(h => row("history", [h.version, new Date(h.changed_at).toISOString().replace("T", " ").slice(0, 19), h.changed_by, h.summary]));
          const shadow = data.shadow;
          document.getElementById("shadow").textContent = shadow.version
            ? "candidate " + shadow.version + ": " + shadow.compared + " compared, " + shadow.differing + " differ"
            : "no candidate runs in shadow";
          Object.entries(shadow.by_lanes).forEach(([pair, count]) => row("shadow-lanes", [pair, count]));
          document.getElementById("status").textContent = "updated " + new Date(data.generated_at).toISOString();
          document.body.dataset.ready = "true";
        }
        function load() {
          fetch("/v1/dashboard/data", {headers: {Authorization: "Bearer " + token}})
            .then(response => response.ok ? response.json() : Promise.reject(new Error("HTTP " + response.status + (response.status === 401 ? ": open /dashboard#token=<viewer token>" : ""))))
            .then(render)
            .catch(error => { document.getElementById("status").textContent = "cannot load the figures: " + error.message; });
        }
        load();
        setInterval(load, 30000);
        """#
}
