/* The page's namespace and the few DOM helpers every part uses. Text from the results (provider names, responses,
   errors) only ever becomes text nodes: el() sets textContent, and text() escapes for the one place that takes
   markup (ECharts tooltips). */
window.provbench = {};
(function (pb) {
  'use strict';

  /** A new element with attributes and children; strings become text nodes. */
  pb.el = function (tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children || []) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  };

  /** Text escaped for HTML, for ECharts' tooltip formatter, which returns markup. */
  pb.text = function (value) {
    return String(value).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
  };

  /** A number with a fixed count of decimals, or '-' when missing. */
  pb.fixed = function (value, decimals) {
    return value === null || value === undefined || Number.isNaN(value) ? '-' : Number(value).toFixed(decimals);
  };

  /** A count with thousands separators. */
  pb.count = function (value) {
    return value === null || value === undefined ? '-' : Number(value).toLocaleString('en-US');
  };
})(window.provbench);
