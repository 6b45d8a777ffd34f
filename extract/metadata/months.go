package metadata

import (
	"strings"
	"time"
)

// monthNames maps a lower-cased month word — full names, common
// abbreviations and the inflected (genitive, locative) forms that dates use —
// to its month, for the languages news is most often written in. It is an
// immutable table: nothing writes to it after initialisation.
var monthNames = buildMonthNames(map[time.Month][]string{
	time.January: {
		"มกราคม", "ม.ค", "januari", // th, id, ms
		"يناير", "ژانویه", "ינואר", "জানুয়ারি", "जनवरी", // ar, fa, he, bn, hi
		"january", "jan", // en
		"janvier", "janv", // fr
		"januar", "jänner", "jän", // de, da, no, sv-ish
		"enero", "ene", // es
		"janeiro",        // pt
		"gennaio", "gen", // it
		"januari",                           // nl, sv, id
		"январь", "января", "янв", "январе", // ru
		"січень", "січня", "січ", // uk
		"styczeń", "stycznia", "sty", // pl
		"ocak", "oca", // tr
		"ianuarie", "ian", // ro
		"leden", "ledna", // cs
		"január", "januára", "januára", // hu, sk
		"tammikuu", "tammikuuta", // fi
		"siječanj", "siječnja", "januara", // hr, bs, sr
		"janar",            // sq
		"sausis", "sausio", // lt
		"janvāris", "janvārī", // lv
		"ιανουάριος", "ιανουαρίου", // el
		"січнє",             // uk variant
		"јануар", "јануара", // sr, mk
		"януари",            // bg
		"enerong", "enero.", // tl
		"januarie",                                // af
		"urtarrila", "gener", "xaneiro", "janúar", // eu, ca, gl, is
	},
	time.February: {
		"กุมภาพันธ์", "ก.พ", // th, id, ms
		"فبراير", "شباط", "فوریه", "פברואר", "ফেব্রুয়ারি", "फ़रवरी", "फरवरी", // ar, fa, he, bn, hi
		"february", "feb", "février", "févr", "fevrier",
		"februar", "febrero", "fevereiro", "fev", "febbraio",
		"februari", "февраль", "февраля", "фев", "феврале",
		"лютий", "лютого", "лют", "luty", "lutego", "lut",
		"şubat", "şub", "subat", "februarie", "feb.",
		"únor", "února", "február", "februára", "helmikuu", "helmikuuta",
		"veljača", "veljače", "februara", "shkurt", "vasaris", "vasario",
		"februāris", "februārī", "φεβρουάριος", "φεβρουαρίου",
		"фебруар", "фебруара", "февруари", "pebrero", "febrer", "febreiro", "otsaila", "febrúar",
	},
	time.March: {
		"มีนาคม", "มี.ค", "maret", "mac", // th, id, ms
		"مارس", "آذار", "מרץ", "מרס", "মার্চ", "मार्च", // ar, fa, he, bn, hi
		"march", "mar", "mars", "märz", "marz", "mär", "marzo", "março", "marco",
		"maart", "mart", "март", "марта", "марте", "березень", "березня", "бер",
		"marzec", "marca", "martie", "březen", "března", "március", "márciusa",
		"marec", "marca", "maaliskuu", "maaliskuuta", "ožujak", "ožujka", "marta",
		"kovas", "kovo", "marts", "martā", "μάρτιος", "μαρτίου", "март", "марта",
		"marso", "març", "marzal", "martxoa", "mars.",
	},
	time.April: {
		"เมษายน", "เม.ย", // th, id, ms
		"أبريل", "ابريل", "إبريل", "نيسان", "آوریل", "אפריל", "এপ্রিল", "अप्रैल", // ar, fa, he, bn, hi
		"april", "apr", "avril", "avr", "abril", "abr", "aprile",
		"апрель", "апреля", "апр", "апреле", "квітень", "квітня", "квіт",
		"kwiecień", "kwietnia", "kwi", "nisan", "aprilie", "duben", "dubna",
		"április", "áprilisa", "apríl", "apríla", "huhtikuu", "huhtikuuta", "travanj", "travnja",
		"prill", "balandis", "balandžio", "aprīlis", "aprīlī", "απρίλιος", "απριλίου",
		"април", "априла", "abril.", "apirila", "aprel",
	},
	time.May: {
		"พฤษภาคม", "พ.ค", // th, id, ms
		"مايو", "أيار", "ايار", "مه", "מאי", "মে", "मई", // ar, fa, he, bn, hi
		"may", "mai", "mayo", "maio", "maggio", "mei", "maj", "май", "мая", "мае",
		"травень", "травня", "трав", "maja", "mayıs", "may.", "květen", "května",
		"május", "májusa", "máj", "mája", "toukokuu", "toukokuuta", "svibanj", "svibnja",
		"maja", "gegužė", "gegužės", "maijs", "maijā", "μάιος", "μαΐου", "μαίου",
		"мај", "маја", "maiatza", "maig", "maí", "mayis",
	},
	time.June: {
		"มิถุนายน", "มิ.ย", // th, id, ms
		"يونيو", "يونيه", "حزيران", "ژوئن", "יוני", "জুন", "जून", // ar, fa, he, bn, hi
		"june", "jun", "juin", "juni", "junio", "junho", "giugno", "июнь", "июня",
		"июне", "червень", "червня", "черв", "czerwiec", "czerwca", "cze", "haziran",
		"iunie", "červen", "června", "június", "júniusa", "jún", "júna", "kesäkuu",
		"kesäkuuta", "lipanj", "lipnja", "juna", "qershor", "birželis", "birželio",
		"jūnijs", "jūnijā", "ιούνιος", "ιουνίου", "јун", "јуна", "юни", "hunyo",
		"ekaina", "juny", "xuño", "júní",
	},
	time.July: {
		"กรกฎาคม", "ก.ค", // th, id, ms
		"يوليو", "يوليه", "تموز", "ژوئیه", "יולי", "জুলাই", "जुलाई", // ar, fa, he, bn, hi
		"july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug",
		"июль", "июля", "июле", "липень", "липня", "лип", "lipiec", "lipca", "lip",
		"temmuz", "iulie", "červenec", "července", "július", "júliusa", "júl", "júla",
		"heinäkuu", "heinäkuuta", "srpanj", "srpnja", "jula", "korrik", "liepa", "liepos",
		"jūlijs", "jūlijā", "ιούλιος", "ιουλίου", "јул", "јула", "юли", "hulyo",
		"uztaila", "juliol", "xullo", "júlí",
	},
	time.August: {
		"สิงหาคม", "ส.ค", "ogos", // th, id, ms
		"أغسطس", "اغسطس", "آب", "اوت", "אוגוסט", "আগস্ট", "अगस्त", // ar, fa, he, bn, hi
		"august", "aug", "août", "aout", "agosto", "ago", "augustus",
		"augusti", "август", "августа", "авг", "августе", "серпень", "серпня", "серп",
		"sierpień", "sierpnia", "sie", "ağustos", "agustos", "srpen", "srpna", "augusztus",
		"augusztusa", "augusta", "elokuu", "elokuuta", "kolovoz", "kolovoza", "avgusta",
		"avgust", "gusht", "rugpjūtis", "rugpjūčio", "augusts", "augustā", "αύγουστος",
		"αυγούστου", "август", "августа", "agost", "abuztua", "ágúst", "agustus",
	},
	time.September: {
		"กันยายน", "ก.ย", // th, id, ms
		"سبتمبر", "أيلول", "ايلول", "سپتامبر", "ספטמבר", "সেপ্টেম্বর", "सितंबर", "सितम्बर", // ar, fa, he, bn, hi
		"september", "sep", "sept", "septembre", "septiembre", "setembro", "set",
		"settembre", "сентябрь", "сентября", "сен", "сент", "сентябре", "вересень",
		"вересня", "вер", "wrzesień", "września", "wrz", "eylül", "eylul", "septembrie",
		"září", "szeptember", "szeptembere", "septembra", "syyskuu", "syyskuuta", "rujan",
		"rujna", "septembar", "shtator", "rugsėjis", "rugsėjo", "septembris", "septembrī",
		"σεπτέμβριος", "σεπτεμβρίου", "септембар", "септембра", "септември", "setyembre",
		"setembre", "iraila", "setembro.",
	},
	time.October: {
		"ตุลาคม", "ต.ค", // th, id, ms
		"أكتوبر", "اكتوبر", "اکتبر", "אוקטובר", "অক্টোবর", "अक्टूबर", // ar, fa, he, bn, hi
		"october", "oct", "octobre", "oktober", "octubre", "outubro", "out", "ottobre",
		"ott", "okt", "октябрь", "октября", "октябре", "жовтень", "жовтня", "жовт",
		"październik", "października", "paź", "ekim", "octombrie", "říjen", "října",
		"október", "októbere", "októbra", "lokakuu", "lokakuuta",
		"oktobar", "oktobra", "tetor", "spalis", "spalio", "oktobris", "oktobrī",
		"οκτώβριος", "οκτωβρίου", "октобар", "октобра", "октомври", "oktubre", "octubre.",
		"urria", "outubro.", "október.",
	},
	time.November: {
		"พฤศจิกายน", "พ.ย", // th, id, ms
		"نوفمبر", "نوامبر", "נובמבר", "নভেম্বর", "नवंबर", "नवम्बर", // ar, fa, he, bn, hi
		"november", "nov", "novembre", "noviembre", "novembro", "ноябрь", "ноября",
		"ноябре", "листопад", "листопада", "лист", "listopad", "listopada", "lis", "kasım",
		"kasim", "noiembrie", "listopadu", "novemberi", "novembra", "marraskuu",
		"marraskuuta", "studeni", "studenoga", "novembar", "nëntor", "lapkritis",
		"lapkričio", "novembris", "novembrī", "νοέμβριος", "νοεμβρίου", "новембар",
		"новембра", "ноември", "nobyembre", "azaroa",
	},
	time.December: {
		"ธันวาคม", "ธ.ค", "disember", // th, id, ms
		"ديسمبر", "دسامبر", "דצמבר", "ডিসেম্বর", "दिसंबर", "दिसम्बर", // ar, fa, he, bn, hi
		"december", "dec", "décembre", "decembre", "dezember", "dez", "diciembre", "dic",
		"dezembro", "dicembre", "декабрь", "декабря", "дек", "декабре", "грудень",
		"грудня", "груд", "grudzień", "grudnia", "gru", "aralık", "aralik", "decembrie",
		"prosinec", "prosince", "decembere", "decembra", "joulukuu", "joulukuuta",
		"prosinac", "prosinca", "decembar", "dhjetor", "gruodis", "gruodžio", "decembris",
		"decembrī", "δεκέμβριος", "δεκεμβρίου", "децембар", "децембра", "декември",
		"disyembre", "desembre", "abendua", "desember", "desemba",
	},
})

