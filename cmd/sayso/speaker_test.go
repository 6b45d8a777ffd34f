package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
)

// TestSpeakerIdentities reads a corpus written for this test through the
// real pipeline and checks that speakers are one identity across articles
// where they should be and apart where they should be: a spelling variant
// of a given name with the same role merged ("Dmitry"/"Dmitri Peskov"),
// variants with nothing in common kept apart (a farmer and a chess player
// named Alexei and Aleksei Volkov), a couple sharing a surname, and a
// father and his son "Jr."; then the same after "sayso reindex".
func TestSpeakerIdentities(t *testing.T) {
	db := filepath.Join(t.TempDir(), "corpus.db")
	if code, out, errs := runCmd(t, "ingest", "--db", db, filepath.Join("testdata", "speakercase")); code != exitOK {
		t.Fatalf("ingest exit %d\n%s\n%s", code, out, errs)
	}
	profiles := func(name string) []sayso.SpeakerIdentity {
		t.Helper()
		code, out, errs := runCmd(t, "speaker", "--db", db, "--format", "json", name)
		if code != exitOK {
			t.Fatalf("speaker %s: exit %d %s", name, code, errs)
		}
		var ps []sayso.SpeakerIdentity
		dec := json.NewDecoder(strings.NewReader(out))
		for dec.More() {
			var p sayso.SpeakerIdentity
			if err := dec.Decode(&p); err != nil {
				t.Fatalf("speaker %s: %v\n%s", name, err, out)
			}
			ps = append(ps, p)
		}
		return ps
	}
	names := func(p sayso.SpeakerIdentity) []string {
		var out []string
		for _, n := range p.Names {
			out = append(out, n.Name)
		}
		return out
	}
	check := func(stage string) {
		t.Helper()
		if ps := profiles("Peskov"); len(ps) != 1 || len(ps[0].Names) != 2 || len(ps[0].Outlets) != 2 || len(ps[0].Months) != 2 || len(ps[0].Roles) == 0 {
			t.Errorf("%s: Peskov = %+v, want one speaker with two names, two outlets, two months and roles", stage, ps)
		}
		if ps := profiles("Volkov"); len(ps) != 2 {
			t.Errorf("%s: Volkov = %+v, want two speakers (nothing says the farmer is the grandmaster)", stage, ps)
		}
		if ps := profiles("Carter"); len(ps) != 2 {
			t.Errorf("%s: Carter = %+v, want Bill and Hillary apart", stage, ps)
		}
		ps := profiles("Donald Grey")
		if len(ps) != 2 {
			t.Fatalf("%s: Donald Grey = %+v, want father and son apart", stage, ps)
		}
		got := map[string]bool{}
		for _, p := range ps {
			got[strings.Join(names(p), "|")] = true
		}
		if !got["Donald Grey"] || !got["Donald Grey Jr."] {
			t.Errorf("%s: Grey names = %v", stage, got)
		}
		// quotes --speaker finds every name of the identity.
		code, out, _ := runCmd(t, "quotes", "--db", db, "--speaker", "Dmitri Peskov", "--format", "json")
		if code != exitOK || !strings.Contains(out, "Dmitry Peskov") || !strings.Contains(out, "Dmitri Peskov") {
			t.Errorf("%s: quotes --speaker 'Dmitri Peskov': exit %d\n%s", stage, code, out)
		}
		// The export names the identity of each stored name.
		code, out, _ = runCmd(t, "export", "--db", db, "--table", "speakers", "--format", "jsonl")
		ident := map[string]int64{}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var sp sayso.SpeakerStats
			if json.Unmarshal([]byte(line), &sp) == nil {
				ident[sp.Name] = sp.Identity
			}
		}
		if code != exitOK || ident["Dmitry Peskov"] == 0 || ident["Dmitry Peskov"] != ident["Dmitri Peskov"] ||
			ident["Alexei Volkov"] == ident["Aleksei Volkov"] || ident["Donald Grey"] == ident["Donald Grey Jr."] {
			t.Errorf("%s: export identities = %v", stage, ident)
		}
	}
	check("ingest")
	if code, out, errs := runCmd(t, "reindex", "--db", db); code != exitOK {
		t.Fatalf("reindex exit %d\n%s\n%s", code, out, errs)
	}
	check("reindex")
	if code, _, errs := runCmd(t, "speaker", "--db", db, "Nobody At All"); code != exitOK || !strings.Contains(errs, "no stored speaker") {
		t.Errorf("speaker of an unknown name: exit %d %q", code, errs)
	}
	if code, _, _ := runCmd(t, "speaker", "--db", db); code != exitUsage {
		t.Errorf("speaker without a name: exit %d, want %d", code, exitUsage)
	}
}
