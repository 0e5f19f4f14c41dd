// The catalogue admin page: list, filter, sort, page, create, edit, delete.
// Text goes in with textContent: a product name is never HTML. Every failure
// (API down, 5xx, a proxy's HTML page) is shown on the page; nothing throws uncaught.
const $ = (id) => document.getElementById(id);
const rows = $("products");
const table = $("table");
const staleNote = $("stale");
const status = $("status");
const alertBox = $("alert");
const filter = $("filter");
const editor = $("editor");
const conflict = $("conflict");
const user = $("user");
const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const SORTS = ["created", "-created", "price", "-price", "name", "-name"];
const FIELDS = {
  "/name": "f-name",
  "/price": "f-price",
  "/description": "f-description",
  "/tags": "f-tags",
  "x-user-id": "user",
};

let next = null;
let loadedAt = null;
/** The product being edited: its id and the ETag it was read with; null when adding. */
let editing = null;

// --- the URL holds tag, sort and page: reload and share keep them ---------------------
function query() {
  const p = new URLSearchParams(location.search);
  const sort = SORTS.includes(p.get("sort")) ? p.get("sort") : "created";
  return { tag: p.get("tag") ?? "", sort, cursor: p.get("cursor") ?? "" };
}
function go(q) {
  const p = new URLSearchParams();
  if (q.tag) p.set("tag", q.tag);
  if (q.sort !== "created") p.set("sort", q.sort);
  if (q.cursor) p.set("cursor", q.cursor);
  const search = p.size > 0 ? `?${p}` : "";
  if (search !== location.search) history.pushState(null, "", `${location.pathname}${search}`);
  return load();
}

// --- talking to the API ---------------------------------------------------------------
/** Never throws: { ok, status, data, etag } or { failed: "what the user should read" }. */
async function api(method, url, { body, ifMatch } = {}) {
  const headers = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") headers["x-user-id"] = user.value.trim();
  if (ifMatch) headers["if-match"] = ifMatch;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return {
      failed: "Cannot reach the API: check your connection or whether the service is running.",
    };
  }
  if (response.status === 204 || response.status === 304)
    return { ok: true, status: response.status };
  const type = response.headers.get("content-type") ?? "";
  if (!/json/.test(type)) {
    return {
      failed: `The API answered ${response.status} ${response.statusText} with a page, not data (a proxy in front of it failed?). Try again in a moment.`,
    };
  }
  let data;
  try {
    data = await response.json();
  } catch {
    return { failed: `The API answered ${response.status} with a broken body.` };
  }
  if (response.status >= 500) {
    const retry = response.headers.get("retry-after");
    return {
      failed: `The API failed (${response.status}): ${data.detail ?? data.title}${retry ? ` Retry in ${retry} s.` : ""}`,
    };
  }
  return { ok: response.ok, status: response.status, data, etag: response.headers.get("etag") };
}

function showAlert(text) {
  alertBox.textContent = text;
  alertBox.hidden = false;
}
function clearAlert() {
  alertBox.hidden = true;
  alertBox.textContent = "";
}
function markStale(stale) {
  table.classList.toggle("stale", stale);
  staleNote.hidden = !stale;
  staleNote.textContent =
    stale && loadedAt
      ? `These rows are from ${loadedAt.toLocaleTimeString()} and may be out of date.`
      : "";
}

// --- the list ---------------------------------------------------------------------------
/** Loads the page of products the URL says; `said` replaces the count in the live region. */
async function load(said) {
  const q = query();
  filter.tag.value = q.tag;
  filter.sort.value = q.sort;
  const p = new URLSearchParams({ limit: "20", sort: q.sort });
  if (q.tag.trim()) p.set("tag", q.tag.trim());
  if (q.cursor) p.set("cursor", q.cursor);
  status.textContent = "Loading…";
  const r = await api("GET", `/v1/products?${p}`);
  if (r.failed || !r.ok) {
    status.textContent = "";
    showAlert(r.failed ?? r.data.detail ?? r.data.title);
    markStale(rows.children.length > 0);
    return;
  }
  clearAlert();
  loadedAt = new Date();
  markStale(false);
  rows.replaceChildren(...r.data.items.map(row));
  next = r.data.next_cursor;
  $("next").hidden = next === null;
  $("first").hidden = !q.cursor;
  status.textContent =
    typeof said === "string"
      ? said
      : r.data.items.length === 0
        ? "No products."
        : `${r.data.items.length} product${r.data.items.length === 1 ? "" : "s"} shown.`;
}

function cell(text, className) {
  const td = document.createElement("td");
  if (className) td.className = className;
  td.textContent = text;
  return td;
}
function button(text, label, className, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.setAttribute("aria-label", label);
  if (className) b.className = className;
  b.addEventListener("click", onClick);
  return b;
}
function row(p) {
  const tr = document.createElement("tr");
  tr.dataset.id = p.id;
  const tags = document.createElement("td");
  for (const t of p.tags) {
    const tag = document.createElement("span");
    tag.className = "tag";
    tag.textContent = t;
    tags.append(tag);
  }
  const actions = cell("", "row-actions");
  actions.append(
    button("Edit", `Edit ${p.name}`, "", () => openEditor(p.id)),
    button("Delete", `Delete ${p.name}`, "danger", () => remove(p)),
  );
  tr.append(
    cell(p.name),
    cell(money.format(p.price), "price"),
    tags,
    cell(p.updated_by ?? "—"),
    actions,
  );
  return tr;
}

