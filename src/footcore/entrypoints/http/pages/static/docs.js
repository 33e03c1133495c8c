/* The API docs page: renders /api/openapi.json into a list of endpoints, with no third-party
   code (FastAPI's Swagger UI would load from a CDN, which footcore never does). */
(function () {
  "use strict";
  var root = document.getElementById("docs");
  var list = document.getElementById("docs-list");
  var status = document.getElementById("docs-status");

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function refName(ref) { return ref.split("/").pop(); }

  function example(schema, spec, depth) {
    // A small JSON skeleton of a schema: enough to see the shape of a body.
    if (!schema || depth > 4) { return null; }
    if (schema.$ref) { return example(spec.components.schemas[refName(schema.$ref)], spec, depth + 1); }
    if (schema.anyOf) {
      var first = schema.anyOf.filter(function (s) { return s.type !== "null"; })[0];
      return example(first, spec, depth + 1);
    }
    if (schema.type === "object" || schema.properties) {
      var out = {};
      Object.keys(schema.properties || {}).forEach(function (k) {
        out[k] = example(schema.properties[k], spec, depth + 1);
      });
      if (!schema.properties && schema.additionalProperties) {
        out["<key>"] = example(schema.additionalProperties, spec, depth + 1);
      }
      return out;
    }
    if (schema.type === "array") { return [example(schema.items, spec, depth + 1)]; }
    if (schema.default !== undefined) { return schema.default; }
    if (schema.enum) { return schema.enum[0]; }
    return schema.format || schema.type || "any";
  }

  function render(spec) {
    var paths = Object.keys(spec.paths).sort();
    var count = 0;
    paths.forEach(function (path) {
      var item = spec.paths[path];
      Object.keys(item).forEach(function (method) {
        var op = item[method];
        count += 1;
        var box = el("details", null, "endpoint");
        var summary = el("summary");
        summary.appendChild(el("span", method.toUpperCase(), "method"));
        summary.appendChild(el("code", path));
        summary.appendChild(el("span", " " + (op.summary || "")));
        box.appendChild(summary);
        if (op.description) { box.appendChild(el("p", op.description)); }
        if (op.parameters && op.parameters.length) {
          box.appendChild(el("h3", "Parameters"));
          var ul = el("ul");
          op.parameters.forEach(function (p) {
            ul.appendChild(el("li", p.name + " (" + p.in + (p.required ? ", required" : "") + ")" +
              (p.description ? ": " + p.description : "")));
          });
          box.appendChild(ul);
        }
        if (op.requestBody) {
          var content = op.requestBody.content || {};
          Object.keys(content).forEach(function (type) {
            box.appendChild(el("h3", "Body (" + type + ")"));
            box.appendChild(el("pre", JSON.stringify(example(content[type].schema, spec, 0), null, 2)));
          });
        }
        var codes = Object.keys(op.responses || {});
        if (codes.length) {
          box.appendChild(el("h3", "Responses"));
          var rl = el("ul");
          codes.forEach(function (code) {
            rl.appendChild(el("li", code + ": " + (op.responses[code].description || "")));
          });
          box.appendChild(rl);
        }
        list.appendChild(box);
      });
    });
    status.textContent = count + " endpoints. Open one to see its parameters and body.";
  }

  fetch(root.getAttribute("data-spec"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(render)
    .catch(function () { status.textContent = "Could not load /api/openapi.json."; });
}());
