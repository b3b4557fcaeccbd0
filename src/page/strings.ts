/**
 * bibfolio's own words on a page and in list headings, in the languages of the most used CSL locales (the CSL
 * locale files have no terms for them): the page title, its sections, buttons and footer, and the headings of
 * `--group-by type` and of papers without a year. Picked by the list's locale (`zh-TW`, else `zh`, else English),
 * with the writing direction. Data; pure.
 */
import { lookupTable } from '../model/lookup-table.js';

export interface PageStrings {
  readonly title: string;
  readonly selected: string;
  readonly other: string;
  readonly abstract: string;
  readonly copy: string;
  readonly copied: string;
  readonly details: string;
  readonly sections: string;
  readonly profiles: string;
  /** `{n}`: the number of publications. */
  readonly count: string;
  readonly madeWith: string;
  /** `{n}`: the citation count. */
  readonly citedBy: string;
  readonly forthcoming: string;
  readonly kinds: Readonly<Record<'journal' | 'conference' | 'workshop' | 'preprint' | 'other', string>>;
  readonly search: string;
  readonly perYear: string;
}

/** The fields of a row of the table, in order, separated by `|`. */
const FIELDS = [
  'title',
  'selected',
  'other',
  'abstract',
  'copy',
  'copied',
  'details',
  'sections',
  'profiles',
  'count',
  'madeWith',
  'citedBy',
  'forthcoming',
  'journal',
  'conference',
  'workshop',
  'preprint',
  'otherKind',
  'search',
  'perYear',
] as const;

