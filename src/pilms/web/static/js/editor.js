/* Lesson editor: turns the content <textarea data-editor> into a Jodit WYSIWYG editor.
 * Without JavaScript the textarea still works (HTML is sanitised on the server either way).
 * Images, audio and video come from the teacher's media library (/api/media), so lessons
 * never point at the internet. */
(function () {
  "use strict";

  var textarea = document.querySelector("textarea[data-editor]");
  if (!textarea || !window.Jodit) {
    return;
  }

  function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function snippet(item) {
    var url = escapeHtml(item.url);
    var alt = escapeHtml(item.alt_text || "");
    if (item.kind === "image") {
      return '<figure><img src="' + url + '" alt="' + alt + '"' +
        (item.width ? ' width="' + item.width + '" height="' + item.height + '"' : "") +
        ">" + (alt ? "<figcaption>" + alt + "</figcaption>" : "") + "</figure><p></p>";
    }
    if (item.kind === "audio") {
      return '<p><audio controls preload="none" src="' + url + '"></audio></p><p></p>';
    }
    if (item.kind === "video") {
      return '<p><video controls preload="metadata" src="' + url + '"></video></p><p></p>';
    }
    return '<p><a href="' + url + '">' + escapeHtml(item.original_name) + "</a></p>";
  }

  /* A small accessible dialog listing the library's files of the given kinds. */
  function pickMedia(kinds, title) {
    return new Promise(function (resolve) {
      var dialog = document.createElement("dialog");
      dialog.className = "media-picker";
      dialog.setAttribute("aria-label", title);
      dialog.innerHTML = '<article><header><h2 style="font-size:1.2rem;margin:0">' +
        escapeHtml(title) + '</h2></header><p role="status">Loading…</p><ul></ul>' +
        '<footer><a href="/media-library" target="_blank" rel="noopener">Upload files in the ' +
        'media library</a> <button type="button" class="secondary" data-close>Cancel</button>' +
        "</footer></article>";
      document.body.appendChild(dialog);
      var list = dialog.querySelector("ul");
      var status = dialog.querySelector("[role=status]");
      function finish(item) {
        dialog.close();
        dialog.remove();
        resolve(item);
      }
      dialog.querySelector("[data-close]").addEventListener("click", function () { finish(null); });
      dialog.addEventListener("cancel", function (event) { event.preventDefault(); finish(null); });
      dialog.showModal();
      Promise.all(kinds.map(function (kind) {
        return fetch("/api/media?limit=200&kind=" + kind, { credentials: "same-origin" })
          .then(function (reply) {
            if (!reply.ok) { throw new Error("HTTP " + reply.status); }
            return reply.json();
          });
      })).then(function (pages) {
        var items = [];
        pages.forEach(function (page) { items = items.concat(page.items); });
        status.textContent = items.length ? items.length + " file(s). Choose one to insert." :
          "No files yet. Upload them in the media library, then try again.";
        items.forEach(function (item) {
          var li = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "secondary outline";
          if (item.kind === "image") {
            var img = document.createElement("img");
            img.src = item.thumbnail_url || item.url;
            img.alt = "";
            button.appendChild(img);
          }
          button.appendChild(document.createTextNode(item.alt_text || item.original_name));
          button.setAttribute("data-media-id", item.id);
          button.addEventListener("click", function () { finish(item); });
          li.appendChild(button);
          list.appendChild(li);
        });
        var first = list.querySelector("button");
        if (first) { first.focus(); }
      }).catch(function (error) {
        status.textContent = "Could not load the media library (" + error.message + ").";
      });
    });
  }

  function mediaButton(name, icon, tooltip, kinds) {
    return {
      name: name,
      icon: icon,
      tooltip: tooltip,
      exec: function (editor) {
        editor.s.save();
        pickMedia(kinds, tooltip).then(function (item) {
          editor.s.restore();
          if (item) {
            editor.s.insertHTML(snippet(item));
          }
        });
      }
    };
  }

  var editor = window.Jodit.make(textarea, {
    language: "en",
    height: 520,
    minHeight: 320,
    toolbarAdaptive: false,
    toolbarSticky: false,
    showCharsCounter: false,
    showXPathInStatusbar: false,
    askBeforePasteHTML: false,
    askBeforePasteFromWord: false,
    defaultActionOnPaste: "insert_clear_html",
    beautifyHTML: false,
    sourceEditor: "area",
    sourceEditorCDNUrlsJS: [],
    beautifyHTMLCDNUrlsJS: [],
    link: { processVideoLink: false },
    useSearch: false,
    spellcheck: true,
    disablePlugins: ["about", "speech-recognize", "ai-assistant", "powered-by-jodit", "print",
      "preview", "file", "video", "image", "media", "iframe", "drag-and-drop-element"],
    uploader: { insertImageAsBase64URI: false },
    buttons: [
      "paragraph", "bold", "italic", "underline", "strikethrough", "|",
      "ul", "ol", "indent", "outdent", "|",
      "link", "table", "hr", "|",
      mediaButton("libraryImage", "image", "Insert an image from the media library", ["image"]),
      mediaButton("libraryMedia", "video", "Insert audio or video from the media library",
        ["audio", "video"]),
      "|", "undo", "redo", "eraser", "source", "fullsize"
    ],
    controls: {
      paragraph: {
        list: {
          p: "Paragraph", h2: "Heading 2", h3: "Heading 3", h4: "Heading 4",
          blockquote: "Quote", pre: "Code"
        }
      }
    }
  });

  /* Keep the textarea in step so a plain form POST always sends what the teacher sees. */
  var form = textarea.form;
  if (form) {
    form.addEventListener("submit", function () {
      if (editor.getMode() !== window.Jodit.constants.MODE_WYSIWYG) {
        editor.setMode(window.Jodit.constants.MODE_WYSIWYG);  /* takes in the source view's edits */
      }
      textarea.value = editor.value;
    });
  }
  window.pilmsEditor = editor;
})();
