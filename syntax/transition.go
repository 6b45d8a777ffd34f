package syntax

// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta
// 2011) with a root at the bottom of the stack: SHIFT moves the first
// buffer word onto the stack; LEFT makes the first buffer word the head of
// the stack's top and pops it; RIGHT makes the word under the top its head
// and pops it. The root takes its one dependent only when the buffer is
// empty, so every sentence gets exactly one root word. Words are numbered
// from 1; 0 is the root.

// Transitions.
const (
	shift = iota
	left
	right
	numMoves
)

// state is a parser configuration with the partial tree built so far and,
// for the features, each word's outermost dependents and counts.
type state struct {
	n     int
	stack []int32
	next  int32 // first word of the buffer; n+1 when empty
	head  []int32
	rel   []Rel
	// Two leftmost and two rightmost dependents of each word (0: none),
	// dependent counts and the sets of relations on each side.
	left1, left2, right1, right2 []int32
	nLeft, nRight                []uint8
	leftRels, rightRels          []uint64
}

func newState(n int) *state {
	s := &state{}
	s.reset(n)
	return s
}

// reset readies s for a sentence of n words, reusing its buffers.
func (s *state) reset(n int) {
	s.n = n
	s.stack = append(s.stack[:0], 0)
	s.next = 1
	s.head = resize32(s.head, n+1, -1)
	s.rel = resizeRel(s.rel, n+1)
	s.left1 = resize32(s.left1, n+1, 0)
	s.left2 = resize32(s.left2, n+1, 0)
	s.right1 = resize32(s.right1, n+1, 0)
	s.right2 = resize32(s.right2, n+1, 0)
	s.nLeft = resize8(s.nLeft, n+1)
	s.nRight = resize8(s.nRight, n+1)
	s.leftRels = resize64(s.leftRels, n+1)
	s.rightRels = resize64(s.rightRels, n+1)
}

func resize32(b []int32, n int, v int32) []int32 {
	if cap(b) < n {
		b = make([]int32, n)
	}
	b = b[:n]
	for i := range b {
		b[i] = v
	}
	return b
}

func resize8(b []uint8, n int) []uint8 {
	if cap(b) < n {
		b = make([]uint8, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func resize64(b []uint64, n int) []uint64 {
	if cap(b) < n {
		b = make([]uint64, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func resizeRel(b []Rel, n int) []Rel {
	if cap(b) < n {
		b = make([]Rel, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func (s *state) done() bool { return len(s.stack) == 1 && int(s.next) > s.n }

// s0, s1, s2 return the stack's top three words (-1 when absent).
func (s *state) stackAt(k int) int32 {
	if k < len(s.stack) {
		return s.stack[len(s.stack)-1-k]
	}
	return -1
}

// buf returns the k-th buffer word, or -1 past the end.
func (s *state) buf(k int) int32 {
	if i := s.next + int32(k); int(i) <= s.n {
		return i
	}
	return -1
}

// allowed reports whether move m is possible in s.
func (s *state) allowed(m int) bool {
	bufEmpty := int(s.next) > s.n
	switch m {
	case shift:
		return !bufEmpty
	case left:
		return !bufEmpty && len(s.stack) > 1
	case right:
		return len(s.stack) > 2 || (len(s.stack) == 2 && bufEmpty)
	}
	return false
}

// apply performs move m, giving the new arc relation r.
func (s *state) apply(m int, r Rel) {
	switch m {
	case shift:
		s.stack = append(s.stack, s.next)
		s.next++
	case left:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.next, d, r)
	case right:
		d := s.stack[len(s.stack)-1]
		h := s.stack[len(s.stack)-2]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(h, d, r)
	}
}

// arc returns the head and dependent move m would join.
func (s *state) arc(m int) (h, d int32) {
	d = s.stack[len(s.stack)-1]
	if m == left {
		return s.next, d
	}
	return s.stack[len(s.stack)-2], d
}

func (s *state) attach(h, d int32, r Rel) {
	s.head[d] = h
	s.rel[d] = r
	bit := uint64(1) << (uint(r) & 63)
	if d < h {
		s.nLeft[h]++
		s.leftRels[h] |= bit
		switch {
		case s.left1[h] == 0 || d < s.left1[h]:
			s.left2[h] = s.left1[h]
			s.left1[h] = d
		case s.left2[h] == 0 || d < s.left2[h]:
			s.left2[h] = d
		}
	} else {
		s.nRight[h]++
		s.rightRels[h] |= bit
		switch {
		case d > s.right1[h]:
			s.right2[h] = s.right1[h]
			s.right1[h] = d
		case d > s.right2[h]:
			s.right2[h] = d
		}
	}
}

// costs sets cost[m] to the number of gold arcs that move m makes
// unreachable (Goldberg & Nivre 2013): the dynamic oracle of arc-hybrid,
// exact for projective gold trees.
func (s *state) costs(gold []int32, cost *[numMoves]int) {
	*cost = [numMoves]int{}
	top := len(s.stack) - 1
	s0 := s.stack[top]
	b0 := s.next
	bufEmpty := int(b0) > s.n
	// depsInBuffer counts the gold dependents of w still in the buffer
	// from position from on.
	depsInBuffer := func(w, from int32) int {
		c := 0
		for k := from; int(k) <= s.n; k++ {
			if gold[k] == w {
				c++
			}
		}
		return c
	}
	if !bufEmpty {
		// SHIFT: b0 loses gold heads on the stack below s0 and its gold
		// dependents on the stack.
		c := 0
		for k := 0; k <= top; k++ {
			w := s.stack[k]
			if gold[w] == b0 {
				c++
			}
			if k < top && gold[b0] == w {
				c++
			}
		}
		cost[shift] = c
	}
	if top >= 1 {
		s1 := s.stack[top-1]
		if !bufEmpty {
			// LEFT: s0 takes b0 as head; it loses a gold head s1 or in the
			// buffer after b0, and its gold dependents in the buffer.
			c := depsInBuffer(s0, b0)
			if gold[s0] == s1 {
				c++
			}
			if g := gold[s0]; g > b0 {
				c++
			}
			cost[left] = c
		}
		// RIGHT: s0 takes s1 as head; it loses a gold head in the buffer
		// and its gold dependents there.
		c := 0
		if !bufEmpty {
			c = depsInBuffer(s0, b0)
			if gold[s0] >= b0 {
				c++
			}
		}
		cost[right] = c
	}
}
