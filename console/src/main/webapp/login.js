'use strict';
// The login page's notices: ?failed after a wrong user name or password, ?out after logging out.
(() => {
  const query = new URLSearchParams(location.search);
  document.getElementById('failed').hidden = !query.has('failed');
  document.getElementById('out').hidden = !query.has('out');
})();
