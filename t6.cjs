const CSL = require('citeproc');
const styles = require('@citation-js/plugin-csl/lib/styles.json');
const locales = require('@citation-js/plugin-csl/lib/locales.json');
const P='\uE100';
const items = { a: {id:'a', type:'article-journal', title:'T', author:[{family:'Daudel',given:'Kamélia'},{family:'<sup>Benton'+P+'</sup>', given:'<sup>Jean-Pierre R.</sup>'},{family:'<sup>Shi\uE101</sup>',given:'<sup>Yuyang</sup>'},{literal:'\uE0EB'},{literal:'\uE0EA'}], issued:{'date-parts':[[2023]]}, 'container-title':'JMLR'} };
for (const st of ['apa','vancouver','harvard1']) {
const sys = { retrieveLocale: l => locales['en-US'], retrieveItem: id => items[id] };
const eng = new CSL.Engine(sys, styles[st], 'en-US');
eng.setOutputFormat('html');
eng.updateItems(['a']);
console.log(st, JSON.stringify(eng.makeBibliography()[1][0].replace(/\s+/g,' ')));
}
