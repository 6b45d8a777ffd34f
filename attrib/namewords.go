package attrib

import "strings"

// Word lists that tell where a person's name begins and ends. Every list
// holds lower-case words; they are general English, not drawn from any
// evaluation text.

// partyWords are party labels written before a name ("Democrat Jane
// Roe"); alone they never name a person.
var partyWords = map[string]bool{
	"democrat": true, "democratic": true, "republican": true, "libertarian": true,
	"conservative": true, "liberal": true, "labour": true, "gop": true, "independent": true,
	"socialist": true, "progressive": true, "green": true, "tory": true,
}

// descriptorWords are capitalised descriptions that open a sentence or
// stand before a name without being part of it ("Rival Hillary Clinton",
// "Activist Angela Davis", "Retired U.S. Air Force Gen. Norman Ham").
var descriptorWords = map[string]bool{
	"rival": true, "activist": true, "retired": true, "incumbent": true, "businessman": true,
	"businesswoman": true, "billionaire": true, "journalist": true, "columnist": true,
	"comedian": true, "actor": true, "actress": true, "singer": true, "rapper": true,
	"novelist": true, "writer": true, "philanthropist": true, "entrepreneur": true,
	"veteran": true, "freshman": true, "embattled": true, "outgoing": true, "then": true,
	"candidate": true, "nominee": true, "challenger": true, "opponent": true, "rep": true,
	"former": true, "late": true, "disgraced": true, "ousted": true, "acting": true,
}

// nationalities are adjectives of nations and regions; alone they name
// nobody, before a name they are a role ("Latvian journalist", "French
// President François Hollande").
var nationalities = map[string]bool{
	"american": true, "british": true, "english": true, "scottish": true, "welsh": true,
	"irish": true, "french": true, "german": true, "italian": true, "spanish": true,
	"portuguese": true, "dutch": true, "belgian": true, "swiss": true, "austrian": true,
	"swedish": true, "norwegian": true, "danish": true, "finnish": true, "polish": true,
	"czech": true, "slovak": true, "hungarian": true, "romanian": true, "bulgarian": true,
	"greek": true, "turkish": true, "russian": true, "ukrainian": true, "belarusian": true,
	"latvian": true, "lithuanian": true, "estonian": true, "georgian": true, "armenian": true,
	"serbian": true, "croatian": true, "bosnian": true, "albanian": true, "chinese": true,
	"japanese": true, "korean": true, "vietnamese": true, "thai": true, "indian": true,
	"pakistani": true, "afghan": true, "iranian": true, "iraqi": true, "syrian": true,
	"israeli": true, "palestinian": true, "lebanese": true, "jordanian": true, "saudi": true,
	"egyptian": true, "libyan": true, "tunisian": true, "moroccan": true, "algerian": true,
	"nigerian": true, "kenyan": true, "ethiopian": true, "somali": true, "sudanese": true,
	"canadian": true, "mexican": true, "cuban": true, "venezuelan": true, "colombian": true,
	"brazilian": true, "argentine": true, "argentinian": true, "chilean": true, "peruvian": true,
	"australian": true, "european": true, "african": true, "asian": true, "arab": true,
	"kurdish": true, "yemeni": true, "qatari": true, "emirati": true, "burmese": true,
	"filipino": true, "indonesian": true, "malaysian": true, "taiwanese": true, "soviet": true,
}

// months and other capitalised common words that are never a speaker.
var neverNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"unlike": true, "other": true, "others": true, "many": true, "some": true, "most": true,
	"few": true, "several": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "twenty": true, "thirty": true,
	"forty": true, "fifty": true, "sixty": true, "seventy": true, "eighty": true, "ninety": true,
	"hundred": true, "hundreds": true, "thousands": true, "millions": true, "first": true,
	"second": true, "third": true, "mr": true, "mrs": true, "ms": true,
}

