package attrib_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
)

// TestNewsPhenomena checks, on short realistic passages, each construction
// news uses to attribute speech (the list in the attributions issue): the
// quotation marks of many conventions, quotes over paragraphs, split and
// partial quotes, "according to", channels, "told", passives, appositive
// roles, nominal coreference, metonymy, beliefs and intentions, and
// anonymous sourcing.
func TestNewsPhenomena(t *testing.T) {
	tests := []struct {
		name, text string
		cue        string // the cue of the attribution to check
		kind       sayso.AttributionKind
		content    string // the content's text
		pieces     int    // content pieces
		speaker    string // the speaker's name ("" for none)
		typ        sayso.SpeakerType
		res        sayso.Resolution
		role       string // the speaker's role, when given
	}{
		{name: "straight quotes", text: `"We will not back down," Mayor John Smith said on Monday.`,
			cue: "said", kind: sayso.Direct, content: `"We will not back down,"`, pieces: 1,
			speaker: "John Smith", typ: sayso.Person, res: sayso.ResolvedNamed, role: "Mayor"},
		{name: "low-9 and curly", text: "„This is unacceptable,“ Foreign Minister Annalena Baerbock said.",
			cue: "said", kind: sayso.Direct, content: "„This is unacceptable,“", pieces: 1,
			speaker: "Annalena Baerbock", typ: sayso.Person, res: sayso.ResolvedNamed, role: "Foreign Minister"},
		{name: "guillemets", text: "«We are ready for talks,» the general told reporters.",
			cue: "told", kind: sayso.Direct, content: "«We are ready for talks,»", pieces: 1},
		{name: "single quotes", text: "'We are ready for talks,' the general told reporters.",
			cue: "told", kind: sayso.Direct, content: "'We are ready for talks,'", pieces: 1},
		{name: "feed quotes", text: "``We are ready for talks,'' the general told reporters.",
			cue: "told", kind: sayso.Direct, content: "``We are ready for talks,''", pieces: 1},
		{name: "doubled apostrophes", text: "''We are ready for talks,'' the general told reporters.",
			cue: "told", kind: sayso.Direct, content: "''We are ready for talks,''", pieces: 1},
		{name: "quote over paragraphs",
			text: "“The first thing we did was count the votes. It took all night.\n\n“Then we counted them again,” Governor Ann Lee said.",
			cue:  "said", kind: sayso.Direct, pieces: 2,
			speaker: "Ann Lee", typ: sayso.Person, res: sayso.ResolvedNamed},
		{name: "split quote", text: "“We will win,” Senator Ted Cruz said, “and we will win soon.”",
			cue: "said", kind: sayso.Direct, content: "“We will win,” “and we will win soon.”", pieces: 2,
			speaker: "Ted Cruz", typ: sayso.Person, res: sayso.ResolvedNamed},
		{name: "partial quote", text: "Senator Ted Cruz said the plan was “dead on arrival.”",
			cue: "said", kind: sayso.Mixed, content: "the plan was “dead on arrival.”", pieces: 1,
			speaker: "Ted Cruz", typ: sayso.Person, res: sayso.ResolvedNamed},
		{name: "according to", text: "The company lost $2 billion last year, according to a report by Moody's.",
			cue: "according to", kind: sayso.Indirect, content: "The company lost $2 billion last year", pieces: 1,
			speaker: "a report by Moody's", typ: sayso.Document, res: sayso.Unresolved},
		{name: "in a statement", text: "The Defense Ministry said in a statement that the drills would end on Friday.",
			cue: "said in a statement", kind: sayso.Indirect, content: "that the drills would end on Friday", pieces: 1,
			speaker: "Defense Ministry", typ: sayso.Organisation, res: sayso.ResolvedNamed},
		{name: "told", text: "Prime Minister Rishi Sunak told reporters that the deal was off.",
			cue: "told", kind: sayso.Indirect, content: "that the deal was off", pieces: 1,
			speaker: "Rishi Sunak", typ: sayso.Person, res: sayso.ResolvedNamed},
		{name: "passive with agent", text: "It was announced by the ministry that the border would be closed.",
			cue: "was announced", kind: sayso.Indirect, content: "that the border would be closed", pieces: 1,
			speaker: "the ministry", typ: sayso.Organisation},
		{name: "agent in the cue", text: "It was reported by the BBC that the talks had collapsed.",
			cue: "was reported", kind: sayso.Indirect, content: "that the talks had collapsed", pieces: 1,
			speaker: "BBC", typ: sayso.Organisation, res: sayso.ResolvedNamed},
		{name: "role before the name", text: "Russian spokesman Dmitry Peskov said the talks had failed.",
			cue: "said", kind: sayso.Indirect, content: "the talks had failed", pieces: 1,
			speaker: "Dmitry Peskov", typ: sayso.Person, res: sayso.ResolvedNamed},
		{name: "appositive role", text: "Dmitry Peskov, the Kremlin's spokesman, said Russia would respond.",
			cue: "said", kind: sayso.Indirect, content: "Russia would respond", pieces: 1,
			speaker: "Dmitry Peskov", typ: sayso.Person, res: sayso.ResolvedNamed, role: "Kremlin's spokesman"},
		{name: "name in apposition", text: "A spokesman for the Kremlin, Dmitry Peskov, said Russia would respond.",
			cue: "said", speaker: "Dmitry Peskov", typ: sayso.Person, res: sayso.ResolvedNamed},
		{name: "qualified title", text: "New York Governor Kathy Hochul said the roads were closed.",
			cue: "said", speaker: "Kathy Hochul", typ: sayso.Person, res: sayso.ResolvedNamed, role: "New York Governor"},
		{name: "title word in a firm's name", text: "General Motors said sales fell in March.",
			cue: "said", speaker: "General Motors", res: sayso.ResolvedNamed},
		{name: "pronoun", text: "Senator Elizabeth Warren criticized the bank on Tuesday. She said the chief executive should resign.",
			cue: "said", speaker: "Elizabeth Warren", typ: sayso.Person, res: sayso.ResolvedPronoun},
		{name: "nominal with a known title",
			text: "Russian spokesman Dmitry Peskov spoke in Moscow on Monday. The spokesman said the talks had stalled.",
			cue:  "said", content: "the talks had stalled", speaker: "Dmitry Peskov", typ: sayso.Person, res: sayso.ResolvedTitle},
		{name: "nominal describing the last person",
			text: "Angela Merkel arrived in Paris on Friday. The chancellor told reporters that Europe must act.",
			cue:  "told", speaker: "Angela Merkel", typ: sayso.Person, res: sayso.ResolvedTitle, role: "chancellor"},
		{name: "nominal with an organisation",
			text: "Dmitry Peskov met reporters on Monday. The Kremlin spokesman said the talks had stalled.",
			cue:  "said", speaker: "Dmitry Peskov", typ: sayso.Person, res: sayso.ResolvedTitle, role: "Kremlin spokesman"},
		{name: "metonymy: capital", text: "Washington has warned that it will impose new sanctions.",
			cue: "has warned", kind: sayso.Indirect, content: "that it will impose new sanctions",
			speaker: "Washington", typ: sayso.Organisation, res: sayso.ResolvedNamed},
		{name: "metonymy: participle", text: "Moscow protested the decision, arguing that it violated the treaty.",
			cue: "arguing", content: "that it violated the treaty", speaker: "Moscow", typ: sayso.Organisation},
		{name: "metonymy: building", text: "The White House said the president would sign the bill.",
			cue: "said", speaker: "White House", typ: sayso.Organisation, res: sayso.ResolvedNamed},
		{name: "belief", text: "Trump believes the election is rigged.",
			cue: "believes", kind: sayso.Indirect, content: "the election is rigged", speaker: "Trump", typ: sayso.Person},
		{name: "intention", text: "Russia is seeking to restore its influence in the region.",
			cue: "is seeking", content: "to restore its influence in the region", speaker: "Russia"},
		{name: "anonymous plural", text: "Officials said the bridge would reopen next week.",
			cue: "said", speaker: "Officials", typ: sayso.Anonymous, res: sayso.Unresolved},
		{name: "anonymous source", text: "A source familiar with the talks said no deal had been reached.",
			cue: "said", speaker: "A source familiar with the talks", typ: sayso.Anonymous, res: sayso.Unresolved},
		// The speaker guideline's rule 5: an unnamed spokesperson of a
		// named organisation speaks for it.
		{name: "unnamed spokesman of an organisation", text: "A Kremlin spokesman said the talks had failed.",
			cue: "said", speaker: "Kremlin", typ: sayso.Organisation, res: sayso.ResolvedTitle, role: "unnamed spokesman"},
		{name: "possessor of a title", text: "Putin's spokesman said the talks had failed.",
			cue: "said", speaker: "Putin's spokesman", typ: sayso.Person, res: sayso.Unresolved},
		{name: "role of a possessor in apposition", text: "Trump's lawyer, Rudy Giuliani, said the case was weak.",
			cue: "said", speaker: "Rudy Giuliani", typ: sayso.Person, res: sayso.ResolvedNamed, role: "Trump's lawyer"},
		{name: "document with a participle", text: "The report, published by the United Nations on Monday, found that emissions rose.",
			cue: "found", speaker: "report", typ: sayso.Document},
		{name: "group opening a sentence", text: "Experts warn that the virus could return.",
			cue: "warn", speaker: "Experts", typ: sayso.Group, res: sayso.Unresolved},
		{name: "group qualified by a name", text: "Republicans in the Senate said the bill would fail.",
			cue: "said", speaker: "Republicans in the Senate", typ: sayso.Group, res: sayso.Unresolved},
		{name: "social media", text: "Hillary Clinton wrote on Twitter that the ruling was a victory for families.",
			cue: "wrote on Twitter", content: "that the ruling was a victory for families", speaker: "Hillary Clinton", typ: sayso.Person},
	}
	an := analyzer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := an.Analyze(context.Background(), tt.text)
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, tt.text, res)
			var got *sayso.Attribution
			var cues []string
			for k, a := range res.Attributions {
				if a.Cue == nil {
					continue
				}
				cues = append(cues, a.Cue.Text)
				if a.Cue.Text == tt.cue {
					got = &res.Attributions[k]
					break
				}
			}
			if got == nil {
				t.Fatalf("no attribution with cue %q; cues found: %q", tt.cue, cues)
			}
			if tt.kind != "" && got.Kind != tt.kind {
				t.Errorf("kind = %s, want %s", got.Kind, tt.kind)
			}
			if tt.content != "" && got.Content.Text != tt.content {
				t.Errorf("content = %q, want %q", got.Content.Text, tt.content)
			}
			if tt.pieces > 0 && len(got.Content.Spans) != tt.pieces {
				t.Errorf("content in %d pieces (%q), want %d", len(got.Content.Spans), got.Content.Text, tt.pieces)
			}
			if tt.speaker == "" {
				return
			}
			sp := got.Speaker
			if sp == nil {
				t.Fatalf("no speaker, want %s", tt.speaker)
			}
			if sp.Name != tt.speaker || (tt.typ != "" && sp.Type != tt.typ) || (tt.res != "" && sp.Resolution != tt.res) {
				t.Errorf("speaker = %+v, want %s (%s, %s)", *sp, tt.speaker, tt.typ, tt.res)
			}
			if tt.role != "" && !strings.Contains(sp.Role, tt.role) {
				t.Errorf("role = %q, want it to hold %q", sp.Role, tt.role)
			}
		})
	}
}
