/* Starts Swagger UI on /api/docs with the app's own OpenAPI document. */
(function () {
  "use strict";
  var target = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: target.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
})();
