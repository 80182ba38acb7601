/// The dashboard page: HTML, a style sheet and a script, served as files so that the page's
/// Content-Security-Policy allows no inline script or style. The script fetches
/// `/v1/dashboard/data` with the viewer token given in the address's fragment (`/dashboard#token=…`, never sent to the server or its logs)
/// and draws lane mix over time, latency percentiles, top rules, the profile history and the
/// shadow comparison, in English or Chinese as the browser's languages say. Every value is
/// written as text, never as markup.
enum DashboardPage {
    static let html = #"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title data-text="title">FastRelease dashboard</title>
        <link rel="stylesheet" href="/dashboard.css"></head>
        <body>
        <h1>FastRelease <span id="profile"></span></h1>
        <p id="status" data-text="loading">loading…</p>
        <h2 data-text="laneMix">Lane mix, last 24 hours (per hour)</h2><div id="lane-mix"></div><div id="lane-totals"></div>
        <h2><span data-text="latencyBefore">Latency per message (most recent </span><span id="latency-count">0</span><span data-text="latencyAfter">)</span></h2>
        <table id="latency"><tr><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr><tr></tr></table>
        <h2 data-text="topRules">Top rules, last 24 hours</h2>
        <table id="rules"><tr><th data-text="rule">rule</th><th data-text="hits">hits</th><th data-text="withResult">with result</th><th data-text="hitRate">hit rate</th></tr></table>
        <h2 data-text="versions">Profile versions</h2>
        <table id="history"><tr><th data-text="version">version</th><th data-text="when">when</th><th data-text="who">who</th><th data-text="changed">what changed</th></tr></table>
        <h2 data-text="shadowTitle">Shadow</h2><p id="shadow"></p><table id="shadow-lanes"><tr><th data-text="pair">live → shadow</th><th data-text="declarations">declarations</th></tr></table>
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
        // The page's words in English and Chinese; the browser's first language of the two decides.
        const texts = {
          en: {
            title: "FastRelease dashboard", loading: "loading…", laneMix: "Lane mix, last 24 hours (per hour)",
            latencyBefore: "Latency per message (most recent ", latencyAfter: ")", topRules: "Top rules, last 24 hours",
            rule: "rule", hits: "hits", withResult: "with result", hitRate: "hit rate", versions: "Profile versions",
            version: "version", when: "when", who: "who", changed: "what changed", shadowTitle: "Shadow",
            pair: "live → shadow", declarations: "declarations", decisions: "decisions: ", listOpen: " (", listSeparator: ", ",
            listClose: ")", candidate: "candidate ", compared: " compared, ", differ: " differ", colon: ": ",
            noShadow: "no candidate runs in shadow", updated: "updated ", cannotLoad: "cannot load the figures: ",
            openWithToken: ": open /dashboard#token=<viewer token>",
            lanes: {}
          },
          zh: {
            title: "FastRelease 监控面板", loading: "加载中…", laneMix: "近 24 小时通道分布（每小时）",
            latencyBefore: "每条报文时延（最近 ", latencyAfter: " 条）", topRules: "近 24 小时命中最多的规则",
            rule: "规则", hits: "命中", withResult: "有查验结果", hitRate: "查获率", versions: "风险参数版本",
            version: "版本", when: "时间", who: "操作人", changed: "变更内容", shadowTitle: "影子运行",
            pair: "在用 → 候选", declarations: "申报单", decisions: "申报单：", listOpen: "（", listSeparator: "，",
            listClose: "）", candidate: "候选参数 ", compared: " 已比对，", differ: " 不同", colon: "：",
            noShadow: "没有候选参数在影子运行", updated: "更新于 ", cannotLoad: "无法加载数据：",
            openWithToken: "：请打开 /dashboard#token=<查看者令牌>",
            lanes: {
              "release": "放行", "document": "单证审核", "sample-release": "抽样放行", "inspect-release": "查验放行",
              "hold": "扣留", "withdrawn": "已撤销"
            }
          }
        };
        const language = (navigator.languages || [navigator.language]).map(l => l.toLowerCase().split("-")[0])
          .find(l => l in texts) || "en";
        const text = texts[language];
        const laneName = lane => text.lanes[lane] || lane;
        document.documentElement.lang = language;
        document.querySelectorAll("[data-text]").forEach(node => { node.textContent = text[node.dataset.text]; });
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
              const title = svg("title", {}); title.textContent = laneName(lane) + text.colon + count; rect.appendChild(title);
              chart.appendChild(rect);
            }
            const label = svg("text", {x: 40 + index * width, y: height + 14, "font-size": 10});
            label.textContent = new Date(bucket).toISOString().slice(11, 16);
            chart.appendChild(label);
          });
          document.getElementById("lane-mix").replaceChildren(chart);
          const totalsByLane = lanes.map(lane => laneName(lane) + " " + counts.filter(c => c.lane === lane).reduce((s, c) => s + c.count, 0));
          document.getElementById("lane-totals").textContent = text.decisions + totals.reduce((s, t) => s + t, 0) + text.listOpen
            + totalsByLane.join(text.listSeparator) + text.listClose;
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
            ? text.candidate + shadow.version + text.colon + shadow.compared + text.compared + shadow.differing + text.differ
            : text.noShadow;
          Object.entries(shadow.by_lanes).forEach(([pair, count]) =>
            row("shadow-lanes", [pair.split(" → ").map(laneName).join(" → "), count]));
          document.getElementById("status").textContent = text.updated + new Date(data.generated_at).toISOString();
          document.body.dataset.ready = "true";
        }
        function load() {
          fetch("/v1/dashboard/data", {headers: {Authorization: "Bearer " + token}})
            .then(response => response.ok ? response.json() : Promise.reject(new Error("HTTP " + response.status + (response.status === 401 ? text.openWithToken : ""))))
            .then(render)
            .catch(error => { document.getElementById("status").textContent = text.cannotLoad + error.message; });
        }
        load();
        setInterval(load, 30000);
        """#
}
