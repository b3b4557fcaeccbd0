const CSL = require('citeproc');
const styles = require('@citation-js/plugin-csl/lib/styles.json');
const locales = require('@citation-js/plugin-csl/lib/locales.json');
const P='\uE100';
const variants = {
  lead: {family:'<b>Benton'+P+'</b>', given:'<b>'+P+'Joe</b>'},
  tailsup: {family:'<b>Benton'+P+'</b>', given:'<b>Joe</b><sup>'+P+'</sup>'},
  inner: {family:'<b>Benton'+P+'</b>', given:'<b>J'+P+'oe Robert</b>'},
  twob: {family:'<b>Benton'+P+'</b>', given:'<b>Joe</b><b>'+P+'</b>'},
  hy: {family:'<b>Benton'+P+'</b>', given:'<b>Jean-Pierre'+P+'</b>'},
};
for (const [vn, nm] of Object.entries(variants)) {
const items = { a: {id:'a', type:'article-journal', title:'T', author:[{family:'Daudel',given:'Kamélia'},nm,{family:'Shi',given:'Yuyang'}], issued:{'date-parts':[[2023]]}, 'container-title':'JMLR'} };
for (const st of ['apa','vancouver']) {
const sys = { retrieveLocale: l => locales['en-US'], retrieveItem: id => items[id] };
const eng = new CSL.Engine(sys, styles[st], 'en-US');
eng.setOutputFormat('html');
eng.updateItems(['a']);
console.log(vn, st, JSON.stringify(eng.makeBibliography()[1][0].replace(/\s+/g,' ')));
}}
