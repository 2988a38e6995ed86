// Site search: Pagefind (default, served from /pagefind/) or Algolia (REST search endpoint with
// the search-only key). Progressive enhancement: the page works without this script.
// Configuration and every string come from <script type="application/json" id="search-config">.
const config = JSON.parse(document.getElementById("search-config").textContent);
const root = document.querySelector("[data-search]");
const form = root.querySelector("[data-search-form]");
const input = root.querySelector("[data-search-input]");
const status = root.querySelector("[data-search-status]");
const list = root.querySelector("[data-search-results]");
const more = root.querySelector("[data-search-more]");
const sortSelect = root.querySelector("[data-search-sort]");
const filterBox = root.querySelector("[data-search-filters]");
const PAGE = 10;
const OPPORTUNITY_FACETS = ["district", "cause", "sdg", "suitable", "english", "language", "schedule"];
let shown = [];
let visible = 0;
let generation = 0;

function text(template, count) {
  return template.replace("%(count)s", count.toLocaleString(document.documentElement.lang));
}

// --- backends -----------------------------------------------------------------------------------

const pagefindBackend = {
  api: null,
  async load() {
    if (!this.api) {
      this.api = await import(config.bundle + "pagefind.js");
      await this.api.options({ baseUrl: config.base });
      await this.api.init();
    }
    return this.api;
  },
  async facets() {
    return (await this.load()).filters();
  },
  async search(query, filters, sort) {
    const api = await this.load();
    const options = { filters };
    if (sort) options.sort = { [sort]: config.sortDirections[sort] };
    const found = await api.search(query || null, options);
    const results = found ? found.results : [];
    return {
      total: results.length,
      fetch: async (start, end) => Promise.all(results.slice(start, end).map(async (r) => {
        const data = await r.data();
        return {
          url: data.url, title: data.meta.title, excerpt: data.excerpt,
          typeLabel: data.meta.type_label, statusLabel: data.meta.status_label,
          lang: (data.filters.lang || [config.lang])[0],
        };
      })),
    };
  },
};

