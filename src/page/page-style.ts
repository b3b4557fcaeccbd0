/** The page's own stylesheet and script, inline so that the page makes no request to any other host. */

export const PAGE_CSS = `
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#505050;--bg:#fff;--link:#0a58b0;--line:#d4d4d4;--code:#f4f4f4;--owner:inherit}
@media (prefers-color-scheme:dark){:root{--fg:#e9e9e9;--muted:#b4b4b4;--bg:#141414;--link:#8cb8ff;--line:#444;--code:#202020}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.5 Georgia,"Times New Roman",serif}
.bibfolio-page{max-width:50rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.9rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
.bibfolio-count{color:var(--muted);font-weight:normal;font-size:.9em}
nav.bibfolio-toc ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.3rem .9rem}
a{color:var(--link)}
sup{line-height:0}
a:focus-visible,summary:focus-visible,button:focus-visible{outline:2px solid var(--link);outline-offset:2px}
.bibfolio-list{list-style:none;padding:0;margin:0}
.bibfolio-entry{margin:0 0 1.1rem;overflow-wrap:anywhere}
.bibfolio-entry:target{background:color-mix(in srgb,var(--link) 12%,transparent)}
.bibfolio-tools{display:flex;flex-wrap:wrap;gap:.35rem;margin:.35rem 0 0;font:13px/1.2 system-ui,sans-serif}
.bibfolio-button,.bibfolio-tools summary{display:inline-block;padding:.25rem .55rem;border:1px solid var(--line);border-radius:.3rem;color:var(--link);text-decoration:none;cursor:pointer;list-style:none;background:transparent}
.bibfolio-tools summary::-webkit-details-marker{display:none}
.bibfolio-button:hover,.bibfolio-tools summary:hover{border-color:var(--link)}
.bibfolio-tools details{display:inline-block;min-width:0;max-width:100%}
.bibfolio-tools details[open]{flex-basis:100%}
.bibfolio-tools details[open]>summary{background:var(--code)}
.bibfolio-panel{flex-basis:100%;margin:.3rem 0 0;font:15px/1.45 Georgia,serif}
.bibfolio-panel pre{margin:0;padding:.6rem;background:var(--code);border-radius:.3rem;max-width:100%;font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
.bibfolio-copy{margin:.3rem 0 0;font:13px system-ui,sans-serif;padding:.25rem .6rem;border:1px solid var(--line);border-radius:.3rem;background:transparent;color:var(--link);cursor:pointer}
.bibfolio-owner{color:var(--owner)}
.bibfolio-cited{align-self:center;color:var(--muted)}
.bibfolio-badge{display:inline-block;min-width:4.5em;margin-right:.35rem;padding:.05rem .4rem;border-radius:.25rem;background:var(--link);color:var(--bg);font:600 12px/1.5 system-ui,sans-serif;text-align:center;vertical-align:.1em}
.bibfolio-award{margin:.25rem 0 0;color:var(--muted);font:14px/1.3 system-ui,sans-serif}
.bibfolio-legend{color:var(--muted);font-size:.92em}
.bibfolio-header{display:flex;gap:1rem;align-items:center;margin:.5rem 0 1rem}
.bibfolio-header h1{margin:0}
.bibfolio-photo{border-radius:50%;object-fit:cover;flex:none}
.bibfolio-affiliation{margin:.1rem 0;color:var(--muted)}
.bibfolio-subtitle{margin:.6rem 0 0;font-size:1.25rem}
.bibfolio-profiles{display:flex;flex-wrap:wrap;gap:.2rem .8rem;margin:.3rem 0 0;font:14px/1.4 system-ui,sans-serif}
.bibfolio-back{font:14px/1.4 system-ui,sans-serif}
.bibfolio-search{margin:1rem 0;font:15px/1.4 system-ui,sans-serif}
.bibfolio-search input{font:inherit;padding:.3rem .5rem;border:1px solid var(--line);border-radius:.3rem;background:var(--bg);color:var(--fg);width:min(22rem,70%)}
.bibfolio-found{color:var(--muted);margin-left:.4rem}
.bibfolio-chart{margin:1rem 0;font:12px system-ui,sans-serif;color:var(--muted)}
.bibfolio-chart svg{max-width:100%;height:auto;fill:var(--muted)}
.bibfolio-chart rect{fill:var(--link)}
.bibfolio-chart figcaption{margin-top:.2rem}
[hidden]{display:none!important}
.bibfolio-with-preview{display:grid;grid-template-columns:160px 1fr;column-gap:1rem}
.bibfolio-with-preview>*:not(.bibfolio-preview){grid-column:2}
.bibfolio-preview{grid-row:1 / span 4;width:160px;height:auto;border-radius:.25rem;border:1px solid var(--line)}
@media (max-width:560px){.bibfolio-with-preview{display:block}.bibfolio-preview{display:block;margin:0 0 .4rem}}
footer{margin-top:3rem;color:var(--muted);font-size:.85em}
@media print{body{font-size:11pt;background:#fff;color:#000}.bibfolio-tools,nav.bibfolio-toc,footer{display:none}a{color:#000;text-decoration:none}.bibfolio-entry{break-inside:avoid}h2{break-after:avoid}}
`.trim();

/** Copy buttons: progressive enhancement; without JavaScript the BibTeX is still there to select. */
export const PAGE_SCRIPT = `
document.querySelectorAll('.bibfolio-copy').forEach(function (button) {
  if (!navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    var code = button.parentNode.querySelector('code');
    navigator.clipboard.writeText(code.textContent).then(function () {
      var label = button.textContent;
      button.textContent = button.getAttribute('data-copied') || label;
      setTimeout(function () { button.textContent = label; }, 1500);
    });
  });
});
`.trim();