// nameParticles are lower-case words inside surnames ("Bill de Blasio",
// "Ursula von der Leyen").
var nameParticles = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "den": true, "da": true, "di": true,
	"du": true, "la": true, "le": true, "bin": true, "al": true, "dos": true, "das": true,
	"del": true, "ter": true, "ibn": true,
}

// titleAbbrev expands abbreviated titles, so that "the governor" finds
// "Gov. Mike Pence" and "the congressman" "Rep. Adam Schiff".
var titleAbbrev = map[string][]string{
	"gov.": {"governor"}, "sen.": {"senator", "lawmaker"}, "rep.": {"representative", "congressman", "congresswoman", "lawmaker"},
	"gen.": {"general"}, "adm.": {"admiral"}, "lt.": {"lieutenant"}, "col.": {"colonel"},
	"capt.": {"captain"}, "sgt.": {"sergeant"}, "dr.": {"doctor"}, "prof.": {"professor"},
	"rev.": {"reverend"}, "del.": {"delegate", "lawmaker"}, "atty.": {"attorney"},
	"senator": {"lawmaker"}, "congressman": {"lawmaker", "representative"},
	"congresswoman": {"lawmaker", "representative"}, "representative": {"lawmaker", "congressman", "congresswoman"},
}

// maleWords and femaleWords give a person's gender from the titles and
// honorifics the text puts on them.
var (
	maleWords = map[string]bool{
		"mr.": true, "mr": true, "sir": true, "spokesman": true, "congressman": true,
		"chairman": true, "businessman": true, "king": true, "prince": true, "father": true,
		"son": true, "husband": true, "brother": true, "actor": true, "lord": true, "uncle": true,
	}
	femaleWords = map[string]bool{
		"mrs.": true, "mrs": true, "ms.": true, "ms": true, "miss": true, "madam": true,
		"spokeswoman": true, "congresswoman": true, "chairwoman": true, "businesswoman": true,
		"queen": true, "princess": true, "mother": true, "daughter": true, "wife": true,
		"sister": true, "actress": true, "lady": true, "dame": true, "aunt": true, "first lady": true,
	}
)

// maleNames and femaleNames are common given names whose gender is
// unambiguous, for pronoun agreement when the text gives no other cue.
var (
	maleNames = wordSet("donald barack joe joseph bill william mike michael john james robert " +
		"david richard charles thomas chris christopher daniel matthew mark paul steven stephen " +
		"george kevin brian jeff jeffrey ted tim timothy ron ronald jim jimmy tom newt mitt rand " +
		"marco ben benjamin bernie jeb eric scott frank gary larry peter andrew anthony adam " +
		"jason jack harry henry edward ed sean ryan jonathan patrick vladimir dmitry dmitri sergei " +
		"francois emmanuel angelo luis carlos jose juan pedro ahmed mohammed muhammad ali omar " +
		"kim xi boris nicolas hugo rudy rudolph reince corey steve roger dick " +
		" mitch chuck harold leonard kenneth keith roy ralph bruce walter " +
		"raymond samuel sam nathan jesse elijah jerry dennis alan allen howard martin phil " +
		"phillip philip victor vincent wayne gregory greg raj norman earl chad " +
		"malcolm francis antonio jean-claude recep bashar")
	femaleNames = wordSet("hillary mary elizabeth jennifer linda patricia susan margaret sarah " +
		"karen nancy lisa betty sandra donna carol ruth sharon michelle laura emily kimberly " +
		"deborah jessica melania ivanka chelsea angela theresa nicola marine " +
		"claire kellyanne huma heidi jill elaine kirsten tammy amy maxine debbie barbara " +
		"katie kate megyn ann anne anna julia rachel rebecca samantha stephanie melanie " +
		"hope sally dianne diane janet jane kamala patti tina leslie aparna oprah tulsi " +
		"christine catherine caroline cynthia teresa valerie victoria alicia monica " +
		"ana maria marie sophie ursula")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
