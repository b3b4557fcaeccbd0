const CSL = require('citeproc');
const styles = require('@citation-js/plugin-csl/lib/styles.json');
const locales = require('@citation-js/plugin-csl/lib/locales.json');
const items = {
 a: {id:'a', type:'article-journal', title:'Attacks on <script>alert(1)</script> & 50% of $x_1$ <i>models</i>', author:[{family:'Daudel',given:'Kamélia'},{family:'<b>Benton</b>',given:'<b>Joe</b>'},{family:'Shi',given:'Yuyang'}], issued:{'date-parts':[[2023]]}, 'container-title':'JMLR'},
};
for (const st of ['apa','vancouver']) for (const fmt of ['html','text']) {
const sys = { retrieveLocale: l => locales['en-US'], retrieveItem: id => items[id] };
const eng = new CSL.Engine(sys, styles[st], 'en-US');
eng.setOutputFormat(fmt);
eng.updateItems(['a']);
console.log(st, fmt, JSON.stringify(eng.makeBibliography()[1]));
}
console.log(Object.keys(CSL.Output.Formats));