// --- create, edit, delete ---------------------------------------------------------------
function clearErrors() {
  for (const id of [...Object.values(FIELDS)]) {
    $(id).removeAttribute("aria-invalid");
    const e = $(`${id}-error`);
    e.hidden = true;
    e.textContent = "";
  }
}
function fieldError(id, text) {
  const input = $(id);
  const e = $(`${id}-error`);
  input.setAttribute("aria-invalid", "true");
  e.textContent = e.textContent ? `${e.textContent}; ${text}` : text;
  e.hidden = false;
}
function fill(p) {
  editor.name.value = p?.name ?? "";
  editor.price.value = p ? String(p.price) : "";
  editor.description.value = p?.description ?? "";
  editor.tags.value = p ? p.tags.join(", ") : "";
}

async function openEditor(id) {
  clearErrors();
  clearAlert();
  conflict.hidden = true;
  if (id === null) {
    editing = null;
    fill(null);
  } else {
    const r = await api("GET", `/v1/products/${id}`);
    if (r.failed || !r.ok) return showAlert(r.failed ?? r.data.detail);
    editing = { id, etag: r.etag };
    fill(r.data);
  }
  $("editor-title").textContent = editing ? "Edit product" : "Add product";
  editor.hidden = false;
  editor.name.focus();
}
function closeEditor() {
  editor.hidden = true;
  conflict.hidden = true;
  editing = null;
  $("add").focus();
}

async function save() {
  clearErrors();
  clearAlert();
  const priceText = editor.price.value.trim();
  const body = {
    name: editor.name.value,
    price: priceText !== "" && Number.isFinite(Number(priceText)) ? Number(priceText) : priceText,
    description: editor.description.value,
    tags: editor.tags.value
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t !== ""),
  };
  const r = editing
    ? await api("PUT", `/v1/products/${editing.id}`, { body, ifMatch: editing.etag })
    : await api("POST", "/v1/products", { body });
  if (r.failed) return showAlert(r.failed);
  if (r.ok) {
    closeEditor();
    return load(`Saved “${r.data.name}”.`);
  }
  if (r.status === 412) {
    conflict.hidden = false;
    $("conflict-reload").focus();
    return;
  }
  const errors = r.data.errors ?? [];
  let placed = 0;
  for (const e of errors) {
    const key = e.in === "header" ? e.field : `/${e.field.split("/")[1] ?? ""}`;
    if (FIELDS[key]) {
      fieldError(FIELDS[key], e.message);
      placed++;
    }
  }
  if (r.status === 409) {
    fieldError("f-name", r.data.detail);
    placed++;
  }
  if (placed === 0) showAlert(r.data.detail ?? r.data.title);
  const first = document.querySelector("[aria-invalid=true]");
  first?.focus();
  status.textContent = `Not saved: ${r.data.detail ?? r.data.title}`;
}

async function remove(p) {
  if (!confirm(`Delete “${p.name}”?`)) return;
  clearAlert();
  const r = await api("DELETE", `/v1/products/${p.id}`);
  if (r.failed) return showAlert(r.failed);
  if (!r.ok) {
    if (r.status === 401) fieldError("user", r.data.errors?.[0]?.message ?? "is required");
    return showAlert(r.data.detail ?? r.data.title);
  }
  return load(`Deleted “${p.name}”.`);
}

// --- wiring -------------------------------------------------------------------------------
/** Event handlers never leak an exception: whatever goes wrong is said on the page. */
const guard = (fn) => (event) => {
  Promise.resolve()
    .then(() => fn(event))
    .catch((error) => showAlert(`Something went wrong: ${error?.message ?? error}`));
};

user.value = localStorage.getItem("products.user") ?? "";
user.addEventListener("change", () => localStorage.setItem("products.user", user.value.trim()));
$("who").addEventListener("submit", (event) => event.preventDefault());
filter.addEventListener(
  "submit",
  guard((event) => {
    event.preventDefault();
    return go({ tag: filter.tag.value.trim(), sort: filter.sort.value, cursor: "" });
  }),
);
$("next").addEventListener(
  "click",
  guard(() => go({ ...query(), cursor: next })),
);
$("first").addEventListener(
  "click",
  guard(() => go({ ...query(), cursor: "" })),
);
$("add").addEventListener(
  "click",
  guard(() => openEditor(null)),
);
$("cancel").addEventListener("click", guard(closeEditor));
editor.addEventListener(
  "submit",
  guard((event) => {
    event.preventDefault();
    return save();
  }),
);
editor.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closeEditor();
});
$("conflict-reload").addEventListener(
  "click",
  guard(async () => {
    const id = editing.id;
    await openEditor(id);
    status.textContent = "Loaded the current version; your edits were discarded.";
  }),
);
$("conflict-dismiss").addEventListener(
  "click",
  guard(() => {
    conflict.hidden = true;
    // Keep the edits, now against the current version: the next Save overwrites theirs.
    return api("GET", `/v1/products/${editing.id}`).then((r) => {
      if (r.ok) editing.etag = r.etag;
      editor.name.focus();
    });
  }),
);
window.addEventListener(
  "popstate",
  guard(() => load()),
);
guard(() => load())();