const algoliaBackend = {
  async query(body) {
    const a = config.algolia;
    const response = await fetch(`https://${a.appId}-dsn.algolia.net/1/indexes/${encodeURIComponent(a.index)}/query`, {
      method: "POST",
      headers: { "X-Algolia-Application-Id": a.appId, "X-Algolia-API-Key": a.searchKey },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Algolia ${response.status}`);
    return response.json();
  },
  async facets() {
    const found = await this.query({ query: "", hitsPerPage: 0, facets: ["*"], maxValuesPerFacet: 100,
      facetFilters: [[`type_label:${config.opportunityType}`]] });
    return found.facets || {};
  },
  async search(query, filters, sort) {
    const facetFilters = Object.entries(filters).map(([key, value]) => [`${key === "type" ? "type_label" : key}:${value}`]);
    const found = await this.query({ query: query || "", hitsPerPage: 200, facetFilters,
      attributesToSnippet: ["text:30"], highlightPreTag: "<mark>", highlightPostTag: "</mark>" });
    const hits = found.hits || [];
    if (sort) {
      const key = `sort_${sort}`;
      const sign = config.sortDirections[sort] === "desc" ? -1 : 1;
      hits.sort((x, y) => sign * String(x[key] || "").localeCompare(String(y[key] || "")));
    }
    return {
      total: hits.length,
      fetch: async (start, end) => hits.slice(start, end).map((hit) => ({
        url: config.base.replace(/\/$/, "") + hit.url, title: hit.title,
        excerpt: (hit._snippetResult && hit._snippetResult.text && hit._snippetResult.text.value) || "",
        typeLabel: hit.type_label, statusLabel: hit.status_label, lang: hit.lang,
      })),
    };
  },
};

const backend = config.backend === "algolia" ? algoliaBackend : pagefindBackend;

// --- rendering ----------------------------------------------------------------------------------

// The excerpt is HTML with <mark>: keep its text and the marks, nothing else.
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body;
  const nodes = [];
  for (const node of parsed.firstChild ? parsed.firstChild.childNodes : []) {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(node.textContent));
    else if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent));
  }
  return nodes;
}

function resultItem(result) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.title || result.url;
  heading.append(link);
  const facts = document.createElement("p");
  facts.className = "search-result-facts";
  const language = config.languages[result.lang] || result.lang;
  for (const [value, className] of [[result.typeLabel, "search-type"], [language, "search-lang"],
    [result.statusLabel, "search-state"]]) {
    if (!value) continue;
    const span = document.createElement("span");
    span.className = className;
    span.textContent = value;
    facts.append(span);
  }
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(result.excerpt || ""));
  item.append(heading, facts, excerpt);
  return item;
}

async function showMore(found, mine) {
  const results = await found.fetch(visible, visible + PAGE);
  if (mine !== generation) return;
  list.append(...results.map(resultItem));
  visible += results.length;
  more.hidden = visible >= found.total;
}

function chosenFilters() {
  const filters = {};
  if (config.scope === "opportunities") filters.type = config.opportunityType;
  if (filterBox) {
    for (const control of filterBox.querySelectorAll("[data-facet]")) {
      const value = control.type === "checkbox" ? (control.checked ? control.value : "") : control.value;
      if (value) filters[control.dataset.facet] = value;
    }
  }
  return filters;
}

function saveState(query) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (sortSelect && sortSelect.value) params.set("sort", sortSelect.value);
  for (const [key, value] of Object.entries(chosenFilters())) if (key !== "type") params.set(key, value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

async function run() {
  const mine = ++generation;
  const query = input.value.trim();
  const filters = chosenFilters();
  saveState(query);
  if (!query && Object.keys(filters).filter((k) => k !== "type").length === 0 && config.scope !== "opportunities") {
    list.replaceChildren();
    status.textContent = "";
    more.hidden = true;
    return;
  }
  status.textContent = config.strings.searching;
  try {
    const found = await backend.search(query, filters, sortSelect ? sortSelect.value : "");
    if (mine !== generation) return;
    shown = found;
    visible = 0;
    list.replaceChildren();
    status.textContent = found.total === 0 ? config.strings.no_results
      : found.total === 1 ? config.strings.one_result : text(config.strings.results, found.total);
    await showMore(found, mine);
    if (mine === generation) root.dataset.searchDone = String(mine);
  } catch (error) {
    status.textContent = config.strings.error;
    root.querySelector("[data-search-static]").hidden = false;
    throw error;
  }
}

async function buildFilters(params) {
  const counts = await backend.facets();
  for (const facet of OPPORTUNITY_FACETS) {
    const values = Object.keys(counts[facet] || {}).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    if (!values.length) continue;
    const id = `search-facet-${facet}`;
    const wrapper = document.createElement("p");
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = config.facets[facet];
    let control;
    if (facet === "english") {
      control = document.createElement("input");
      control.type = "checkbox";
      control.value = values[0];
      control.checked = params.get(facet) === values[0];
      wrapper.className = "search-check";
      wrapper.append(control, " ", label);
    } else {
      control = document.createElement("select");
      control.add(new Option(config.strings.any, ""));
      for (const value of values) control.add(new Option(value, value));
      control.value = params.get(facet) || "";
      wrapper.append(label, " ", control);
    }
    control.id = id;
    control.dataset.facet = facet;
    control.addEventListener("change", run);
    filterBox.append(wrapper);
  }
}

async function start() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (sortSelect) {
    sortSelect.value = params.get("sort") || "";
    sortSelect.addEventListener("change", run);
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });
  more.addEventListener("click", () => showMore(shown, generation));
  form.hidden = false;
  root.querySelector("[data-search-static]").hidden = true;
  if (filterBox) await buildFilters(params);
  root.dataset.searchReady = "true";
  if (input.value || config.scope === "opportunities") await run();
}

start().catch((error) => {
  status.textContent = config.strings.error;
  root.querySelector("[data-search-static]").hidden = false;
  console.warn(error);
});
