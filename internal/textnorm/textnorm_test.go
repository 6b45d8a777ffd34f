package textnorm

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{`Mr. Peskov said, “It’s done.”`, `Mr.|Peskov|said|,|“|It|’s|done|.|”`},
		{`the U.S. and Clinton’s aides`, `the|U.S.|and|Clinton|’s|aides`},
		{`in the U.S.`, `in|the|U.S.`},
		{`Donald J. Trump won 2.5% of 1,000 votes at 10:30.`, `Donald|J.|Trump|won|2.5|%|of|1,000|votes|at|10:30|.`},
		{`a long-established fact, don't you think?`, `a|long-established|fact|,|don't|you|think|?`},
		{`I've said we're sure I'm right, you'd agree, they'll go`, `I|'ve|said|we|'re|sure|I|'m|right|,|you|'d|agree|,|they|'ll|go`},
		{"''rabbit patches'' or ``goat farms''", "''|rabbit|patches|''|or|``|goat|farms|''"},
		{`the '90s... and -- then`, `the|'90s|...|and|--|then`},
		{`Nov. 19 (UPI) — at AntiWar.com.`, `Nov.|19|(|UPI|)|—|at|AntiWar.com|.`},
		{`the Clintons’ house`, `the|Clintons|’|house`},
		{`He was ill. She left.`, `He|was|ill|.|She|left|.`},
		{`@realDonaldTrump #MAGA`, `@realDonaldTrump|#MAGA`},
		{`Rep. G.K. Butterfield (D-N.C.), head`, `Rep.|G.K.|Butterfield|(|D-N.C.|)|,|head`},
	}
	for _, tt := range tests {
		got := strings.Join(texts(Tokenize(tt.in)), "|")
		if got != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func TestTokenOffsets(t *testing.T) {
	s := "Kremlin’s “answer”\n\nnext — ok"
	ix := NewIndex(s)
	for _, tok := range Tokenize(s) {
		if got := ix.Slice(s, tok.Start, tok.End); got != tok.Text {
			t.Errorf("code points [%d,%d) = %q, want %q", tok.Start, tok.End, got, tok.Text)
		}
		if s[tok.ByteStart:tok.ByteEnd] != tok.Text {
			t.Errorf("bytes [%d,%d) = %q, want %q", tok.ByteStart, tok.ByteEnd, s[tok.ByteStart:tok.ByteEnd], tok.Text)
		}
		if ix.CodePoint(tok.ByteStart) != tok.Start || ix.Byte(tok.Start) != tok.ByteStart {
			t.Errorf("index disagrees for %q", tok.Text)
		}
	}
	toks := Tokenize(s)
	if toks[5].Text != "next" || toks[5].Newlines != 2 {
		t.Errorf("token 5 = %q with %d newlines, want next with 2", toks[5].Text, toks[5].Newlines)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`Mr. Smith went to Washington. He said “Yes.” Then he left.`,
			[]string{`Mr. Smith went to Washington.`, `He said “Yes.”`, `Then he left.`}},
		{`“Are you ready?” he asked. U.S. officials agreed.`,
			[]string{`“Are you ready?” he asked.`, `U.S. officials agreed.`}},
		{`It happened in the U.S. The next day, it ended.`,
			[]string{`It happened in the U.S.`, `The next day, it ended.`}},
		{"Title without period\n\nBody starts here. And ends (here.) Done",
			[]string{"Title without period", "Body starts here.", "And ends (here.)", "Done"}},
		{`The rate was 2.5 percent. 2016 was different... or not.`,
			[]string{`The rate was 2.5 percent.`, `2016 was different... or not.`}},
		{`no punctuation at all just words`, []string{`no punctuation at all just words`}},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		ix := NewIndex(tt.in)
		var got []string
		for _, s := range Sentences(toks) {
			got = append(got, ix.Slice(tt.in, s.Start, s.End))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestQuotations(t *testing.T) {
	tests := []struct {
		in   string
		want []string // quoted text including marks; unclosed ones run to paragraph end
	}{
		{`“We have heard,” Peskov said. “And of course.”`, []string{`“We have heard,”`, `“And of course.”`}},
		{`"Straight," he said, "quotes."`, []string{`"Straight,"`, `"quotes."`}},
		{`He called it ‘crazy’ and the Clintons’ plan ‘a mess.’`, []string{`‘crazy’`, `‘a mess.’`}},
		{"“First paragraph of a long quote.\n\n“Second paragraph,” she said.", []string{"“First paragraph of a long quote.", "“Second paragraph,”"}},
		{"„Guten Tag“ and «bonjour» and ''feed quotes''", []string{"„Guten Tag“", "«bonjour»", "''feed quotes''"}},
		{`Unbalanced “quote runs on`, []string{`“quote runs on`}},
		{`"He said 'no' to me," she said.`, []string{`"He said 'no' to me,"`, `'no'`}},
		{"”Fear. I am afraid.” ― Ann Lee", []string{"”Fear. I am afraid.”"}},
		{`'We are ready for talks,' the general said.`, []string{`'We are ready for talks,'`}},
		{"The talks ended.\n'We are ready,' he said.", []string{`'We are ready,'`}},
		{"``Feed quotes,'' he said.", []string{"``Feed quotes,''"}},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		var got []string
		for _, q := range Quotations(toks) {
			got = append(got, tt.in[toks[q.Open].ByteStart:toks[q.Last].ByteEnd])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Quotations(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
	qs := Quotations(Tokenize("“First paragraph.\n\n“Second.”"))
	if len(qs) != 2 || !qs[0].Continues || qs[0].Close != -1 {
		t.Errorf("multi-paragraph quote: got %+v, want first unclosed and continuing", qs)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "Mr. Smith said “hi.”", "a\x00b\xff", "''``'\"", "U.S.A. 1,000.5 '90s", "«x» „y“"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		ix := NewIndex(s)
		prev := 0
		for _, tok := range toks {
			if tok.ByteStart < prev || tok.ByteEnd <= tok.ByteStart || tok.ByteEnd > len(s) {
				t.Fatalf("bad token bytes [%d,%d) after %d in %q", tok.ByteStart, tok.ByteEnd, prev, s)
			}
			if tok.ByteEnd-tok.ByteStart > MaxTokenBytes+utf8.UTFMax*2 {
				t.Fatalf("token too long: %d bytes", tok.ByteEnd-tok.ByteStart)
			}
			if ix.CodePoint(tok.ByteStart) != tok.Start || ix.CodePoint(tok.ByteEnd) != tok.End {
				t.Fatalf("code points of %q disagree with the index", tok.Text)
			}
			prev = tok.ByteEnd
		}
		sents := Sentences(toks)
		next := 0
		for _, st := range sents {
			if st.First != next || st.Last < st.First {
				t.Fatalf("sentences do not tile the tokens: %+v at %d", st, next)
			}
			next = st.Last + 1
		}
		if next != len(toks) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
		}
		for _, q := range Quotations(toks) {
			if q.Open < 0 || q.Last < q.Open || q.Last >= len(toks) || (q.Close >= 0 && q.Close != q.Last) {
				t.Fatalf("bad quotation %+v", q)
			}
		}
	})
}
