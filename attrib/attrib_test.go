package attrib_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/attrib"
)

func analyzer(t testing.TB) *attrib.Analyzer {
	t.Helper()
	an, err := attrib.New()
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// checkSpans verifies that every span of res lies inside text and that
// segment texts match their spans.
func checkSpans(t testing.TB, text string, res *sayso.Analysis) {
	t.Helper()
	n := utf8.RuneCountInString(text)
	runes := []rune(text)
	seg := func(what string, s *sayso.Segment) {
		if s == nil {
			return
		}
		var parts []string
		for _, sp := range s.Spans {
			if sp.Start < 0 || sp.End > n || sp.Start >= sp.End {
				t.Fatalf("%s span %+v outside a text of %d code points", what, sp, n)
			}
			parts = append(parts, string(runes[sp.Start:sp.End]))
		}
		if got := strings.Join(parts, " "); got != s.Text {
			t.Fatalf("%s text %q does not match its spans (%q)", what, s.Text, got)
		}
	}
	for _, a := range res.Attributions {
		seg("source", a.Source)
		seg("cue", a.Cue)
		seg("content", &a.Content)
		if len(a.Content.Spans) == 0 {
			t.Fatalf("attribution without content: %+v", a)
		}
		if a.Confidence < 0 || a.Confidence > 1 {
			t.Fatalf("confidence %v outside [0, 1]", a.Confidence)
		}
	}
	for _, c := range res.Claims {
		if c.Span.Start < 0 || c.Span.End > n || string(runes[c.Span.Start:c.Span.End]) != c.Text {
			t.Fatalf("claim %+v does not match the text", c)
		}
	}
}

func TestBadInput(t *testing.T) {
	an := analyzer(t)
	rng := rand.New(rand.NewPCG(1, 2))
	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(rng.UintN(256))
	}
	tests := map[string]string{
		"empty":            "",
		"spaces":           " \n\n\t ",
		"binary":           string(binary),
		"unbalanced":       `He said “this never closes. And ‘neither does this. "Straight one too.` + "\n\n" + `” a stray closing mark, she said.`,
		"no punctuation":   strings.Repeat("the senator said the bill would pass and the house agreed ", 400),
		"non-English":      "Der Sprecher sagte: „Wir sind zufrieden.“ Пресс-секретарь Песков заявил, что Москва удовлетворена. 报道说，官员表示满意。",
		"one long word":    strings.Repeat("x", 100000),
		"only quotes":      strings.Repeat(`"' “ ” ‘ ’ « » „ `, 500),
		"newlines":         strings.Repeat("\n", 10000),
		"invalid utf8":     "He said \xff\xfe that \xc3 it was fine.",
		"nested quotes":    `“She told me ‘he said “no” to them’ yesterday,” Smith said.`,
		"headline only":    "Trump: Clinton ‘Unfit’",
		"control chars":    "Smith said\x00 that\x01 the\x1b[31m vote failed.",
		"very long quote":  "“" + strings.Repeat("This is all quoted. ", 2000) + "” he said.",
		"many paragraphs":  strings.Repeat("He said so.\n\n", 3000),
		"dash signature":   "“I am afraid of what comes next.”\n\n― Ann Lee, a nurse",
		"colon transcript": "WALLACE: Will you run?\n\nPENCE: I will.",
	}
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			res, err := an.Analyze(context.Background(), text)
			if err != nil {
				t.Fatalf("Analyze: %v", err)
			}
			checkSpans(t, text, res)
		})
	}
}

