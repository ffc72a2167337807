// ih serve: the page. Talks to this server's JSON API only. User text is put into the page
// with textContent and DOM nodes, never as HTML.
"use strict";

(function () {
  const DEBOUNCE_MS = 350;
  const EXAMPLE = [
    "# Sales Ninja",
    "",
    "We are looking for a rockstar salesman to join our young and energetic team.",
    "He will be a digital native who thrives in a fast-paced, work hard, play hard culture.",
    "",
    "## Requirements",
    "",
    "- 10+ years of experience and a degree from a top university",
    "- Must be able to lift 50 pounds and stand for long periods",
    "- Native English speaker",
    "",
    "We offer a competitive salary and a fun office with free beer.",
    "",
  ].join("\n");

  const $ = (id) => document.getElementById(id);
  const text = $("text");
  const kind = $("kind");
  const jurisdiction = $("jurisdiction");
  const statusLine = $("status");
  const errorLine = $("error");
  const marked = $("marked");
  const list = $("findings");
  const checks = $("checks");
  const fixAll = $("fix-all");

  const state = { sequence: 0, timer: null, sent: "", report: null, fixes: new Map(), fileName: "posting.md" };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function showError(message) {
    errorLine.textContent = message;
    errorLine.hidden = !message;
  }

  async function api(path, body, contentType) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": contentType || "application/json" },
      body: contentType ? body : JSON.stringify(body),
      credentials: "same-origin",
    });
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (!response.ok) {
      throw new Error((data && data.error) || "The server answered " + response.status + ".");
    }
    return data;
  }

  function request(extra) {
    const body = Object.assign({ text: text.value, kind: kind.value }, extra || {});
    if (jurisdiction.value === "-") body.jurisdictions = [];
    else if (jurisdiction.value) body.jurisdictions = [jurisdiction.value];
    return body;
  }

  // ---------------------------------------------------------------- positions
  // The wire schema gives 1-based lines and columns counted in Unicode code points; the page
  // needs UTF-16 offsets into the text that was checked.
  function offsets(source) {
    const starts = [0];
    for (let i = 0; i < source.length; i++) if (source[i] === "\n") starts.push(i + 1);
    return function (line, column) {
      const start = starts[Math.min(line - 1, starts.length - 1)];
      let offset = start;
      let points = 1;
      while (points < column && offset < source.length && source[offset] !== "\n") {
        const code = source.codePointAt(offset);
        offset += code > 0xffff ? 2 : 1;
        points += 1;
      }
      return offset;
    };
  }

  function spans(source, findings) {
    const at = offsets(source);
    const out = [];
    findings.forEach(function (f, index) {
      if (f.scope !== "span") return;
      out.push({ index: index, start: at(f.line, f.column), end: at(f.end_line, f.end_column), severity: f.severity });
    });
    return out;
  }

  // ---------------------------------------------------------------- rendering
  const RANK = { error: 3, warning: 2, info: 1 };

  function renderMarked(source, findings) {
    const found = spans(source, findings);
    if (!source.trim()) {
      marked.replaceChildren(el("p", { class: "empty", text: "Your text appears here with each finding marked." }));
      return;
    }
    const cuts = new Set([0, source.length]);
    for (const s of found) { cuts.add(s.start); cuts.add(s.end); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const nodes = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const piece = source.slice(a, b);
      const covering = found.filter((s) => s.start <= a && s.end >= b && s.end > s.start);
      if (!covering.length) {
        nodes.push(document.createTextNode(piece));
        continue;
      }
      covering.sort((x, y) => RANK[y.severity] - RANK[x.severity] || x.index - y.index);
      const top = covering[0];
      const f = findings[top.index];
      const link = el("a", { href: "#finding-" + top.index, title: f.rule_id + ": " + f.message, text: piece });
      link.addEventListener("click", function (event) {
        event.preventDefault();
        const card = $("finding-" + top.index);
        if (card) { card.scrollIntoView({ block: "nearest" }); card.focus(); }
      });
      nodes.push(el("mark", { class: "sev-" + top.severity, "data-finding": String(top.index) }, [link]));
    }
    marked.replaceChildren(...nodes);
  }

  function pill(kindOfPill, label) {
    return el("span", { class: "pill " + kindOfPill, text: label });
  }

  function yesNo(value, good, bad) {
    if (value === undefined || value === null) return pill("neutral", "not checked");
    return value ? pill("good", good) : pill("bad", bad);
  }

  function renderChecks(file) {
    const m = (file && file.metrics) || {};
    const rows = [];
    const add = function (term, ...details) { rows.push(el("dt", { text: term }), el("dd", {}, details)); };
    const pay = m.pay || {};
    const statements = m.statements || {};
    const isPosting = file && file.kind === "posting";
    if (!file) {
      for (const term of ["Pay range", "EEO statement", "Accommodation", "Gender coding", "Reading grade"]) {
        add(term, pill("neutral", "waiting for text"));
      }
      checks.replaceChildren(...rows);
      return;
    }
    add("Pay range", isPosting ? yesNo(pay.range, "stated", "missing") : pill("neutral", "not a posting"));
    add("EEO statement", isPosting ? yesNo(statements.eeo, "present", "missing") : pill("neutral", "not a posting"));
    add("Accommodation", isPosting ? yesNo(statements.accommodation, "offered", "missing") : pill("neutral", "not a posting"));
    const coding = m.gender_coding || { masculine: [], feminine: [], verdict: "neutral" };
    const verdictPill = coding.verdict === "neutral" ? pill("good", "balanced")
      : pill(coding.verdict.indexOf("strongly") === 0 ? "bad" : "note", coding.verdict);
    const words = [];
    if (coding.masculine.length) words.push(el("div", { class: "words", text: "Masculine-coded: " + coding.masculine.join(", ") }));
    if (coding.feminine.length) words.push(el("div", { class: "words", text: "Feminine-coded: " + coding.feminine.join(", ") }));
    add("Gender coding", verdictPill, ...words);
    const grade = m.reading_grade;
    add("Reading grade", grade === null || grade === undefined ? pill("neutral", "n/a")
      : pill(grade <= 8 ? "good" : grade <= 12 ? "note" : "bad", "grade " + grade));
    add("Words", document.createTextNode(String(m.words || 0)));
    checks.replaceChildren(...rows);
  }

  function renderFindings(source, file) {
    const findings = (file && file.findings) || [];
    const cards = findings.map(function (f, index) {
      const head = el("div", { class: "head" }, [
        el("span", { class: "badge sev-" + f.severity, text: f.severity === "info" ? "advice" : f.severity }),
        el("code", { text: f.rule_id }),
        el("span", { text: f.rule_name }),
      ]);
      const body = [head, el("p", { class: "message", text: f.message })];
      if (f.scope === "span") {
        body.push(el("p", { class: "where", text: "Line " + f.line + ": “" + f.match.replace(/\s+/g, " ") + "”" }));
      } else {
        body.push(el("p", { class: "where", text: "Whole document" }));
      }
      if (f.replacements.length) {
        body.push(el("p", { class: "instead" }, [el("strong", { text: "Write instead: " }),
          f.replacements.map((r) => "“" + r + "”").join(" or ")]));
      }
      const details = el("details", {}, [el("summary", { text: "Why it matters" }), el("p", { text: f.rationale })]);
      if (f.source) details.append(el("p", { class: "source", text: "Source: " + f.source }));
      body.push(details);
      const buttons = el("div", { class: "buttons" });
      const replacement = state.fixes.get(index);
      if (replacement !== undefined) {
        const apply = el("button", { type: "button", class: "small", text: "Apply fix: “" + replacement + "”" });
        apply.addEventListener("click", () => runFix(index));
        buttons.append(apply);
      }
      if (f.scope === "span") {
        const show = el("button", { type: "button", class: "small secondary", text: "Show in text" });
        show.addEventListener("click", function () {
          const at = offsets(source);
          text.focus();
          text.setSelectionRange(at(f.line, f.column), at(f.end_line, f.end_column));
        });
        buttons.append(show);
      }
      if (buttons.childNodes.length) body.push(buttons);
      return el("li", { id: "finding-" + index, class: "finding sev-" + f.severity, tabindex: "-1" }, body);
    });
    // Findings in the text first (in reading order), then the whole-document ones.
    const order = findings.map((f, i) => i).sort((a, b) =>
      (findings[a].scope === "span" ? 0 : 1) - (findings[b].scope === "span" ? 0 : 1) || a - b);
    list.replaceChildren(...order.map((i) => cards[i]));
    $("count").textContent = findings.length ? "(" + findings.length + ")" : "";
  }

  function summary(file, millis) {
    if (!file) return "";
    if (file.error) return file.error === "empty text" ? "" : "Not checked: " + file.error + ".";
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of file.findings) counts[f.severity] += 1;
    const n = file.findings.length;
    if (!n) return "No findings. Checked in " + millis + " ms.";
    return n + (n === 1 ? " finding" : " findings") + ": " + counts.error + " errors, " + counts.warning +
      " warnings, " + counts.info + " advice. Checked in " + millis + " ms.";
  }

  function render(source, data, millis) {
    state.sent = source;
    state.report = data.report;
    state.fixes = new Map(data.fixes.map((x) => [x.finding, x.replacement]));
    const file = data.report.files[0];
    renderMarked(source, file.error ? [] : file.findings);
    renderChecks(file.error ? null : file);
    renderFindings(source, file.error ? null : file);
    fixAll.disabled = state.fixes.size === 0;
    fixAll.textContent = state.fixes.size ? "Apply all safe fixes (" + state.fixes.size + ")" : "Apply all safe fixes";
    statusLine.textContent = summary(file, millis);
  }

  // ---------------------------------------------------------------- actions
  async function check() {
    const sequence = ++state.sequence;
    const source = text.value;
    const started = performance.now();
    try {
      const data = await api("/api/check", request());
      if (sequence !== state.sequence) return; // a newer check is on its way
      showError("");
      render(source, data, Math.round(performance.now() - started));
    } catch (error) {
      if (sequence === state.sequence) showError(error.message);
    }
  }

  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(check, DEBOUNCE_MS);
  }

  async function runFix(index) {
    const sequence = ++state.sequence;
    clearTimeout(state.timer);
    const started = performance.now();
    try {
      const data = await api("/api/fix", request({ finding: index === undefined ? null : index }));
      if (sequence !== state.sequence) return;
      text.value = data.text;
      showError("");
      render(data.text, data, Math.round(performance.now() - started));
      statusLine.textContent = "Applied " + data.applied + (data.applied === 1 ? " fix. " : " fixes. ") + statusLine.textContent;
      text.focus();
    } catch (error) {
      showError(error.message);
    }
  }

  async function copyText() {
    try {
      await navigator.clipboard.writeText(text.value);
    } catch (e) {
      text.select();
      document.execCommand("copy");
    }
    statusLine.textContent = "Copied the text.";
  }

  function download() {
    const blob = new Blob([text.value], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: state.fileName.replace(/\.docx$/i, ".md") });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    statusLine.textContent = "Downloaded " + link.getAttribute("download") + ".";
  }

  async function openFile(file) {
    try {
      const data = await api("/api/upload?name=" + encodeURIComponent(file.name), file, "application/octet-stream");
      text.value = data.text;
      state.fileName = data.name;
      showError("");
      check();
    } catch (error) {
      showError(error.message);
    }
  }

  async function loadInfo() {
    try {
      const response = await fetch("/api/info", { credentials: "same-origin" });
      const info = await response.json();
      const configured = info.configured.length ? info.configured.join(", ") : "none";
      jurisdiction.options[0].textContent = "As configured (" + configured + ")";
      jurisdiction.append(el("option", { value: "-", text: "No jurisdiction" }));
      for (const j of info.jurisdictions) jurisdiction.append(el("option", { value: j.code, text: j.name + " (" + j.code + ")" }));
      $("file").setAttribute("accept", info.upload_suffixes.join(","));
      $("suffixes").textContent = info.upload_suffixes.join(", ");
      $("version").textContent = "ih " + info.version + ".";
    } catch (error) {
      showError("Could not reach ih serve: " + error.message);
    }
  }

  text.addEventListener("input", schedule);
  kind.addEventListener("change", check);
  jurisdiction.addEventListener("change", check);
  fixAll.addEventListener("click", () => runFix(undefined));
  $("copy").addEventListener("click", copyText);
  $("download").addEventListener("click", download);
  $("open").addEventListener("click", () => $("file").click());
  $("file").addEventListener("change", function () {
    if (this.files && this.files[0]) openFile(this.files[0]);
    this.value = "";
  });
  $("example").addEventListener("click", function () {
    text.value = EXAMPLE;
    state.fileName = "posting.md";
    check();
    text.focus();
    text.setSelectionRange(0, 0);
    text.scrollTop = 0;
  });

  loadInfo();
  renderChecks(null);
  if (text.value.trim()) check();
})();
