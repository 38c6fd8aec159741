/* Live chat for /obrolan/<room>/: makes the server-rendered page live.
 *
 * Without this file the page still works (a form post per message). With it:
 * - one websocket to /ws/obrolan/<room>/?after=<last id seen>, so whatever was
 *   missed while away arrives first, in order;
 * - reconnects with exponential backoff and says so in #chat-status;
 * - every message gets a client_id; it stays "pending" until the server
 *   echoes it back, and every pending message is resent on reconnect (the
 *   server stores a client_id once, so a resend never doubles a message);
 * - presence, typing, read markers, and live deletion by moderators.
 * User text only ever goes into the page through textContent.
 */
(function () {
  "use strict";

  var root = document.getElementById("chat");
  if (!root || !window.WebSocket) return;

  var list = document.getElementById("chat-messages");
  var form = document.getElementById("tulis");
  var input = document.getElementById("id_body");
  var statusLine = document.getElementById("chat-status");
  var presenceLine = document.getElementById("chat-presence");
  var typingLine = document.getElementById("chat-typing");
  var errorLine = document.getElementById("chat-error");
  var text = root.dataset;
  var canModerate = text.canModerate === "1";

  var lastId = parseInt(text.lastId, 10) || 0;
  var socket = null;
  var attempt = 0;
  var retryTimer = null;
  var closedForGood = false;
  var pending = []; // {clientId, body, element}, in the order typed
  var lastTypingSent = 0;
  var typingTimer = null;
  var readTimer = null;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_match, name) {
      return values[name];
    });
  }

  function setStatus(message, state) {
    statusLine.textContent = message;
    statusLine.className = "chat-status chat-status-" + state;
  }

  function newClientId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  // --- Building messages (DOM nodes and textContent only) ------------------

  var LINK = /(https?:\/\/[^\s<>"']+)/g;

  function appendLinkified(parent, body) {
    // Text and links as separate nodes: a link is only ever http(s).
    var lines = body.split("\n");
    lines.forEach(function (line, index) {
      if (index > 0) parent.appendChild(document.createElement("br"));
      var last = 0;
      line.replace(LINK, function (url, _group, offset) {
        var trimmed = url.replace(/[.,!?)]+$/, "");
        parent.appendChild(document.createTextNode(line.slice(last, offset)));
        var link = document.createElement("a");
        link.href = trimmed;
        link.rel = "nofollow noopener";
        link.textContent = trimmed;
        parent.appendChild(link);
        last = offset + trimmed.length;
        return url;
      });
      parent.appendChild(document.createTextNode(line.slice(last)));
    });
  }

  function messageElement(frame, mine) {
    var item = document.createElement("li");
    item.className = "chat-message" + (mine ? " chat-mine" : "");
    if (frame.id) {
      item.id = "pesan-" + frame.id;
      item.dataset.id = frame.id;
    }
    var meta = document.createElement("p");
    meta.className = "chat-meta";
    var author = document.createElement("strong");
    author.textContent = frame.author || "";
    meta.appendChild(author);
    meta.appendChild(document.createTextNode(" "));
    var time = document.createElement("time");
    if (frame.created) {
      var when = new Date(frame.created);
      time.dateTime = frame.created;
      time.textContent = when.toLocaleTimeString(document.documentElement.lang || [], {
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
      });
    } else {
      time.textContent = text.textPending;
    }
    meta.appendChild(time);
    item.appendChild(meta);
    var body = document.createElement("p");
    body.className = "chat-body";
    appendLinkified(body, frame.body);
    item.appendChild(body);
    if (canModerate && frame.id) {
      var details = document.createElement("details");
      details.className = "chat-moderate";
      var summary = document.createElement("summary");
      summary.textContent = text.textModerate;
      details.appendChild(summary);
      var tools = document.createElement("div");
      tools.className = "chat-moderate-tools";
      details.appendChild(tools);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button-link";
      button.dataset.delete = frame.id;
      button.textContent = text.textDelete;
      tools.appendChild(button);
      item.appendChild(details);
    }
    return item;
  }

  function scrollToEnd() {
    form.scrollIntoView({ block: "end" });
  }

  function showMessage(frame) {
    if (document.getElementById("pesan-" + frame.id)) return;
    var index = -1;
    pending.forEach(function (entry, position) {
      if (frame.client_id && entry.clientId === frame.client_id) index = position;
    });
    var element = messageElement(frame, index >= 0);
    if (index >= 0) {
      // Our own message came back stored: it replaces its pending copy.
      list.replaceChild(element, pending[index].element);
      pending.splice(index, 1);
    } else {
      var firstPending = pending.length ? pending[0].element : null;
      list.insertBefore(element, firstPending);
    }
    if (frame.id > lastId) lastId = frame.id;
    var empty = root.querySelector(".chat-empty");
    if (empty) empty.remove();
    scheduleRead();
  }

  // --- The socket -----------------------------------------------------------

  function socketUrl() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    return (
      scheme + window.location.host + "/ws/obrolan/" + encodeURIComponent(text.room) +
      "/?after=" + lastId
    );
  }

  function connect() {
    if (closedForGood) return;
    clearTimeout(retryTimer);
    if (!navigator.onLine) {
      setStatus(text.textOffline, "offline");
      return;
    }
    if (socket) return; // one socket at a time
    setStatus(attempt ? text.textReconnecting : text.textConnecting, "connecting");
    var ws = new WebSocket(socketUrl());
    socket = ws;
    ws.onopen = function () {
      if (socket !== ws) return;
      attempt = 0;
      setStatus(text.textConnected, "connected");
      // Everything not yet confirmed goes again, with the same client_id.
      pending.forEach(function (entry) {
        send({ type: "message", body: entry.body, client_id: entry.clientId });
      });
    };
    ws.onmessage = function (event) {
      if (socket !== ws) return;
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      receive(frame);
    };
    ws.onclose = function (event) {
      if (socket !== ws) return; // an old socket, already given up
      socket = null;
      if (event.code === 4401 || event.code === 4403 || event.code === 4404) {
        closedForGood = true;
        setStatus(text.textClosed, "closed");
        return;
      }
      scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    if (closedForGood) return;
    if (!navigator.onLine) {
      setStatus(text.textOffline, "offline");
      return;
    }
    // 1 s, 2 s, 4 s … up to 30 s, with a little jitter so phones spread out.
    var delay = Math.min(30000, 1000 * Math.pow(2, attempt)) + Math.random() * 500;
    attempt += 1;
    setStatus(text.textReconnecting, "connecting");
    retryTimer = setTimeout(connect, delay);
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  // Frames from the server ----------------------------------------------------

  var SEND_ERRORS = ["empty", "too_long", "muted", "rate_limited", "bad_client_id", "forbidden"];

  function receive(frame) {
    if (frame.type === "message") {
      showMessage(frame);
    } else if (frame.type === "deleted") {
      var gone = document.getElementById("pesan-" + frame.id);
      if (gone) gone.remove();
    } else if (frame.type === "presence") {
      presenceLine.textContent = format(text.textPresent, {
        count: frame.count,
        names: frame.names.join(", "),
      });
    } else if (frame.type === "typing") {
      typingLine.textContent = format(text.textTyping, { name: frame.author });
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () {
        typingLine.textContent = "";
      }, 4000);
    } else if (frame.type === "error") {
      showError(frame.message);
      if (SEND_ERRORS.indexOf(frame.code) >= 0 && frame.client_id) {
        // A refused message: take it out of the queue and give the text back.
        pending = pending.filter(function (entry) {
          if (entry.clientId !== frame.client_id) return true;
          entry.element.remove();
          if (!input.value) input.value = entry.body;
          return false;
        });
      }
    }
  }

  function showError(message) {
    errorLine.textContent = message;
    errorLine.hidden = false;
  }

  function scheduleRead() {
    clearTimeout(readTimer);
    readTimer = setTimeout(function () {
      if (document.visibilityState === "visible" && lastId) send({ type: "read", id: lastId });
    }, 500);
  }

  // --- The person's actions -------------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = input.value.trim();
    if (!body) return;
    errorLine.hidden = true;
    var entry = { clientId: newClientId(), body: body };
    entry.element = messageElement({ author: "", body: body }, true);
    entry.element.classList.add("chat-pending");
    list.appendChild(entry.element);
    pending.push(entry);
    input.value = "";
    send({ type: "message", body: body, client_id: entry.clientId });
    scrollToEnd();
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  input.addEventListener("input", function () {
    var now = Date.now();
    if (now - lastTypingSent > 3000 && send({ type: "typing" })) lastTypingSent = now;
  });

  list.addEventListener("click", function (event) {
    var button = event.target.closest("[data-delete]");
    if (!button) return;
    // With the socket open the delete goes live; otherwise the form posts.
    if (send({ type: "delete", id: parseInt(button.dataset.delete, 10) })) {
      event.preventDefault();
    }
  });

  window.addEventListener("offline", function () {
    setStatus(text.textOffline, "offline");
    var old = socket;
    socket = null;
    clearTimeout(retryTimer);
    if (old) old.close();
  });
  window.addEventListener("online", function () {
    attempt = 0;
    connect();
  });
  document.addEventListener("visibilitychange", scheduleRead);

  scrollToEnd();
  connect();
})();
