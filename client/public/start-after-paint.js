// The server drew the board into this page; the app's scripts are fetched once that
// frame is on screen, so that they do not hold the first paint back. Where the page
// came without a board, index.html loads the app as usual and this file is not used.
// Deferred: it runs once the board is parsed, without holding the parser.
(function () {
  var me = document.currentScript;
  function add(tag, attributes) {
    var element = document.createElement(tag);
    element.crossOrigin = '';
    for (var name in attributes) element.setAttribute(name, attributes[name]);
    document.head.appendChild(element);
  }
  function start() {
    me.dataset.preload.split(' ').filter(Boolean).forEach(function (href) {
      add('link', { rel: 'modulepreload', href: href });
    });
    add('script', { type: 'module', src: me.dataset.entry });
  }
  var started = false;
  function once() {
    if (started) return;
    started = true;
    start();
  }
  // A callback of requestAnimationFrame runs just before the frame is made; a task
  // queued from it runs after that frame. A tab opened in the background makes no
  // frames: there the timer starts the app.
  requestAnimationFrame(function () {
    setTimeout(once, 0);
  });
  setTimeout(once, 1000);
})();
