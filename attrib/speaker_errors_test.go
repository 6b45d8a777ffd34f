package attrib_test

import (
	"context"
	"strings"
	"testing"
)

// TestSpeakerErrors checks, on passages written for it, each kind of
// speaker error the speakers issue lists: name boundaries, pronoun
// antecedents, continuation quotes after a new paragraph, media taken for
// speakers, places taken from an apposition, and nominal titles.
func TestSpeakerErrors(t *testing.T) {
	tests := []struct {
		kind, name, text string
		quote            string // a piece of the content of the attribution to check
		speaker          string // the speaker's name
		role             string // a piece of the speaker's role, when given
	}{
		// Name boundaries.
		{kind: "boundary", name: "party label", text: `Democrat Jane Roe said the vote was "a disgrace for everyone."`,
			quote: "a disgrace", speaker: "Jane Roe", role: "Democrat"},
		{kind: "boundary", name: "secretary of state", text: `"We will respond in kind," Secretary of State John Doe said on Friday.`,
			quote: "respond in kind", speaker: "John Doe", role: "Secretary of State"},
		{kind: "boundary", name: "qualified title", text: `"Rates will stay where they are," Central Bank Governor Jane Roe told reporters.`,
			quote: "Rates will stay", speaker: "Jane Roe", role: "Governor"},
		{kind: "boundary", name: "nationality and rank", text: `Retired Latvian Army Gen. Ivars Kalnins said: "Nobody here is surprised."`,
			quote: "Nobody here", speaker: "Ivars Kalnins", role: "Gen."},
		{kind: "boundary", name: "party in parentheses", text: `"This hearing is a circus," said Rep. Tom Baker (R-Ohio).`,
			quote: "a circus", speaker: "Tom Baker"},
		{kind: "boundary", name: "place after of", text: `"The money is gone," said Sen. Mary Fields of Vermont.`,
			quote: "money is gone", speaker: "Mary Fields"},
		{kind: "boundary", name: "particle in a surname", text: `"We are ready," Mayor Luis de Vries said. "Every street will be open by noon," de Vries added.`,
			quote: "Every street", speaker: "Luis de Vries"},
		{kind: "boundary", name: "a month is nobody", text: "Senator Ann Wood spoke in July. In July, she said, \"the budget was a mess.\"",
			quote: "budget was a mess", speaker: "Ann Wood"},
		{kind: "boundary", name: "two names jointly", text: `Anna Berg and Carl Holm said the plan was "dead on arrival."`,
			quote: "dead on arrival", speaker: "Anna Berg and Carl Holm"},
		// Pronouns: agreement and salience.
		{kind: "pronoun", name: "gender over recency", text: "Maria Lopez met Governor Tom Hart on Monday. Hart praised the deal. She said: \"This is a good day for the state.\"",
			quote: "good day", speaker: "Maria Lopez"},
		{kind: "pronoun", name: "gender from an honorific", text: "Mrs. Dale Winter spoke after Mr. Kim Osei. She said, \"We start again tomorrow.\"",
			quote: "start again", speaker: "Dale Winter"},
		{kind: "pronoun", name: "subject of the previous sentence", text: "Senator Paul Grant said on Tuesday that the inquiry would go on.\n\nGrant met Mark Bell, a lawyer, on Wednesday. He said: \"The inquiry is over.\"",
			quote: "inquiry is over", speaker: "Paul Grant"},
		{kind: "pronoun", name: "previous speaker over a name in his quote", text: "\"Nobody trusts Steve Rand,\" said Frank Moss. \"He never answers,\" he added.",
			quote: "never answers", speaker: "Frank Moss"},
		{kind: "pronoun", name: "a surname shared", text: "Bill Carter and his wife, Hillary Carter, arrived. Carter said he was tired. \"It was a long trip,\" he said.",
			quote: "long trip", speaker: "Bill Carter"},
		// Continuation quotes.
		{kind: "continuation", name: "a new paragraph introduces someone else", text: "Senator Ann Wood criticised the plan on Monday. \"It will fail,\" she said.\n\nCritics were unconvinced. Tom Reed, the mayor, spoke on Tuesday.\n\n\"We have nothing to hide.\"",
			quote: "nothing to hide", speaker: "Tom Reed"},
		{kind: "continuation", name: "the same speaker goes on", text: "\"It will fail,\" Senator Ann Wood said on Monday.\n\n\"Nobody in this town wants it.\"",
			quote: "Nobody in this town", speaker: "Ann Wood"},
		// Media are channels, not speakers.
		{kind: "medium", name: "a website quoted X as saying", text: `A local website quoted Paula Stone as saying "the mayor lied to us."`,
			quote: "the mayor lied", speaker: "Paula Stone"},
		{kind: "medium", name: "the emails show X wrote", text: `The emails show that Mark Dunn wrote: "We must hide the losses."`,
			quote: "hide the losses", speaker: "Mark Dunn"},
		// Nominal mentions.
		{kind: "nominal", name: "a title met before", text: "\"The roads are closed,\" Gov. Mike Fenn said on Monday. Critics disagreed, but the governor said: \"We had no choice.\"",
			quote: "no choice", speaker: "Mike Fenn"},
		{kind: "nominal", name: "vice president is not president", text: "President Anna Kerr and Vice President Joe Lund spoke. Later the president said: \"We stand together.\"",
			quote: "stand together", speaker: "Anna Kerr"},
		{kind: "nominal", name: "a description given earlier", text: "Donald Grey, a real estate businessman, announced his run on Monday. \"I will win,\" the New York businessman said.",
			quote: "I will win", speaker: "Donald Grey"},
		{kind: "nominal", name: "an acronym of an organisation", text: "The International Monetary Fund cut its forecast. \"Growth is weak,\" the IMF said.",
			quote: "Growth is weak", speaker: "International Monetary Fund"},
		// Unnamed sources.
		{kind: "unnamed", name: "spokeswoman for an organisation", text: `"We will appeal," a spokeswoman for the Harbour Authority said.`,
			quote: "We will appeal", speaker: "Harbour Authority", role: "unnamed spokeswoman"},
		// Apposition with an organisation or a place.
		{kind: "apposition", name: "institute in a city", text: `"Tariffs hurt the poor first," said Ana Ruiz of the Institute for Trade in Brussels.`,
			quote: "Tariffs hurt", speaker: "Ana Ruiz"},
		{kind: "apposition", name: "name after comma", text: `A spokesman for the ministry, Paul Varga, said: "The talks are over."`,
			quote: "talks are over", speaker: "Paul Varga"},
	}
	an := analyzer(t)
	for _, tt := range tests {
		t.Run(tt.kind+"/"+tt.name, func(t *testing.T) {
			res, err := an.Analyze(context.Background(), tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var found bool
			var seen []string
			for _, a := range res.Attributions {
				if !strings.Contains(a.Content.Text, tt.quote) {
					continue
				}
				found = true
				if a.Speaker == nil {
					t.Fatalf("no speaker, want %s", tt.speaker)
				}
				if a.Speaker.Name != tt.speaker {
					t.Errorf("speaker = %+v, want %s", *a.Speaker, tt.speaker)
				}
				if tt.role != "" && !strings.Contains(a.Speaker.Role, tt.role) {
					t.Errorf("role = %q, want it to hold %q", a.Speaker.Role, tt.role)
				}
				break
			}
			if !found {
				for _, a := range res.Attributions {
					seen = append(seen, a.Content.Text)
				}
				t.Fatalf("no attribution whose content holds %q; contents: %q", tt.quote, seen)
			}
		})
	}
}
