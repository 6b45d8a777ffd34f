package attrib

import "testing"

// tokenOf returns the index of the first token of d whose text is w.
func tokenOf(t *testing.T, d *document, w string) int {
	t.Helper()
	for i, tk := range d.toks {
		if tk.Text == w {
			return i
		}
	}
	t.Fatalf("no token %q", w)
	return -1
}

// spanText returns the text of token span s.
func spanText(d *document, s span) string {
	return d.text[d.toks[s.first].ByteStart:d.toks[s.last].ByteEnd]
}

func TestSubjectOfParticiple(t *testing.T) {
	tests := []struct {
		text, cue, want string // want "" for no subject
	}{
		{"The Kremlin protested the new tariff on steel, arguing that it would hurt local plants.", "arguing", "The Kremlin"},
		{"In a speech on Monday night in Ohio, Senator Brown attacked the plan, saying it was too costly.", "saying", "Senator Brown"},
		{"The governor protested the tariff, arguing that it would hurt local plants.", "arguing", ""}, // a common noun: where it ends is unsure
		{"During the debate, Trump interrupted her twice, insisting that he had won.", "insisting", "Trump"},
		{"However, Moscow protested Kiev's bid, warning that it crossed a red line.", "warning", "Moscow"},
		{"Another reason is the cost of the plan, making it hard to pass.", "making", ""},
		{"That decision angered voters across the state, prompting calls for a recount.", "prompting", ""},
		{"Officials said the talks would resume, adding that no date was set.", "said", ""}, // not a participle
	}
	for _, tt := range tests {
		d := newDocument(tt.text, nil)
		i := tokenOf(t, d, tt.cue)
		got, ok := d.subjectOfParticiple(span{i, i, labelCue})
		switch {
		case tt.want == "" && ok:
			t.Errorf("%q: subject %q, want none", tt.text, spanText(d, got))
		case tt.want != "" && !ok:
			t.Errorf("%q: no subject, want %q", tt.text, tt.want)
		case ok && spanText(d, got) != tt.want:
			t.Errorf("%q: subject %q, want %q", tt.text, spanText(d, got), tt.want)
		}
	}
}

func TestCausesObject(t *testing.T) {
	tests := []struct {
		text, cue string
		want      bool
	}{
		{"Biden finally pushed the Russian leader to invade the country.", "pushed", true},
		{"The scandal forced the chairman to resign within a week.", "forced", true},
		{"The mayor pushed for a new stadium downtown.", "pushed", false},
		{"The union pushed to delay the vote until spring.", "pushed", false},
		{"Officials said the storm forced residents to flee.", "said", false},
		{"The protests led to calls for reform, and the council agreed.", "led", false},
	}
	for _, tt := range tests {
		d := newDocument(tt.text, nil)
		c := tokenOf(t, d, tt.cue)
		last := d.sents[d.sent[c]].Last - 1 // before the full stop
		l := link{cue: &span{c, c, labelCue}, contents: []span{{c + 1, last, labelContent}}}
		if got := d.causesObject(l); got != tt.want {
			t.Errorf("%q: causesObject = %v, want %v", tt.text, got, tt.want)
		}
	}
}