/** One row per language (a locale where it differs, `zh-TW`): the FIELDS in order, separated by `|`. */
const TABLE: Readonly<Record<string, string>> = lookupTable({
  en: 'Publications|Selected publications|Other publications|Abstract|Copy|Copied|Details|Sections|Profiles|{n} publications|made with bibfolio|cited by {n}|Forthcoming|Journal articles|Conference papers|Workshop papers|Preprints|Other|Search|Publications per year',
  de: 'Publikationen|Ausgewählte Publikationen|Weitere Publikationen|Zusammenfassung|Kopieren|Kopiert|Details|Abschnitte|Profile|{n} Publikationen|erstellt mit bibfolio|{n}-mal zitiert|Im Erscheinen|Zeitschriftenartikel|Konferenzbeiträge|Workshopbeiträge|Preprints|Sonstige|Suchen|Publikationen pro Jahr',
  fr: 'Publications|Publications choisies|Autres publications|Résumé|Copier|Copié|Détails|Sections|Profils|{n} publications|réalisé avec bibfolio|cité {n} fois|À paraître|Articles de revue|Articles de conférence|Articles d’atelier|Prépublications|Autres|Rechercher|Publications par année',
  es: 'Publicaciones|Publicaciones destacadas|Otras publicaciones|Resumen|Copiar|Copiado|Detalles|Secciones|Perfiles|{n} publicaciones|hecho con bibfolio|citado {n} veces|En prensa|Artículos de revista|Artículos de congreso|Artículos de taller|Preprints|Otros|Buscar|Publicaciones por año',
  it: 'Pubblicazioni|Pubblicazioni selezionate|Altre pubblicazioni|Sommario|Copia|Copiato|Dettagli|Sezioni|Profili|{n} pubblicazioni|realizzato con bibfolio|citato {n} volte|In corso di stampa|Articoli in rivista|Articoli di convegno|Articoli di workshop|Preprint|Altro|Cerca|Pubblicazioni per anno',
  pt: 'Publicações|Publicações selecionadas|Outras publicações|Resumo|Copiar|Copiado|Detalhes|Seções|Perfis|{n} publicações|feito com bibfolio|citado {n} vezes|No prelo|Artigos em periódicos|Artigos em conferências|Artigos em workshops|Preprints|Outros|Pesquisar|Publicações por ano',
  nl: 'Publicaties|Geselecteerde publicaties|Overige publicaties|Samenvatting|Kopiëren|Gekopieerd|Details|Secties|Profielen|{n} publicaties|gemaakt met bibfolio|{n} keer geciteerd|In druk|Tijdschriftartikelen|Conferentiebijdragen|Workshopbijdragen|Preprints|Overig|Zoeken|Publicaties per jaar',
  ru: 'Публикации|Избранные публикации|Другие публикации|Аннотация|Копировать|Скопировано|Подробнее|Разделы|Профили|Публикаций: {n}|сделано с bibfolio|цитирований: {n}|В печати|Статьи в журналах|Доклады на конференциях|Доклады на семинарах|Препринты|Другое|Поиск|Публикации по годам',
  uk: 'Публікації|Вибрані публікації|Інші публікації|Анотація|Копіювати|Скопійовано|Докладніше|Розділи|Профілі|Публікацій: {n}|створено з bibfolio|цитувань: {n}|Друкується|Статті в журналах|Доповіді на конференціях|Доповіді на семінарах|Препринти|Інше|Пошук|Публікації за роками',
  pl: 'Publikacje|Wybrane publikacje|Pozostałe publikacje|Streszczenie|Kopiuj|Skopiowano|Szczegóły|Sekcje|Profile|Publikacje: {n}|utworzono w bibfolio|cytowania: {n}|W druku|Artykuły w czasopismach|Referaty konferencyjne|Referaty warsztatowe|Preprinty|Inne|Szukaj|Publikacje w latach',
  cs: 'Publikace|Vybrané publikace|Další publikace|Abstrakt|Kopírovat|Zkopírováno|Podrobnosti|Oddíly|Profily|Publikace: {n}|vytvořeno pomocí bibfolio|citace: {n}|V tisku|Články v časopisech|Konferenční příspěvky|Příspěvky z workshopů|Preprinty|Ostatní|Hledat|Publikace podle let',
  sv: 'Publikationer|Utvalda publikationer|Övriga publikationer|Sammanfattning|Kopiera|Kopierad|Detaljer|Avsnitt|Profiler|{n} publikationer|skapad med bibfolio|citerad {n} gånger|Under utgivning|Tidskriftsartiklar|Konferensbidrag|Workshopbidrag|Preprints|Övrigt|Sök|Publikationer per år',
  da: 'Publikationer|Udvalgte publikationer|Øvrige publikationer|Resumé|Kopiér|Kopieret|Detaljer|Afsnit|Profiler|{n} publikationer|lavet med bibfolio|citeret {n} gange|Under udgivelse|Tidsskriftsartikler|Konferencebidrag|Workshopbidrag|Preprints|Andet|Søg|Publikationer pr. år',
  nb: 'Publikasjoner|Utvalgte publikasjoner|Andre publikasjoner|Sammendrag|Kopier|Kopiert|Detaljer|Seksjoner|Profiler|{n} publikasjoner|laget med bibfolio|sitert {n} ganger|Under utgivelse|Tidsskriftartikler|Konferansebidrag|Workshopbidrag|Preprints|Annet|Søk|Publikasjoner per år',
  fi: 'Julkaisut|Valitut julkaisut|Muut julkaisut|Tiivistelmä|Kopioi|Kopioitu|Tiedot|Osiot|Profiilit|Julkaisuja: {n}|tehty bibfoliolla|viittauksia: {n}|Painossa|Lehtiartikkelit|Konferenssijulkaisut|Työpajajulkaisut|Preprintit|Muut|Hae|Julkaisut vuosittain',
  tr: 'Yayınlar|Seçilmiş yayınlar|Diğer yayınlar|Özet|Kopyala|Kopyalandı|Ayrıntılar|Bölümler|Profiller|{n} yayın|bibfolio ile yapıldı|{n} atıf|Baskıda|Dergi makaleleri|Konferans bildirileri|Çalıştay bildirileri|Ön baskılar|Diğer|Ara|Yıllara göre yayınlar',
  el: 'Δημοσιεύσεις|Επιλεγμένες δημοσιεύσεις|Άλλες δημοσιεύσεις|Περίληψη|Αντιγραφή|Αντιγράφηκε|Λεπτομέρειες|Ενότητες|Προφίλ|{n} δημοσιεύσεις|φτιαγμένο με το bibfolio|{n} αναφορές|Υπό έκδοση|Άρθρα σε περιοδικά|Άρθρα σε συνέδρια|Άρθρα σε εργαστήρια|Προδημοσιεύσεις|Άλλα|Αναζήτηση|Δημοσιεύσεις ανά έτος',
  zh: '发表论文|代表性论文|其他论文|摘要|复制|已复制|详情|章节|个人主页|共 {n} 篇|由 bibfolio 生成|被引 {n} 次|即将出版|期刊论文|会议论文|研讨会论文|预印本|其他|搜索|每年发表论文数',
  'zh-TW':
    '發表論文|代表性論文|其他論文|摘要|複製|已複製|詳情|章節|個人檔案|共 {n} 篇|由 bibfolio 產生|被引用 {n} 次|即將出版|期刊論文|會議論文|研討會論文|預印本|其他|搜尋|每年發表論文數',
  ja: '発表論文|主要論文|その他の論文|要旨|コピー|コピーしました|詳細|セクション|プロフィール|{n} 件|bibfolio で作成|被引用数 {n}|刊行予定|雑誌論文|国際会議論文|ワークショップ論文|プレプリント|その他|検索|年別の論文数',
  ko: '발표 논문|대표 논문|기타 논문|초록|복사|복사됨|자세히|섹션|프로필|논문 {n}편|bibfolio로 제작|{n}회 인용|출판 예정|학술지 논문|학술대회 논문|워크숍 논문|프리프린트|기타|검색|연도별 논문 수',
  ar: 'المنشورات|منشورات مختارة|منشورات أخرى|الملخص|نسخ|تم النسخ|التفاصيل|الأقسام|الملفات الشخصية|عدد المنشورات: {n}|أُنشئ باستخدام bibfolio|عدد الاستشهادات: {n}|قيد النشر|مقالات في مجلات|أوراق مؤتمرات|أوراق ورش عمل|مسودات أولية|أخرى|بحث|المنشورات حسب السنة',
  he: 'פרסומים|פרסומים נבחרים|פרסומים נוספים|תקציר|העתקה|הועתק|פרטים|סעיפים|פרופילים|{n} פרסומים|נוצר באמצעות bibfolio|צוטט {n} פעמים|בדפוס|מאמרים בכתבי עת|מאמרים בכנסים|מאמרים בסדנאות|טיוטות מוקדמות|אחר|חיפוש|פרסומים לפי שנה',
  fa: 'انتشارات|انتشارات برگزیده|سایر انتشارات|چکیده|رونوشت|رونوشت شد|جزئیات|بخش‌ها|نمایه‌ها|{n} انتشار|ساخته‌شده با bibfolio|{n} استناد|در دست انتشار|مقاله‌های مجله|مقاله‌های همایش|مقاله‌های کارگاه|پیش‌چاپ‌ها|سایر|جستجو|انتشارات بر اساس سال',
});