func TestHugeInput(t *testing.T) {
	an := analyzer(t)
	para := "Officials said on Monday that the plan, which critics called “reckless,” would go ahead. " +
		"The mayor told reporters she was confident. “We will not stop,” she said.\n\n"
	text := strings.Repeat(para, 10<<20/len(para)+1) // just over 10 MB
	res, err := an.Analyze(context.Background(), text)
	if err != nil {
		t.Fatalf("Analyze of %d bytes: %v", len(text), err)
	}
	if len(res.Attributions) < 1000 {
		t.Errorf("only %d attributions in %d bytes of reported speech", len(res.Attributions), len(text))
	}
	tooBig := strings.Repeat("a", attrib.MaxTextBytes+1)
	_, err = an.Analyze(context.Background(), tooBig)
	var se *sayso.Error
	if !errors.As(err, &se) || se.Code != sayso.ETOOLARGE {
		t.Errorf("Analyze of %d bytes: error %v, want ETOOLARGE", len(tooBig), err)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := analyzer(t).Analyze(ctx, "He said so."); !errors.Is(err, context.Canceled) {
		t.Errorf("Analyze with a cancelled context: %v, want context.Canceled", err)
	}
}

// TestSpeakers checks speaker resolution on passages written for it.
func TestSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		cue        string // the cue of the attribution to check
		speaker    string
		typ        sayso.SpeakerType
		res        sayso.Resolution
	}{
		{"named with role", "Russian spokesman Dmitry Peskov said the talks had failed.",
			"said", "Dmitry Peskov", sayso.Person, sayso.ResolvedNamed},
		{"pronoun", "Senator Elizabeth Warren criticized the bank on Tuesday. She said the chief executive should resign.",
			"said", "Elizabeth Warren", sayso.Person, sayso.ResolvedPronoun},
		{"surname", "Former Governor Jeb Bush spoke in Miami on Friday. Bush said the campaign would continue.",
			"said", "Jeb Bush", sayso.Person, sayso.ResolvedEarlierMention},
		{"metonymy", "The Kremlin said it was satisfied with the outcome of the talks.",
			"said", "Kremlin", sayso.Organisation, sayso.ResolvedNamed},
		{"anonymous", "A senior official said the decision had already been made.",
			"said", "A senior official", sayso.Anonymous, sayso.Unresolved},
	}
	an := analyzer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := an.Analyze(context.Background(), tt.text)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range res.Attributions {
				if a.Cue == nil || a.Cue.Text != tt.cue {
					continue
				}
				if a.Speaker == nil {
					t.Fatalf("no speaker for %q", a.Content.Text)
				}
				if a.Speaker.Name != tt.speaker || a.Speaker.Type != tt.typ || a.Speaker.Resolution != tt.res {
					t.Errorf("speaker = %+v, want %s (%s, %s)", *a.Speaker, tt.speaker, tt.typ, tt.res)
				}
				return
			}
			t.Errorf("no attribution with cue %q in %+v", tt.cue, res.Attributions)
		})
	}
}

func TestContinuationQuote(t *testing.T) {
	text := "“We have heard from Washington that membership has been ruled out,” Russian spokesman Dmitry Peskov explained. " +
		"“And of course this is something that brings us satisfaction.”"
	res, err := analyzer(t).Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, a := range res.Attributions {
		kinds = append(kinds, string(a.Kind))
		if strings.HasPrefix(a.Content.Text, "“And of course") {
			if a.Speaker == nil || a.Speaker.Name != "Dmitry Peskov" || a.Speaker.Resolution != sayso.ResolvedCarriedOver {
				t.Errorf("continuation speaker = %+v, want Dmitry Peskov carried over", a.Speaker)
			}
			return
		}
	}
	t.Errorf("continuation quote not found among %v", kinds)
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"", "He said “yes.”", "“A,” she said, “b.”\n\n“C.”", "According to officials, it rained.",
		"WALLACE: Why?\n\nPENCE: Because.", "“x\n\n“y", "\xff\x00\"'«»", "Mr. U.S. said: ''ok''",
	} {
		f.Add(s)
	}
	an, err := attrib.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		res, err := an.Analyze(context.Background(), text)
		if err != nil {
			t.Fatalf("Analyze: %v", err)
		}
		checkSpans(t, text, res)
	})
}
