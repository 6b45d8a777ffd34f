package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/sayso-news/sayso"
)

// runSpeaker implements "sayso speaker NAME": a speaker across the corpus.
func runSpeaker(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "speaker", "NAME",
		"Show the stored speakers whose name holds NAME, one identity each: every name the corpus\n"+
			"gives them (\"Dmitry Peskov\", \"Peskov\", \"Dmitri Peskov\"), the roles articles give them and\n"+
			"when, their attributions by month, and the outlets that quote them.")
	db := dbFlag(e, fs)
	format := formatFlag(fs, "", "text", "json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 1 {
		return usageError{"give a NAME"}
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	s, err := openStore(ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	ps, err := s.SpeakerIdentities(ctx, strings.Join(fs.Args(), " "))
	if err != nil {
		return err
	}
	if len(ps) == 0 {
		fmt.Fprintf(e.stderr, "no stored speaker named %q\n", strings.Join(fs.Args(), " "))
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		for _, p := range ps {
			if err := enc.Encode(p); err != nil {
				return err
			}
		}
		return nil
	}
	for i, p := range ps {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		writeProfile(e.stdout, p)
	}
	return nil
}

// writeProfile prints a speaker identity for reading.
func writeProfile(w io.Writer, p sayso.SpeakerIdentity) {
	fmt.Fprintf(w, "%s (%s, #%d): %d attributions in %d articles\n", p.Name, p.Type, p.Identity, p.Attributions, p.Articles)
	fmt.Fprintf(w, "Names:\n")
	for _, n := range p.Names {
		fmt.Fprintf(w, "  %-40s %5d\n", n.Name, n.Count)
	}
	if len(p.Roles) > 0 {
		fmt.Fprintf(w, "Roles:\n")
		for _, r := range p.Roles {
			fmt.Fprintf(w, "  %-40s %5d  %s – %s\n", r.Role, r.Count, dateOf(r.First), dateOf(r.Last))
		}
	}
	if len(p.Months) > 0 {
		fmt.Fprintf(w, "By month:\n")
		for _, m := range p.Months {
			month := m.Month
			if month == "" {
				month = "undated"
			}
			fmt.Fprintf(w, "  %-8s %5d\n", month, m.Count)
		}
	}
	if len(p.Outlets) > 0 {
		fmt.Fprintf(w, "Outlets:\n")
		for _, o := range p.Outlets {
			fmt.Fprintf(w, "  %-40s %5d\n", o.Name, o.Count)
		}
	}
}