func buildMonthNames(byMonth map[time.Month][]string) map[string]time.Month {
	m := make(map[string]time.Month)
	// Months are visited in calendar order so that a word two languages
	// share resolves the same way on every run.
	for month := time.January; month <= time.December; month++ {
		for _, w := range byMonth[month] {
			w = strings.TrimSuffix(strings.ToLower(w), ".")
			if w == "" {
				continue
			}
			if _, dup := m[w]; !dup {
				m[w] = month
			}
		}
	}
	return m
}

// Short month forms such as "mar", "set" or "out" are also words; the date
// patterns accept a month word only between a day and a year, which keeps
// them from matching prose.

// thaiMonth reports whether word is a Thai month name; Thai dates count
// years in the Buddhist era, 543 years ahead of the common era.
func thaiMonth(word string) bool {
	for _, r := range word {
		return r >= 0x0E00 && r <= 0x0E7F
	}
	return false
}

// buddhistEraOffset converts a Thai Buddhist-era year to the common era.
const buddhistEraOffset = 543

// lookupMonth returns the month a word names, ignoring case and a trailing
// full stop.
func lookupMonth(word string) (time.Month, bool) {
	w := strings.TrimSuffix(strings.ToLower(word), ".")
	if m, ok := monthNames[w]; ok {
		return m, true
	}
	// Hebrew writes "in August" as one word: "באוגוסט".
	if rest, ok := strings.CutPrefix(w, "ב"); ok {
		m, ok := monthNames[rest]
		return m, ok
	}
	return 0, false
}
