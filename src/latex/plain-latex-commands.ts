/**
 * The commands of unicode2latex's table and its textcomp table (7.0.33) that a plain LaTeX document defines
 * (article, fontenc T1, textcomp), as pdflatex answered: data, written by scripts/plain-latex-commands.mjs
 * (329 of 769).
 */
// prettier-ignore
export const PLAIN_LATEX_COMMANDS: ReadonlySet<string> = new Set([
  'AA', 'AE', 'DH', 'DJ', 'Delta', 'Diamond', 'Downarrow', 'Gamma', 'H', 'IJ', 'L', 'Lambda', 'Leftarrow',
  'Leftrightarrow', 'Longleftarrow', 'Longleftrightarrow', 'Longrightarrow', 'NG', 'O', 'OE', 'Omega', 'P', 'Phi',
  'Pi', 'Psi', 'Rightarrow', 'S', 'Sigma', 'TH', 'Theta', 'Uparrow', 'Updownarrow', 'Upsilon', 'Xi', 'aa', 'acute',
  'ae', 'aleph', 'alpha', 'amalg', 'angle', 'approx', 'ast', 'asymp', 'backslash', 'beta', 'bigcap', 'bigcirc',
  'bigcup', 'bigodot', 'bigoplus', 'bigotimes', 'bigtriangledown', 'bigvee', 'bigwedge', 'bowtie', 'breve', 'bullet',
  'c', 'cap', 'cdot', 'cdots', 'chi', 'circ', 'clubsuit', 'cong', 'coprod', 'copyright', 'cup', 'd', 'dag', 'dashv',
  'ddag', 'ddot', 'ddots', 'delta', 'dh', 'diamond', 'diamondsuit', 'div', 'dj', 'doteq', 'dots', 'downarrow', 'ell',
  'enspace', 'epsilon', 'equiv', 'eta', 'exists', 'flat', 'forall', 'frac', 'frown', 'gamma', 'geq', 'gg',
  'guilsinglleft', 'guilsinglright', 'hat', 'hbar', 'heartsuit', 'hookleftarrow', 'hookrightarrow', 'hphantom',
  'hspace', 'i', 'ij', 'imath', 'in', 'infty', 'int', 'iota', 'j', 'jmath', 'k', 'kappa', 'kern', 'l', 'lambda',
  'langle', 'lceil', 'leftarrow', 'leftharpoondown', 'leftharpoonup', 'leftrightarrow', 'leq', 'lfloor', 'lgroup',
  'lhd', 'll', 'lmoustache', 'lnot', 'longleftarrow', 'longleftrightarrow', 'longmapsto', 'longrightarrow', 'mapsto',
  'mathbf', 'mathbin', 'mathcal', 'mathchar', 'mathring', 'mathrm', 'mathsf', 'mathtt', 'mid', 'mkern', 'mp', 'mu',
  'nabla', 'natural', 'nearrow', 'neq', 'ng', 'ni', 'nolinebreak', 'not', 'notin', 'nu', 'null', 'nwarrow', 'o',
  'odot', 'oe', 'oint', 'omega', 'ominus', 'oplus', 'oslash', 'otimes', 'overline', 'par', 'parallel', 'partial',
  'perp', 'phi', 'pi', 'pm', 'pounds', 'prec', 'preceq', 'prime', 'prod', 'propto', 'psi', 'qquad', 'quad',
  'quotedblbase', 'quotesinglbase', 'r', 'rangle', 'rceil', 'rfloor', 'rgroup', 'rhd', 'rho', 'rightarrow',
  'rightharpoonup', 'rightleftharpoons', 'rlap', 'rmoustache', 'searrow', 'setminus', 'sharp', 'sigma', 'sim', 'simeq',
  'slash', 'smile', 'spadesuit', 'sqcap', 'sqcup', 'sqrt', 'sqsubseteq', 'sqsupseteq', 'ss', 'stackrel', 'star',
  'subset', 'subseteq', 'succ', 'succeq', 'sum', 'supset', 'supseteq', 'swarrow', 't', 'tau', 'textacutedbl',
  'textasciiacute', 'textasciibreve', 'textasciicaron', 'textasciicircum', 'textasciidieresis', 'textasciigrave',
  'textasciimacron', 'textasciitilde', 'textbackslash', 'textbaht', 'textbar', 'textbardbl', 'textbigcircle',
  'textblank', 'textbraceleft', 'textbraceright', 'textbrokenbar', 'textbullet', 'textcelsius', 'textcent',
  'textcircledP', 'textcolonmonetary', 'textcommabelow', 'textcopyright', 'textcurrency', 'textdegree', 'textdiscount',
  'textdiv', 'textdong', 'textdownarrow', 'textestimated', 'texteuro', 'textexclamdown', 'textflorin',
  'textfractionsolidus', 'texthorizontalbar', 'textinterrobang', 'textlangle', 'textleftarrow', 'textlira', 'textlnot',
  'textmho', 'textmu', 'textmusicalnote', 'textnaira', 'textnumero', 'textohm', 'textopenbullet', 'textordfeminine',
  'textordmasculine', 'textparagraph', 'textperiodcentered', 'textpertenthousand', 'textperthousand', 'textpeso',
  'textpm', 'textquestiondown', 'textrangle', 'textrecipe', 'textreferencemark', 'textregistered', 'textrightarrow',
  'textservicemark', 'textsubscript', 'textsuperscript', 'textsurd', 'texttildelow', 'texttimes', 'texttrademark',
  'textuparrow', 'textwon', 'textyen', 'th', 'theta', 'times', 'top', 'u', 'underbar', 'underline', 'uparrow',
  'updownarrow', 'uplus', 'upsilon', 'v', 'varepsilon', 'varphi', 'varpi', 'varrho', 'varsigma', 'vartheta', 'vdash',
  'vdots', 'vee', 'vert', 'wedge', 'wp', 'wr', 'xi', 'zeta',
]);
