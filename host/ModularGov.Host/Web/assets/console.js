// The console's only script: live regions, charts, forms that cannot be sent twice, and points picked on a map. Pages work without it (they are
// rendered on the server); it adds what a server cannot do alone.
"use strict";

// Live: a page whose body names an event stream (data-live) reloads each region marked data-fragment from the server when a
// signal for it arrives; regions say which record kinds concern them (data-kinds, space-separated; empty means every kind).
(function live() {
    const source = document.body.dataset.live;
    if (!source) return;
    const status = document.getElementById("live-status");
    const pending = new Set();
    let timer = null;

    function reload(region) {
        const url = region.dataset.fragment + (region.dataset.fragment.includes("?") ? "&" : "?") + location.search.replace(/^\?/, "");
        return fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
            .then(r => r.ok ? r.text() : Promise.reject(r.status))
            .then(html => { region.innerHTML = html; region.dispatchEvent(new CustomEvent("live:updated", { bubbles: true })); })
            .catch(() => {});
    }

    function schedule(kind) {
        document.querySelectorAll("[data-fragment]").forEach(region => {
            const kinds = (region.dataset.kinds || "").split(" ").filter(Boolean);
            if (kind === "*" || kinds.length === 0 || kinds.includes(kind)) pending.add(region);
        });
        // Signals come in bursts (a problem filed moves a grid and a street): one reload per region for a burst.
        if (!timer) timer = setTimeout(() => { timer = null; const regions = [...pending]; pending.clear(); regions.forEach(reload); }, 150);
    }

    function notice(text) {
        if (!status) return;
        status.textContent = text;
        status.hidden = !text;
    }

    let lost = false;
    const events = new EventSource(source);
    events.addEventListener("changed", e => { try { schedule(JSON.parse(e.data).kind); } catch { schedule("*"); } });
    events.onopen = () => {
        if (lost) { notice("已重新连接,页面已更新 (reconnected)"); schedule("*"); setTimeout(() => notice(""), 3000); }
        lost = false;
        document.body.dataset.liveState = "open";
    };
    events.onerror = () => {
        lost = true;
        document.body.dataset.liveState = "lost";
        notice("实时连接已断开,正在重新连接… (connection lost, reconnecting)");
    };
})();

// Charts: a <div data-chart="id"> draws the ECharts option in <script type="application/json" id="id">. The same numbers are
// in a table beside it for screen readers and for copying.
(function charts() {
    function draw() {
        if (!window.echarts) return;
        document.querySelectorAll("[data-chart]").forEach(el => {
            const option = JSON.parse(document.getElementById(el.dataset.chart).textContent);
            (echarts.getInstanceByDom(el) || echarts.init(el)).setOption(option, true);
        });
    }
    window.addEventListener("load", draw);
    document.addEventListener("live:updated", draw);
    window.addEventListener("resize", () => document.querySelectorAll("[data-chart]").forEach(el => echarts.getInstanceByDom(el)?.resize()));
})();

// Forms: a second click while the first is on its way does nothing (the form's idempotency key makes a resend harmless too).
document.addEventListener("submit", e => {
    const form = e.target;
    if (form.method.toLowerCase() !== "post") return;
    if (form.dataset.sending === "1") { e.preventDefault(); return; }
    form.dataset.sending = "1";
    form.querySelectorAll("button[type=submit]").forEach(b => b.setAttribute("aria-busy", "true"));
});

// The wall screen reloads itself every minute, besides its live regions, so a screen left on for days never shows stale figures.
if (document.body.classList.contains("screen")) setInterval(() => location.reload(), 60000);

// The problem form's point: a tap on the grid's map, or the phone's location, fills the two hidden fields (WGS-84).
(function pointPicker() {
    function mark(field, lat, lon) {
        field.querySelector("[data-point=latitude]").value = lat.toFixed(7);
        field.querySelector("[data-point=longitude]").value = lon.toFixed(7);
        field.querySelector("[data-point-text]").textContent = `已选位置 ${lat.toFixed(6)}, ${lon.toFixed(6)}`;
        const svg = field.querySelector("svg[data-west]");
        const d = svg.dataset;
        let dot = svg.querySelector("circle.picked");
        if (!dot) {
            dot = document.createElementNS("http://www.w3.org/2000/svg", "circle");
            dot.setAttribute("r", "18");
            dot.setAttribute("class", "picked");
            svg.appendChild(dot);
        }
        dot.setAttribute("cx", (lon - d.west) * d.scale * d.factor);
        dot.setAttribute("cy", (d.north - lat) * d.scale);
    }
    document.addEventListener("click", e => {
        const svg = e.target.closest("svg.point-pick");
        if (svg) {
            const at = new DOMPoint(e.clientX, e.clientY).matrixTransform(svg.getScreenCTM().inverse());
            const d = svg.dataset;
            mark(svg.closest(".point-field"), d.north - at.y / d.scale, Number(d.west) + at.x / (d.scale * d.factor));
            return;
        }
        const locate = e.target.closest("[data-locate]");
        if (locate && navigator.geolocation) {
            const field = locate.closest(".point-field");
            field.querySelector("[data-point-text]").textContent = "正在定位…";
            navigator.geolocation.getCurrentPosition(
                p => mark(field, p.coords.latitude, p.coords.longitude),
                () => { field.querySelector("[data-point-text]").textContent = "无法定位,请在图上点选 (location unavailable)"; },
                { enableHighAccuracy: true, timeout: 10000 });
        }
    });
})();
