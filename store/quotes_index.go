package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"slices"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/trace"
)

// maxQuotes bounds the quotes indexed per article: quote ids are
// article_id*maxQuotes + seq, like attributions'.
const maxQuotes = maxAttributions

// unit is a stored quote: its id, span, speaker and trace.
type unit struct {
	id, trace  int64 // trace 0 when the quote is alone
	start, end int
	speakerID  int64
	speaker    string
	named      bool
	keys       []uint16
	// indexed marks a quote whose grams are in the gram index (not a
	// twin's reprint).
	indexed bool
}

// article returns the id of the article holding a quote.
func (u unit) article() int64 { return u.id / maxQuotes }

// indexQuotes adds the quotes of article id to the quote index. The
// grams of all its quotes are looked up at once; each quote's candidates
// (stored quotes sharing a gram, and the article's own earlier quotes)
// are checked by their stored word keys, trace by trace, and the traces
// it prints are merged with it.
func (w *writer) indexQuotes(id int64, text string, attrs []sayso.Attribution) error {
	qs := trace.Quotes(text, attrs)
	if len(qs) > maxQuotes {
		qs = qs[:maxQuotes]
	}
	grams := make([][]int32, len(qs))
	keys := make([][]uint16, len(qs))
	var all []int32
	for k := range qs {
		grams[k], keys[k] = qs[k].Grams(), qs[k].Keys()
		all = append(all, grams[k]...)
	}
	slices.Sort(all)
	all = slices.Compact(all)
	postings, err := w.postings(all)
	if err != nil {
		return err
	}
	for k := range qs {
		q := &qs[k]
		uid := id*maxQuotes + int64(k)
		var speakerID any
		if q.Attribution >= 0 {
			if sp := attrs[q.Attribution].Speaker; sp != nil && sp.Name != "" {
				sid, err := w.speaker(sp.Name, sp.Type)
				if err != nil {
					return err
				}
				speakerID = sid
			}
		}
		joined, singles, twin, err := w.printingsOf(keys[k], uid, grams[k], postings)
		if err != nil {
			return err
		}
		// The article's own earlier quotes (a pull quote repeats one).
		for j := range k {
			if trace.ShareGram(grams[k], grams[j]) && trace.RelatedKeys(keys[k], keys[j]) {
				singles = append(singles, id*maxQuotes+int64(j))
			}
		}
		var traceID any
		if len(joined) > 0 || len(singles) > 0 {
			t, err := w.mergeTraces(uid, joined, singles)
			if err != nil {
				return err
			}
			traceID = t
		}
		if err := w.exec(`INSERT INTO quote_units (id, start, "end", speaker_id, named, words, indexed, trace) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			uid, q.Start, q.End, speakerID, boolInt(q.Named && speakerID != nil), encodeKeys(keys[k]), boolInt(!twin),
			traceID); err != nil {
			return err
		}
		if !twin {
			if err := w.indexGrams(uid, grams[k]); err != nil {
				return err
			}
		}
	}
	return nil
}

// indexGrams adds a quote's grams to the gram index.
func (w *writer) indexGrams(uid int64, grams []int32) error {
	rows := make([][]any, len(grams))
	for i, g := range grams {
		rows[i] = []any{g, uid}
	}
	return w.insertRows("quote_grams", []string{"gram", "quote"}, rows)
}

// postings returns the stored quotes under each of grams.
func (w *writer) postings(grams []int32) (map[int32][]int64, error) {
	out := map[int32][]int64{}
	err := eachRow(w.ctx, w, w.s.q, `SELECT gram, quote FROM quote_grams WHERE gram IN (%s)`, grams, func(rows *sql.Rows) error {
		var g int32
		var q int64
		if err := rows.Scan(&g, &q); err != nil {
			return err
		}
		out[g] = append(out[g], q)
		return nil
	})
	return out, err
}

// printingsOf finds the stored quotes that print the same words as the
// quote whose keys and grams are given: among the quotes sharing a gram,
// those Related to it. It returns the traces they are in (one related
// quote suffices to join a trace), the related quotes that are in none,
// and whether one of them is the quote's twin: the same words and every
// one of its grams — a reprint, which then needs no postings of its own
// (whatever would find it finds its twin, which is in its trace), so that
// a quote printed a thousand times is looked up as one.
func (w *writer) printingsOf(keys []uint16, uid int64, grams []int32, postings map[int32][]int64) (joined, singles []int64, twin bool, err error) {
	shared := map[int64]int{}
	for _, g := range grams {
		for _, c := range postings[g] {
			shared[c]++
		}
	}
	delete(shared, uid)
	if len(shared) == 0 {
		return nil, nil, false, nil
	}
	cands, err := w.candidates(sortedKeys(shared))
	if err != nil {
		return nil, nil, false, err
	}
	done := map[int64]bool{}
	for _, c := range cands {
		if !twin && shared[c.id] == len(grams) && slices.Equal(keys, c.keys) && len(keys) >= trace.MinRun {
			twin = true
		}
		if c.trace != 0 && done[c.trace] || !trace.RelatedKeys(keys, c.keys) {
			continue
		}
		if c.trace != 0 {
			done[c.trace] = true
			joined = append(joined, c.trace)
		} else {
			singles = append(singles, c.id)
		}
	}
	return joined, singles, twin, nil
}

// candidates reads what checking stored quotes needs: their ids, word
// keys and traces, in id order.
func (w *writer) candidates(ids []int64) ([]unit, error) {
	var out []unit
	err := eachRow(w.ctx, w, w.s.q, `SELECT id, words, coalesce(trace, 0) FROM quote_units WHERE id IN (%s) ORDER BY id`, ids, func(rows *sql.Rows) error {
		var u unit
		var words []byte
		if err := rows.Scan(&u.id, &words, &u.trace); err != nil {
			return err
		}
		u.keys = decodeKeys(words)
		out = append(out, u)
		return nil
	})
	return out, err
}

// encodeKeys writes word keys as two little-endian bytes each.
func encodeKeys(keys []uint16) []byte {
	out := make([]byte, 2*len(keys))
	for i, k := range keys {
		binary.LittleEndian.PutUint16(out[2*i:], k)
	}
	return out
}

// decodeKeys reads encodeKeys' output.
func decodeKeys(b []byte) []uint16 {
	out := make([]uint16, len(b)/2)
	for i := range out {
		out[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return out
}

// units reads stored quotes by id, in id order.
func (w *writer) units(ids []int64) ([]unit, error) {
	return readUnits(w.ctx, w, w.s.q, ids)
}

// unitColumns are the columns readUnit scans, from quote_units u and
// speakers s.
const unitColumns = `u.id, u.start, u."end", coalesce(u.speaker_id, 0), coalesce(u.trace, 0), coalesce(s.name, ''), u.named, u.words, u.indexed`

// unitFrom is the FROM clause unitColumns read.
const unitFrom = ` FROM quote_units u LEFT JOIN speakers s ON s.id = u.speaker_id `

// readUnit scans one row of unitColumns.
func readUnit(rows *sql.Rows) (unit, error) {
	var u unit
	var named, indexed int
	var words []byte
	err := rows.Scan(&u.id, &u.start, &u.end, &u.speakerID, &u.trace, &u.speaker, &named, &words, &indexed)
	u.named, u.keys, u.indexed = named != 0, decodeKeys(words), indexed != 0
	return u, err
}

// readUnits reads stored quotes by id, in id order.
func readUnits(ctx context.Context, q queryer, rebind func(string) string, ids []int64) ([]unit, error) {
	var out []unit
	err := eachRow(ctx, q, rebind, `SELECT `+unitColumns+unitFrom+`WHERE u.id IN (%s) ORDER BY u.id`, ids, func(rows *sql.Rows) error {
		u, err := readUnit(rows)
		if err != nil {
			return err
		}
		out = append(out, u)
		return nil
	})
	return out, err
}

// queryUnits reads the stored quotes a query with unitColumns selects.
func queryUnits(ctx context.Context, q queryer, query string, args ...any) ([]unit, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []unit
	for rows.Next() {
		u, err := readUnit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// unitsBetween reads the stored quotes with ids in [lo, hi].
func (w *writer) unitsBetween(lo, hi int64) ([]unit, error) {
	return queryUnits(w.ctx, w, `SELECT `+unitColumns+unitFrom+`WHERE u.id BETWEEN ? AND ? ORDER BY u.id`, lo, hi)
}

// quoteAt reads a stored quote's words again from its article's text.
func (w *writer) quoteAt(u unit) (trace.Quote, error) {
	t, err := w.text(u.article())
	if err != nil {
		return trace.Quote{}, err
	}
	return trace.ParseQuote(sliceRunes(t, u.start, u.end)), nil
}

// sliceRunes returns s[start:end] in code points, clamped.
func sliceRunes(s string, start, end int) string {
	cp := 0
	from, to := len(s), len(s)
	for i := range s {
		if cp == start {
			from = i
		}
		if cp == end {
			to = i
			break
		}
		cp++
	}
	if from > to {
		return ""
	}
	return s[from:to]
}

// mergeTraces makes one trace of quote uid, the traces joined and the
// quotes singles, named after its least quote, and returns its id.
func (w *writer) mergeTraces(uid int64, joined, singles []int64) (int64, error) {
	id := uid
	for _, t := range joined {
		id = min(id, t)
	}
	for _, s := range singles {
		id = min(id, s)
	}
	for _, t := range joined {
		if t != id {
			if err := w.exec(`UPDATE quote_units SET trace = ? WHERE trace = ?`, id, t); err != nil {
				return 0, err
			}
		}
	}
	for _, s := range singles {
		if err := w.exec(`UPDATE quote_units SET trace = ? WHERE id = ?`, id, s); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// unindexQuotes takes the quotes of article id, whose text was text, out
// of the quote index, and splits the traces they held together.
func (w *writer) unindexQuotes(id int64, text string) error {
	lo, hi := id*maxQuotes, id*maxQuotes+maxQuotes-1
	gone, err := w.unitsBetween(lo, hi)
	if err != nil || len(gone) == 0 {
		return err
	}
	traces := map[int64]bool{}
	for _, u := range gone {
		if u.indexed {
			q := trace.ParseQuote(sliceRunes(text, u.start, u.end))
			for _, g := range q.Grams() {
				if err := w.exec(`DELETE FROM quote_grams WHERE gram = ? AND quote = ?`, g, u.id); err != nil {
					return err
				}
			}
		}
		if u.trace != 0 {
			traces[u.trace] = true
		}
	}
	if err := w.exec(`DELETE FROM quote_units WHERE id BETWEEN ? AND ?`, lo, hi); err != nil {
		return err
	}
	for _, t := range sortedKeys(traces) {
		if err := w.splitTrace(t); err != nil {
			return err
		}
	}
	return nil
}

// splitTrace regroups the quotes left in trace t into the components they
// make, linked on the same conditions as when they were indexed: a shared
// gram and Related words.
func (w *writer) splitTrace(t int64) error {
	ids, err := listIDs(w.ctx, w, `SELECT id FROM quote_units WHERE trace = ? ORDER BY id`, t)
	if err != nil {
		return err
	}
	us, err := w.units(ids)
	if err != nil {
		return err
	}
	keys := map[int64][]uint16{}
	grams := map[int64][]int32{}
	for _, u := range us {
		q, err := w.quoteAt(u)
		if err != nil {
			return err
		}
		keys[u.id], grams[u.id] = u.keys, q.Grams()
	}
	comps := trace.Components(ids, func(a, b int64) bool {
		return trace.ShareGram(grams[a], grams[b]) && trace.RelatedKeys(keys[a], keys[b])
	})
	byID := map[int64]unit{}
	for _, u := range us {
		byID[u.id] = u
	}
	for _, comp := range comps {
		var to any
		if len(comp) > 1 {
			to = comp[0]
		}
		for _, q := range comp {
			if err := w.exec(`UPDATE quote_units SET trace = ? WHERE id = ?`, to, q); err != nil {
				return err
			}
		}
		// A reprint whose twin is gone gets postings of its own.
		for _, q := range comp {
			u := byID[q]
			if u.indexed {
				continue
			}
			covered := false
			for _, o := range comp {
				if v := byID[o]; v.indexed && slices.Equal(v.keys, u.keys) && trace.SharedGrams(grams[q], grams[o]) == len(grams[q]) {
					covered = true
					break
				}
			}
			if covered {
				continue
			}
			if err := w.indexGrams(q, grams[q]); err != nil {
				return err
			}
			if err := w.exec(`UPDATE quote_units SET indexed = 1 WHERE id = ?`, q); err != nil {
				return err
			}
			u.indexed = true
			byID[q] = u
		}
	}
	return nil
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