/** Languages written right to left. */
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'ckb', 'dv', 'ug']);

const language = (locale: string): string => locale.split(/[-_]/)[0]?.toLowerCase() ?? 'en';

/** The languages with bibfolio's own strings (their CSL locales' language codes, and `zh-TW`). */
export const PAGE_LANGUAGES: readonly string[] = Object.keys(TABLE);

/** The strings for a locale: the locale itself (`zh-TW`), else its language, else English. */
export function pageStrings(locale: string): PageStrings {
  const row = (TABLE[locale] ?? TABLE[language(locale)] ?? (TABLE.en as string)).split('|');
  const f = Object.fromEntries(FIELDS.map((name, i) => [name, row[i] ?? ''])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  return {
    title: f.title,
    selected: f.selected,
    other: f.other,
    abstract: f.abstract,
    copy: f.copy,
    copied: f.copied,
    details: f.details,
    sections: f.sections,
    profiles: f.profiles,
    count: f.count,
    madeWith: f.madeWith,
    citedBy: f.citedBy,
    forthcoming: f.forthcoming,
    kinds: {
      journal: f.journal,
      conference: f.conference,
      workshop: f.workshop,
      preprint: f.preprint,
      other: f.otherKind,
    },
    search: f.search,
    perYear: f.perYear,
  };
}
/** `rtl` for the languages written right to left. */
export function textDirection(locale: string): 'rtl' | 'ltr' {
  return RTL.has(language(locale)) ? 'rtl' : 'ltr';
}
