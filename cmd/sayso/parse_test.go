package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseText(t *testing.T) {
	code, out, errs := runExtractCmd(t, "Peskov said the talks had failed. “We are ready,” he added.\n", "parse", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "# text = Peskov said the talks had failed.") {
		t.Errorf("no text comment:\n%s", out)
	}
	var said string
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Split(l, "\t"); len(f) == 10 && f[1] == "said" {
			said = l
		}
	}
	if f := strings.Split(said, "\t"); len(f) != 10 || f[3] != "VERB" || f[6] != "0" || f[7] != "root" {
		t.Errorf("said: %q", said)
	}
	code, out, _ = runExtractCmd(t, "Peskov said the talks had failed.", "parse", "--format", "text", "-")
	if code != exitOK || !strings.Contains(out, "said  VERB VBD  root\n  Peskov  PROPN NNP  nsubj\n") {
		t.Errorf("text format:\n%s", out)
	}
}

// TestParseCoNLLU keeps a CoNLL-U file's sentences, words, comments and
// multiword tokens and fills in the tags and the tree.
func TestParseCoNLLU(t *testing.T) {
	in := "# sent_id = a\n# text = I don't know.\n" +
		"1\tI\tI\t_\t_\t_\t_\t_\t_\t_\n" +
		"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tdo\tdo\t_\t_\t_\t_\t_\t_\t_\n" +
		"3\tn't\tnot\t_\t_\t_\t_\t_\t_\t_\n" +
		"4\tknow\tknow\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
		"5\t.\t.\t_\t_\t_\t_\t_\t_\t_\n\n"
	path := filepath.Join(t.TempDir(), "in.conllu")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runExtractCmd(t, "", "parse", "--input", "conllu", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 8 || lines[0] != "# sent_id = a" || !strings.HasPrefix(lines[3], "2-3\tdon't") {
		t.Fatalf("structure changed:\n%s", out)
	}
	know := strings.Split(lines[6], "\t")
	if know[2] != "know" || know[3] != "VERB" || know[6] != "0" || know[7] != "root" || know[9] != "SpaceAfter=No" {
		t.Errorf("know: %q", lines[6])
	}
	code, _, errs = runExtractCmd(t, "1\tbroken\n\n", "parse", "--input", "conllu", "-")
	if code != exitFailure || !strings.Contains(errs, "malformed CoNLL-U") {
		t.Errorf("bad CoNLL-U: exit %d, %q", code, errs)
	}
}
