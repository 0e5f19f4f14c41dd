// Lists products from the API. Text goes in with textContent: a product name is never HTML.
const body = document.getElementById("products");
const status = document.getElementById("status");
const more = document.getElementById("more");
const form = document.getElementById("filter");
const price = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
let next = null;

async function load(append) {
  const params = new URLSearchParams({ limit: "20", sort: form.sort.value });
  if (form.tag.value.trim() !== "") params.set("tag", form.tag.value.trim());
  if (append && next) params.set("cursor", next);
  status.textContent = "";
  const response = await fetch(`/v1/products?${params}`);
  const data = await response.json();
  if (!response.ok) {
    status.textContent = data.detail ?? data.title;
    return;
  }
  if (!append) body.replaceChildren();
  for (const p of data.items) {
    const row = document.createElement("tr");
    row.dataset.id = p.id;
    const name = document.createElement("td");
    name.textContent = p.name;
    const cost = document.createElement("td");
    cost.className = "price";
    cost.textContent = price.format(p.price);
    const tags = document.createElement("td");
    for (const t of p.tags) {
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = t;
      tags.append(tag);
    }
    row.append(name, cost, tags);
    body.append(row);
  }
  if (body.children.length === 0) status.textContent = "No products.";
  next = data.next_cursor;
  more.hidden = next === null;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  load(false);
});
more.addEventListener("click", () => load(true));
load(false);
