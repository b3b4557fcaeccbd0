const CSL = require('citeproc');
const styles = require('@citation-js/plugin-csl/lib/styles.json');
const locales = require('@citation-js/plugin-csl/lib/locales.json');
const chars = {pua:'\uE100', zwsp:'\u200B', wj:'\u2060', vs1:'\uFE01', zwnj:'\u200C', tag:'\u{E0041}', supp:'\u{F0000}'};
for (const [cn, P] of Object.entries(chars)) {
const nm = {family:'<b>Benton'+P+'</b>', given:'<b>Joe'+P+'</b>'};
const items = { a: {id:'a', type:'article-journal', title:'T'+P, author:[{family:'Daudel',given:'Kamélia'},nm,{family:'Shi',given:'Yuyang'}], issued:{'date-parts':[[2023]]}, 'container-title':'JMLR'} };
for (const st of ['apa']) {
const sys = { retrieveLocale: l => locales['en-US'], retrieveItem: id => items[id] };
const eng = new CSL.Engine(sys, styles[st], 'en-US');
eng.setOutputFormat('text');
eng.updateItems(['a']);
const out = eng.makeBibliography()[1][0];
console.log(cn, JSON.stringify(out), [...out].filter(c=>c===P).length);
}}
