package attrib

import "sort"

// linkWithArgs builds attributions around the tagger's cues with the
// argument ranker: each cue's content and source are chosen by am; a cue
// whose best content is "none" is dropped. Content spans the tagger found
// that no cue claimed are then attached as linkSpans does: to the nearest
// cue of their sentence as a further piece (a split quote), or as a
// continuation of the attribution before them.
func linkWithArgs(d *document, tags []tag, am *argModel) []link {
	spans := spansOf(d, tags)
	taken := make([]bool, len(d.toks))
	var cues []span
	for _, s := range spans {
		if s.label == labelCue {
			cues = append(cues, s)
			for i := s.first; i <= s.last; i++ {
				taken[i] = true
			}
		}
	}
	var links []link
	for _, c := range cues {
		ch, margin := am.best(d, tags, c, roleContent, taken)
		if ch.first < 0 {
			continue
		}
		cc := c
		l := link{cue: &cc, contents: []span{{ch.first, ch.last, labelContent}}, margin: margin}
		for i := ch.first; i <= ch.last; i++ {
			taken[i] = true
		}
		links = append(links, l)
	}
	for k := range links {
		l := &links[k]
		// Sources may be shared between cues, so only the cues and the
		// contents are off limits.
		src, _ := am.best(d, tags, *l.cue, roleSource, taken)
		if src.first >= 0 {
			l.source = &span{src.first, src.last, labelSource}
		}
	}
	// Remaining tagged contents go to a cue of their sentence, found
	// through an index of the links by the sentences their cues touch.
	bySentence := map[int][]int{}
	for li, l := range links {
		ca, cb := d.sentencesOf(*l.cue)
		for si := ca; si <= cb; si++ {
			bySentence[si] = append(bySentence[si], li)
		}
	}
	var orphans []span
	for _, s := range spans {
		if s.label != labelContent {
			continue
		}
		free := true
		for i := s.first; i <= s.last; i++ {
			if taken[i] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		best, bestGap := -1, 1<<30
		a, b := d.sentencesOf(s)
		for si := a; si <= b; si++ {
			for _, li := range bySentence[si] {
				if g := gap(s, *links[li].cue); g < bestGap {
					best, bestGap = li, g
				}
			}
		}
		if best >= 0 && d.quote[s.first]&qOpen != 0 {
			links[best].contents = append(links[best].contents, s)
			continue
		}
		orphans = append(orphans, s)
	}
	for _, s := range orphans {
		if d.quote[s.first]&qOpen == 0 {
			continue // a stray indirect fragment: no cue, no quote
		}
		if !hasCue(links) {
			continue // nothing to continue
		}
		links = append(links, link{contents: []span{s}, continuation: true})
	}
	sort.SliceStable(links, func(i, j int) bool { return links[i].start() < links[j].start() })
	for k := range links {
		sort.Slice(links[k].contents, func(i, j int) bool { return links[k].contents[i].first < links[k].contents[j].first })
	}
	return links
}

// hasCue reports whether any link has a cue: a quote with no cue of its own
// continues an attribution or belongs to one, and in a text without any
// there is nothing for it to belong to (such quotes are mostly debris).
func hasCue(links []link) bool {
	for _, l := range links {
		if l.cue != nil {
			return true
		}
	}
	return false
}
