package main

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser test drives Debian's chromium through "sayso demo": it
// searches for a speaker, opens an article, clicks a highlighted quote,
// follows it to its trace and checks that the altered printing is
// marked, failing on any console error or exception (a Content-Security-
// Policy violation among them). Screenshots of the article and quote
// pages go to the test's artifact directory (go test -artifacts
// -outputdir DIR keeps them) and, when $SAYSO_SCREENSHOTS names a
// folder, there too.
//
// It runs when SAYSO_BROWSER_TEST=1 (.ci/run installs chromium and sets
// it); $SAYSO_CHROMIUM names the browser when it is not on the PATH.

// chromiumPath finds the browser.
func chromiumPath() string {
	if p := os.Getenv("SAYSO_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startDemo runs "sayso demo" on a free loopback port in-process and
// returns its address once it serves.
func startDemo(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	e := &env{stdin: strings.NewReader(""), stdout: pw, stderr: io.Discard,
		log: slog.New(slog.DiscardHandler), getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, e, []string{"demo", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "demo.db")})
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("sayso demo exited with %d", code)
		}
	})
	sc := bufio.NewScanner(pr)
	base := ""
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "Open "); ok {
			base = strings.TrimSuffix(strings.Fields(rest)[0], "/")
		}
		if strings.HasPrefix(line, "Ctrl-C") {
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if base == "" {
		t.Fatal("sayso demo printed no address")
	}
	return base
}

func TestBrowserDemo(t *testing.T) {
	if os.Getenv("SAYSO_BROWSER_TEST") != "1" {
		t.Skip("set SAYSO_BROWSER_TEST=1 to drive chromium through sayso demo (.ci/run does)")
	}
	browser := chromiumPath()
	if browser == "" {
		t.Fatal("SAYSO_BROWSER_TEST=1 but no chromium found: apt-get install -y chromium, or set SAYSO_CHROMIUM")
	}
	base := startDemo(t)

	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(browser), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true))
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// Every console message of the tab; errors fail the test at the end.
	var mu sync.Mutex
	var problems []string
	cctx, stopConsole := context.WithCancel(bctx)
	messages := chromedp.Console(cctx)
	consoleDone := make(chan struct{})
	go func() {
		defer close(consoleDone)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				problems = append(problems, m.String()+" at "+m.URL)
				mu.Unlock()
			}
		}
	}()
	ctx, cancel := context.WithTimeout(bctx, 90*time.Second)
	defer cancel()
	step := func(name string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		dirs := []string{t.ArtifactDir()}
		if d := os.Getenv("SAYSO_SCREENSHOTS"); d != "" {
			dirs = append(dirs, d)
		}
		for _, d := range dirs {
			if err := os.WriteFile(filepath.Join(d, name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("screenshot %s (%d bytes) in %v", name, len(png), dirs)
	}

	// Search for a speaker from the box every page carries.
	step("open the start page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	step("search for a speaker", chromedp.SendKeys(chromedp.ID("q"), "Okafor"), chromedp.Submit(chromedp.ID("q")),
		chromedp.WaitVisible(chromedp.CSS("a.speaker-link")))
	if s := text("a.speaker-link"); s != "Ines Okafor" {
		t.Fatalf("speaker found: %q", s)
	}
	// Open the wire story from the results.
	step("open an article", chromedp.Click(chromedp.Search(`//ol[@class="hits"]//a[contains(., "Chemical spill cuts water")]`)),
		chromedp.WaitVisible(chromedp.CSS("a.att")))
	if s := text("article h1"); !strings.Contains(s, "Chemical spill cuts water") {
		t.Fatalf("article opened: %q", s)
	}
	// Click the mayor's highlighted quote: its entry is marked and takes focus.
	step("click a highlighted quote", chromedp.Click(chromedp.Search(`//a[contains(@class, "att") and contains(@class, "content") and contains(., "single family")]`)),
		chromedp.WaitVisible(chromedp.CSS(".attr-item.active")))
	if s := text(".attr-item.active"); !strings.Contains(s, "Ines Okafor") || !strings.Contains(s, "Trace this quote") {
		t.Fatalf("attribution shown: %q", s)
	}
	shot("article.png")
	// Follow it to its trace: the altered printing is marked.
	step("open the quote's trace", chromedp.Click(chromedp.CSS(".attr-item.active a.trace-link")),
		chromedp.WaitVisible(chromedp.CSS(".timeline svg")))
	if s := text(".appearance.altered"); !strings.Contains(s, "eveningpost.example") || !strings.Contains(s, "altered") {
		t.Fatalf("altered printing: %q", s)
	}
	if s := text(".appearance.altered .diff"); !strings.Contains(s, "that") || !strings.Contains(s, "all the tests") {
		t.Fatalf("word diff: %q", s)
	}
	if s := text(".appearance.misattributed"); !strings.Contains(s, "Tomas Varga") {
		t.Fatalf("misattributed printing: %q", s)
	}
	shot("quote.png")

	stopConsole()
	<-consoleDone
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("browser console: %s", p)
	}
}
