package extract

import (
	"strings"

	"github.com/sayso-news/sayso"
)

// Markdown renders an article as Markdown: the title as a level-one
// heading, then the body with its structure kept (headings, list items,
// quotes, preformatted text) and, when there are any, the credits last.
// Body text is escaped so that it reads back as the same plain text.
func Markdown(a *sayso.Article) string {
	var b strings.Builder
	if a.Title != "" {
		b.WriteString("# ")
		b.WriteString(escapeMarkdown(a.Title))
		b.WriteString("\n\n")
	}
	for i, blk := range a.Blocks {
		if i > 0 {
			// Runs of list items, table rows and quoted paragraphs stay
			// one list, one table, one quote.
			switch prev := a.Blocks[i-1]; {
			case prev.Kind != blk.Kind:
				b.WriteString("\n\n")
			case blk.Kind == sayso.BlockListItem || blk.Kind == sayso.BlockTableRow:
				b.WriteString("\n")
			case blk.Kind == sayso.BlockQuote:
				b.WriteString("\n>\n")
			default:
				b.WriteString("\n\n")
			}
		}
		switch blk.Kind {
		case sayso.BlockHeading:
			level := blk.Level
			if level < 1 || level > 6 {
				level = 2
			}
			if level == 1 {
				level = 2 // the title is the only level-one heading
			}
			b.WriteString(strings.Repeat("#", level))
			b.WriteString(" ")
			b.WriteString(escapeMarkdown(oneLine(blk.Text)))
		case sayso.BlockListItem:
			depth := blk.Level
			if depth < 1 {
				depth = 1
			}
			b.WriteString(strings.Repeat("  ", depth-1))
			if blk.Ordered {
				b.WriteString("1. ")
			} else {
				b.WriteString("- ")
			}
			b.WriteString(escapeMarkdown(oneLine(blk.Text)))
		case sayso.BlockQuote:
			for j, line := range strings.Split(blk.Text, "\n") {
				if j > 0 {
					b.WriteString("\n")
				}
				b.WriteString("> ")
				b.WriteString(escapeMarkdown(line))
			}
		case sayso.BlockTableRow:
			cells := strings.Split(oneLine(blk.Text), " | ")
			for j := range cells {
				cells[j] = escapeMarkdown(cells[j])
			}
			b.WriteString("| " + strings.Join(cells, " | ") + " |")
			if i == 0 || a.Blocks[i-1].Kind != sayso.BlockTableRow {
				// The first row of a run heads the table.
				b.WriteString("\n|" + strings.Repeat(" --- |", len(cells)))
			}
		case sayso.BlockPreformat:
			// The fence is longer than any run of backticks in the text.
			fence := strings.Repeat("`", max(3, longestRun(blk.Text, '`')+1))
			b.WriteString(fence + "\n" + blk.Text + "\n" + fence)
		default:
			b.WriteString(strings.ReplaceAll(escapeMarkdown(blk.Text), "\n", "  \n"))
		}
	}
	if len(a.Credits) > 0 {
		b.WriteString("\n\n---")
		for _, c := range a.Credits {
			b.WriteString("\n\n*")
			b.WriteString(escapeMarkdown(c.Text))
			b.WriteString("*")
		}
	}
	b.WriteString("\n")
	return b.String()
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// longestRun returns the length of the longest run of byte c in s.
func longestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// escapeMarkdown backslash-escapes the characters that would otherwise
// start Markdown syntax, and a leading marker that would make a line a
// heading, list item or quote.
func escapeMarkdown(s string) string {
	if !strings.ContainsAny(s, "\\`*_[]<>#|~") && !startsLikeMarker(s) {
		return s
	}
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		if startsLikeMarker(line) {
			b.WriteString("\\")
		}
		for _, r := range line {
			switch r {
			case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~':
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// startsLikeMarker reports whether line begins like a list item ("- ",
// "+ ", "1. ") once rendered.
func startsLikeMarker(line string) bool {
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "+ ") {
		return true
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}
