package span

import "testing"

func TestTrim(t *testing.T) {
	text := " \u00a0 Kyiv \t\n"
	s, e := Trim(text, 0, len(text))
	if got := text[s:e]; got != "Kyiv" {
		t.Errorf("Trim gives %q, want %q", got, "Kyiv")
	}
	if s, e := Trim("   ", 0, 3); s != e {
		t.Errorf("all space: [%d, %d), want empty", s, e)
	}
	if got := SkipSpace(" x", 0, 2); got != 1 {
		t.Errorf("SkipSpace = %d, want 1", got)
	}
}
